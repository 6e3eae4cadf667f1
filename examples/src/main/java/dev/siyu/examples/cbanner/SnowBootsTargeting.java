package dev.siyu.examples.cbanner;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.Consent;
import dev.siyu.core.member.Location;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.tagging.audience.Audience;
import dev.siyu.tagging.audience.Selection;
import dev.siyu.tagging.audience.TagIndex;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.contact.Channel;
import dev.siyu.tagging.contact.ContactLog;
import dev.siyu.tagging.contact.ContactPolicy;
import dev.siyu.tagging.contact.FrequencyCap;
import dev.siyu.tagging.engine.FeatureTable;
import dev.siyu.tagging.engine.MemberTags;
import dev.siyu.tagging.engine.TagEngine;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.MemberFacts;
import dev.siyu.tagging.rule.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * C.banner (千百度) went back from broad tags to a few core industry tags, and targets by region:
 * snow boots for Shenyang in November, not for the south. One rule tag says it; the campaign
 * selects the tag's audience under consent and a weekly SMS cap.
 */
public final class SnowBootsTargeting {

    /** The catalogue: a few core tags, one of them regional and seasonal. */
    public static final String CATALOGUE = """
            {"schemaVersion": 1, "version": 1, "groups": [
              {"id": "core", "name": "核心标签", "tags": [
                {"id": "shoe-buyer", "rule": {"feature": "orders", "days": 730, "category": "shoes", "op": "gte", "value": 1}},
                {"id": "cold-region", "rule": {"feature": "region", "op": "in", "value": ["东北", "华北", "西北"]}},
                {"id": "snow-boots-season", "rule": {"and": [
                   {"tag": "shoe-buyer"}, {"tag": "cold-region"},
                   {"feature": "as_of_month", "op": "in", "value": [10, 11, 12, 1]}]}}]}]}
            """;

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SnowBootsTargeting() {
    }

    /** The members of the example: shoe buyers in Shenyang, Dalian, Shenzhen and Guangzhou. */
    static List<MemberFacts> members() {
        String[][] who = {{"M1", "沈阳", "东北"}, {"M2", "大连", "东北"}, {"M3", "深圳", "华南"}, {"M4", "广州", "华南"},
            {"M5", "沈阳", "东北"}};
        List<MemberFacts> out = new java.util.ArrayList<>();
        for (String[] w : who) {
            MemberId id = MemberId.of(w[0]);
            MemberProfile p = MemberProfile.of(id, LocalDate.of(2024, 3, 1), AcquisitionChannel.GUIDE_CARD)
                    .withLocation(new Location(w[1], w[2]))
                    .withConsent(w[0].equals("M5") ? new Consent(true, false) : Consent.all());
            OrderLine line = OrderLine.of(1, StoreId.of("S1"), BrandId.of("CBANNER"), CategoryId.of("shoes"),
                    SkuId.of("BOOT-1"), 1, Money.cny("599.00"));
            Order order = new Order(OrderId.of("O-" + w[0]), id, Instant.parse("2025-12-01T04:00:00Z"), StoreId.of("S1"),
                    SalesChannel.values()[0], List.of(line), List.of(Tender.of(TenderType.MOBILE, Money.cny("599.00"))));
            out.add(MemberFacts.of(p).withOrders(List.of(order)));
        }
        return out;
    }

    /** Selects the snow-boots audience for an SMS at {@code at}. */
    public static Selection select(Instant at) {
        TagEngine engine = TagEngine.compile(TagCatalogue.parse(CATALOGUE, FeatureCatalogue.builtIn()));
        List<MemberFacts> members = members();
        FeatureTable table = FeatureTable.of(engine.layout(), members.size());
        TagIndex.Builder index = TagIndex.builder(engine, table);
        for (int i = 0; i < members.size(); i++) {
            MemberFacts m = members.get(i);
            engine.features(m, at, table, i);
            MemberTags tags = engine.evaluate(table, i, MemberTags.empty(m.profile().id()), at).tags();
            index.add(m.profile().id(), m.profile().consent(), tags.tags().keySet());
        }
        Channel sms = Channel.of("sms");
        ContactPolicy policy = new ContactPolicy(List.of(new FrequencyCap(sms, 1, Duration.ofDays(7))),
                Optional.of(LocalTime.of(21, 0)), Optional.of(LocalTime.of(9, 0)), SHANGHAI, Set.of());
        return Selection.select(index.build(), Audience.of(new Rule.HasTag(TagId.of("snow-boots-season"))), sms, at,
                policy, ContactLog.empty());
    }

    public static void main(String[] args) {
        Selection november = select(Instant.parse("2026-11-10T02:00:00Z"));
        System.out.println("November: " + november.selected() + " left out " + november.excluded());
        Selection july = select(Instant.parse("2026-07-10T02:00:00Z"));
        System.out.println("July: " + july.selected() + " left out " + july.excluded());
    }
}
