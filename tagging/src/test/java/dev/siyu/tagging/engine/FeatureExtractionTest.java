package dev.siyu.tagging.engine;

import static dev.siyu.tagging.engine.TagEngineTest.M;
import static dev.siyu.tagging.engine.TagEngineTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.feature.FeatureType;
import dev.siyu.tagging.feature.MemberFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractionTest {

    static final String CATALOGUE = """
            {"schemaVersion": 1, "groups": [{"id": "g", "tags": [
              {"id": "a", "rule": {"feature": "spend", "days": 30, "category": "shoes", "op": "gt", "value": 0}},
              {"id": "b", "rule": {"feature": "spend", "days": 30, "op": "gt", "value": 0}},
              {"id": "c", "rule": {"feature": "orders", "days": 365, "op": "gt", "value": 0}},
              {"id": "d", "rule": {"feature": "days_since_last_purchase", "op": "gt", "value": 0}},
              {"id": "e", "rule": {"feature": "first_purchase_date", "op": "gte", "value": {"daysAgo": 30}}},
              {"id": "f", "rule": {"feature": "first_purchase_date", "op": "gte", "value": "2026-01-01"}}]}]}
            """;

    @Test
    void windows_scopes_and_dates_are_read_in_the_business_zone() {
        TagEngine engine = TagEngine.compile(TagCatalogue.parse(CATALOGUE, FeatureCatalogue.builtIn()));
        Instant asOf = Instant.parse("2026-11-30T15:30:00Z"); // 2026-11-30 23:30 in Shanghai
        MemberFacts facts = MemberFacts.of(MemberProfile.of(M, LocalDate.of(2024, 1, 1), AcquisitionChannel.SMS))
                .withOrders(List.of(
                        order("O1", Instant.parse("2026-10-31T16:30:00Z"), "shoes", 10_000), // 11-01 00:30 local: day 30 of the window
                        order("O2", Instant.parse("2026-10-31T15:30:00Z"), "shoes", 20_000), // 10-31 23:30 local: outside
                        order("O3", Instant.parse("2026-11-20T02:00:00Z"), "bags", 40_000),
                        order("O4", Instant.parse("2026-12-01T02:00:00Z"), "bags", 80_000))); // after asOf: ignored
        FeatureTable row = engine.features(facts, asOf);
        FeatureLayout layout = engine.layout();
        assertThat(row.get(0, layout.slot(FeatureRef.scoped("spend", 30, "category", "shoes")).orElseThrow())).isEqualTo(10_000);
        assertThat(row.get(0, layout.slot(FeatureRef.window("spend", 30)).orElseThrow())).isEqualTo(50_000);
        assertThat(row.get(0, layout.slot(FeatureRef.window("orders", 365)).orElseThrow())).isEqualTo(3);
        assertThat(row.get(0, layout.slot(FeatureRef.of("days_since_last_purchase")).orElseThrow())).isEqualTo(10);
        assertThat(row.get(0, layout.ageSlot(FeatureRef.of("first_purchase_date")).orElseThrow())).isEqualTo(30);
        assertThat(row.get(0, layout.slot(FeatureRef.of("first_purchase_date")).orElseThrow()))
                .isEqualTo(LocalDate.of(2026, 10, 31).toEpochDay());
        MemberFacts none = MemberFacts.of(facts.profile());
        assertThat(engine.features(none, asOf).get(0, layout.slot(FeatureRef.of("days_since_last_purchase")).orElseThrow()))
                .isEqualTo(FeatureType.MISSING);
    }
}
