package dev.siyu.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.Location;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.event.TagAssigned;
import dev.siyu.tagging.event.TagRemoved;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.FeatureSource;
import dev.siyu.tagging.feature.MemberFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TagEngineTest {

    static final String CATALOGUE = """
            {"schemaVersion": 1, "version": 7,
             "features": [{"name": "vip_score", "type": "number"}],
             "groups": [
               {"id": "spend-band", "name": "消费档", "exclusive": true, "tags": [
                 {"id": "spend-low", "rule": {"feature": "spend", "days": 365, "op": "lt", "value": "CNY 1000"}},
                 {"id": "spend-mid", "rule": {"feature": "spend", "days": 365, "op": "between", "value": ["CNY 1000", "CNY 4999.99"]}},
                 {"id": "spend-high", "priority": 1, "rule": {"feature": "spend", "days": 365, "op": "gte", "value": "CNY 5000"}},
                 {"id": "spend-vip-by-guide", "kind": "manual"}]},
               {"id": "regional", "tags": [
                 {"id": "snow-boots-target", "rule": {"and": [
                    {"feature": "region", "op": "eq", "value": "东北"},
                    {"feature": "as_of_month", "op": "in", "value": [10, 11, 12]},
                    {"feature": "spend", "days": 730, "category": "shoes", "op": "gt", "value": 0}]}},
                 {"id": "south", "rule": {"feature": "region", "op": "in", "value": ["华南", "西南"]}}]},
               {"id": "life", "tags": [
                 {"id": "new-buyer", "rule": {"feature": "first_purchase_date", "op": "gte", "value": {"daysAgo": 30}}},
                 {"id": "birthday", "rule": {"feature": "birthday_this_month", "op": "eq", "value": true}},
                 {"id": "gold", "rule": {"feature": "tier", "op": "eq", "value": "GOLD"}},
                 {"id": "sleeping", "rule": {"feature": "churn_level", "op": "in", "value": ["sleeping", "lost"]}},
                 {"id": "vip-score-high", "rule": {"feature": "vip_score", "op": "gte", "value": 80}},
                 {"id": "gold-not-south", "rule": {"and": [{"tag": "gold"}, {"not": {"tag": "south"}}]}}]}]}
            """;

    static final Instant NOV = Instant.parse("2026-11-15T04:00:00Z");
    static final MemberId M = MemberId.of("M1");

    static Order order(String id, Instant at, String category, long fen) {
        OrderLine line = OrderLine.of(1, StoreId.of("S1"), BrandId.of("B1"), CategoryId.of(category), SkuId.of("K1"), 1,
                Money.cnyMinor(fen));
        return new Order(OrderId.of(id), M, at, StoreId.of("S1"), SalesChannel.values()[0], List.of(line),
                List.of(Tender.of(TenderType.CARD, Money.cnyMinor(fen))));
    }

    static MemberFacts shenyangBuyer() {
        MemberProfile p = MemberProfile.of(M, LocalDate.of(2024, 1, 1), AcquisitionChannel.GUIDE_CARD)
                .withLocation(new Location("沈阳", "东北")).withBirthday(MonthDay.of(11, 3));
        return MemberFacts.of(p).withOrders(List.of(order("O1", Instant.parse("2026-11-01T03:00:00Z"), "shoes", 650_000)))
                .withTier(Optional.of(TierId.of("GOLD")));
    }

    final TagEngine engine = TagEngine.compile(TagCatalogue.parse(CATALOGUE, FeatureCatalogue.builtIn()));

    Set<TagId> tagsOf(MemberFacts facts, Instant asOf) {
        return engine.evaluate(engine.features(facts, asOf), 0, MemberTags.empty(M), asOf).tags().tags().keySet();
    }

    @Nested
    class Evaluation {
        @Test
        void a_shenyang_shoe_buyer_in_november_is_a_snow_boots_target() {
            assertThat(tagsOf(shenyangBuyer(), NOV)).extracting(TagId::value)
                    .containsExactlyInAnyOrder("spend-high", "snow-boots-target", "new-buyer", "birthday", "gold",
                            "gold-not-south");
        }

        @Test
        void the_same_buyer_in_shenzhen_is_not() {
            MemberFacts f = shenyangBuyer();
            f = f.withProfile(f.profile().withLocation(new Location("深圳", "华南")));
            assertThat(tagsOf(f, NOV)).extracting(TagId::value).contains("south", "gold")
                    .doesNotContain("snow-boots-target", "gold-not-south");
        }

        @Test
        void nor_is_the_shenyang_buyer_in_july() {
            Instant july = Instant.parse("2027-07-15T04:00:00Z");
            assertThat(tagsOf(shenyangBuyer(), july)).extracting(TagId::value)
                    .doesNotContain("snow-boots-target", "new-buyer", "birthday");
        }

        @Test
        void a_member_without_orders_is_in_the_lowest_band_only() {
            MemberFacts f = MemberFacts.of(MemberProfile.of(M, LocalDate.of(2024, 1, 1), AcquisitionChannel.SMS));
            assertThat(tagsOf(f, NOV)).extracting(TagId::value).containsExactly("spend-low");
        }

        @Test
        void host_features_are_read_by_name() {
            MemberFacts f = shenyangBuyer().withHostValues(java.util.Map.of("vip_score", 90L), java.util.Map.of());
            assertThat(tagsOf(f, NOV)).extracting(TagId::value).contains("vip-score-high");
        }
    }

    @Nested
    class ManualTagsAndEvents {
        @Test
        void a_manual_tag_wins_its_exclusive_group_and_events_describe_the_change() {
            FeatureTable row = engine.features(shenyangBuyer(), NOV);
            TagEvaluation first = engine.evaluate(row, 0, MemberTags.empty(M), NOV);
            assertThat(first.events()).allMatch(e -> e instanceof TagAssigned).hasSize(6);
            MemberTags withManual = first.tags().with(TagId.of("spend-vip-by-guide"),
                    Provenance.manual(GuideId.of("G7"), NOV, Optional.empty()));
            TagEvaluation second = engine.evaluate(row, 0, withManual, NOV.plusSeconds(60));
            assertThat(second.tags().has(TagId.of("spend-vip-by-guide"))).isTrue();
            assertThat(second.tags().has(TagId.of("spend-high"))).isFalse();
            assertThat(second.events()).singleElement().isInstanceOfSatisfying(TagRemoved.class,
                    r -> assertThat(r.reason()).isEqualTo("LOST_TO_EXCLUSIVE_GROUP"));
            assertThat(second.tags().tags().get(TagId.of("gold")).since()).isEqualTo(NOV);
        }

        @Test
        void an_expired_manual_tag_is_removed() {
            FeatureTable row = engine.features(shenyangBuyer(), NOV);
            MemberTags tags = MemberTags.empty(M).with(TagId.of("spend-vip-by-guide"),
                    Provenance.manual(GuideId.of("G7"), NOV, Optional.of(NOV.plusSeconds(3600))));
            TagEvaluation later = engine.evaluate(row, 0, tags, NOV.plusSeconds(7200));
            assertThat(later.events()).filteredOn(e -> e instanceof TagRemoved).singleElement()
                    .extracting(e -> ((TagRemoved) e).reason()).isEqualTo("EXPIRED");
        }

        @Test
        void incremental_evaluation_of_a_profile_change_equals_a_full_one() {
            MemberFacts before = shenyangBuyer();
            TagEvaluation first = engine.evaluate(engine.features(before, NOV), 0, MemberTags.empty(M), NOV);
            MemberFacts moved = before.withProfile(before.profile().withLocation(new Location("广州", "华南")));
            FeatureTable row = engine.features(moved, NOV);
            TagEvaluation inc = engine.evaluateChanged(row, 0, first.tags(), NOV, Set.of(FeatureSource.PROFILE));
            TagEvaluation full = engine.evaluate(row, 0, MemberTags.empty(M), NOV);
            assertThat(inc.tags().tags().keySet()).isEqualTo(full.tags().tags().keySet());
            assertThat(engine.affectedBy(Set.of(FeatureSource.TIER))).extracting(TagId::value)
                    .containsExactlyInAnyOrder("gold", "gold-not-south");
        }
    }

    @Nested
    class Explanations {
        @Test
        void explain_names_each_condition_with_the_members_value() {
            FeatureTable row = engine.features(shenyangBuyer(), Instant.parse("2027-07-15T04:00:00Z"));
            MemberTags tags = engine.evaluate(row, 0, MemberTags.empty(M), Instant.parse("2027-07-15T04:00:00Z")).tags();
            Explanation why = engine.explain(row, 0, tags, TagId.of("snow-boots-target"), Instant.parse("2027-07-15T04:00:00Z"));
            assertThat(why.code()).isEqualTo("TAG_NOT_ASSIGNED");
            Explanation all = why.because().get(0);
            assertThat(all.code()).isEqualTo("ALL_OF_NOT_MET");
            assertThat(all.because()).extracting(Explanation::code)
                    .containsExactly("CONDITION_MET", "CONDITION_NOT_MET", "CONDITION_MET");
            assertThat(all.because().get(1).fact("value")).contains("7");
            assertThat(all.because().get(2).fact("value")).contains("CNY 6500.00");
        }

        @Test
        void explain_writes_money_thresholds_as_money_like_the_members_value() {
            Instant asOf = Instant.parse("2027-07-15T04:00:00Z");
            FeatureTable row = engine.features(shenyangBuyer(), asOf);
            MemberTags tags = engine.evaluate(row, 0, MemberTags.empty(M), asOf).tags();
            Explanation why = engine.explain(row, 0, tags, TagId.of("spend-high"), asOf);
            assertThat(why.because().get(0).fact("condition")).contains("spend[365d] gte CNY 5000.00");
            assertThat(why.because().get(0).fact("value")).contains("CNY 6500.00");
        }
    }
}
