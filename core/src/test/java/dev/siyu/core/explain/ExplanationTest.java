package dev.siyu.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.SiyuJson;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    @Test
    void keeps_facts_in_the_order_they_were_considered() {
        Explanation why = Explanation.builder("TIER_KEPT").fact("spend", "CNY 3000.00").fact("retention", "CNY 2000.00")
                .fact("graceUntil", null).because(Explanation.of("WINDOW_CALENDAR_YEAR")).build();
        assertThat(why.facts().keySet()).containsExactly("spend", "retention", "graceUntil");
        assertThat(why.fact("graceUntil")).contains("null");
        assertThat(why).hasToString("TIER_KEPT(spend=CNY 3000.00, retention=CNY 2000.00, graceUntil=null)"
                + "[WINDOW_CALENDAR_YEAR()]");
    }

    @Test
    void is_a_value() {
        assertThat(Explanation.builder("A").fact("x", 1).build()).isEqualTo(Explanation.builder("A").fact("x", "1").build());
    }

    @Test
    void refuses_codes_that_are_not_upper_snake_case() {
        assertThatThrownBy(() -> Explanation.of("tier kept")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code must be UPPER_SNAKE_CASE: 'tier kept'");
    }

    @Test
    void serializes_to_json_for_staff_screens() {
        assertThat(SiyuJson.write(Explanation.builder("EARNED").fact("points", 12).build()))
                .isEqualTo("{\"code\":\"EARNED\",\"facts\":{\"points\":\"12\"},\"because\":[]}");
    }
}
