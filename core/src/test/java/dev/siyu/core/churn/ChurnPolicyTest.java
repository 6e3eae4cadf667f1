package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.ConfigException;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChurnPolicyTest {

    @Test
    void reads_a_policy_document_with_defaults_for_absent_fields() {
        ChurnPolicy p = ChurnPolicy.fromJson("""
                {"schemaVersion": 1, "clvMonths": 24,
                 "aliveBelow": {"atRisk": 0.6, "sleeping": 0.35, "lost": 0.15},
                 "firstRepeatCycleDays": 45}
                """);
        assertThat(p).isEqualTo(ChurnPolicy.defaults().withClv(24, 0.01).withAliveThresholds(0.6, 0.35, 0.15)
                .withFirstRepeatCycleDays(45));
        assertThat(p.firstRepeatCycleDays()).isEqualTo(OptionalDouble.of(45));
    }

    @Test
    void bad_documents_name_the_place_and_the_rule() {
        assertThatThrownBy(() -> ChurnPolicy.fromJson("{\"schemaVersion\": 1, \"aliveBelow\": {\"atrisk\": 0.5}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/aliveBelow/atrisk");
        assertThatThrownBy(() -> ChurnPolicy.fromJson(
                "{\"schemaVersion\": 1, \"aliveBelow\": {\"atRisk\": 0.1, \"sleeping\": 0.3}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("atRiskBelow >= sleepingBelow");
        assertThatThrownBy(() -> ChurnPolicy.fromJson("{\"horizonDays\": 90}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schemaVersion");
    }
}
