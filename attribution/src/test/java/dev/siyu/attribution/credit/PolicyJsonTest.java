package dev.siyu.attribution.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.attribution.binding.BindingMode;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.json.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {

    @Test
    void a_binding_policy_reads_from_json_with_defaults_for_absent_fields() {
        BindingPolicy p = BindingPolicy.fromJson("""
                {"schemaVersion": 1, "mode": "last-touch", "protectionDays": 15, "validityDays": 90,
                 "exclusivePer": "brand", "onDuty": {"limit": 2}}""");
        assertThat(p.mode()).isEqualTo(BindingMode.LAST_TOUCH);
        assertThat(p.protection()).isEqualTo(Duration.ofDays(15));
        assertThat(p.validity()).contains(Duration.ofDays(90));
        assertThat(p.scopeKind()).isEqualTo(BindingScope.Kind.BRAND);
        assertThat(p.onDutyTakeover()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> BindingPolicy.fromJson("{\"schemaVersion\": 1, \"protectionDays\": 30, \"validityDays\": 10}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("validity must be >= protection");
        assertThatThrownBy(() -> BindingPolicy.fromJson("{\"schemaVersion\": 1, \"mode\": \"first-touch\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/mode");
    }

    @Test
    void an_attribution_policy_reads_from_json_and_refuses_unknown_roles() {
        AttributionPolicy p = AttributionPolicy.fromJson("""
                {"schemaVersion": 1, "precedence": ["service", "sale", "sharer"], "split": {"sale": 60, "service": 40}}""");
        assertThat(p.precedence()).isEqualTo(List.of(GuideRole.SERVICE, GuideRole.SALE, GuideRole.SHARER));
        assertThat(p.mode()).isEqualTo(AttributionPolicy.Mode.SPLIT);
        assertThatThrownBy(() -> AttributionPolicy.fromJson("{\"schemaVersion\": 1, \"split\": {\"boss\": 10}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/split/boss");
        assertThatThrownBy(() -> AttributionPolicy.fromJson("{\"schemaVersion\": 1, \"precedence\": [\"sale\", \"sale\"]}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/precedence");
    }
}
