package dev.siyu.tagging.audience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.member.Consent;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.contact.Channel;
import dev.siyu.tagging.contact.ContactLog;
import dev.siyu.tagging.contact.ContactPolicy;
import dev.siyu.tagging.contact.FrequencyCap;
import dev.siyu.tagging.engine.FeatureTable;
import dev.siyu.tagging.engine.TagEngine;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.rule.Operand;
import dev.siyu.tagging.rule.Rule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {

    static final String CATALOGUE = """
            {"schemaVersion": 1, "groups": [{"id": "g", "tags": [
              {"id": "north", "rule": {"feature": "region", "op": "eq", "value": "东北"}},
              {"id": "rich", "rule": {"feature": "points_balance", "op": "gte", "value": 1000}}]}]}
            """;

    @Test
    void a_selection_reports_who_was_left_out_and_why() {
        TagEngine engine = TagEngine.compile(TagCatalogue.parse(CATALOGUE, FeatureCatalogue.builtIn()));
        FeatureTable table = FeatureTable.of(engine.layout(), 5);
        int slot = engine.layout().slot(FeatureRef.of("points_balance")).orElseThrow();
        TagIndex.Builder b = TagIndex.builder(engine, table);
        Consent[] consent = {Consent.all(), Consent.all(), Consent.none(), new Consent(false, true), Consent.all()};
        for (int m = 0; m < 5; m++) {
            table.set(m, slot, 500L * m);
            b.add(MemberId.of("M" + m), consent[m], Set.of(TagId.of("north")));
        }
        TagIndex index = b.build();
        Audience audience = Audience.of(new Rule.And(List.of(new Rule.HasTag(TagId.of("north")),
                new Rule.Compare(FeatureRef.of("points_balance"), Rule.Op.GTE, List.of(new Operand.Num(500))))));
        Channel sms = Channel.of("sms");
        Instant at = Instant.parse("2026-11-10T02:00:00Z"); // 10:00 in Shanghai
        ContactLog log = ContactLog.empty().with(MemberId.of("M4"), sms, at.minus(Duration.ofDays(1)));
        ContactPolicy policy = new ContactPolicy(List.of(new FrequencyCap(sms, 1, Duration.ofDays(7))),
                Optional.of(LocalTime.of(21, 0)), Optional.of(LocalTime.of(9, 0)), ZoneId.of("Asia/Shanghai"), Set.of());
        Selection s = Selection.select(index, audience, sms, at, policy, log);
        assertThat(s.matched()).isEqualTo(4);
        assertThat(s.selected()).containsExactly(MemberId.of("M1"));
        assertThat(s.excluded()).isEqualTo(Map.of("NO_PERSONALIZED_CONSENT", 1, "NO_MARKETING_CONSENT", 1,
                "FREQUENCY_CAP", 1));
        Selection night = Selection.select(index, audience, sms, Instant.parse("2026-11-10T14:00:00Z"), policy, log);
        assertThat(night.selected()).isEmpty();
        assertThat(night.excluded()).containsEntry("QUIET_HOURS", 2);
    }
}
