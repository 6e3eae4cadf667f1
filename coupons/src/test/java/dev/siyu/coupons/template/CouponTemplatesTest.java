package dev.siyu.coupons.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.CounterId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CouponTemplatesTest {

    static final String YOHO = """
            {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai",
             "templates": [
              {"id": "yoho-1000-10", "name": "跨店满1000减10%",
               "benefit": {"type": "percent-off", "percent": 10, "threshold": 1000, "cap": "CNY 300"},
               "eligibility": {"counters": {"include": ["C1", "C2"]}, "channels": ["store"]},
               "validity": {"from": "2026-11-20T00:00:00+08:00", "until": "2026-11-23T00:00:00+08:00"},
               "stacking": {"group": "mall", "priority": 10},
               "limits": {"perMember": 1, "budget": 5000000},
               "funding": {"mallPercent": 50},
               "refunds": {"restoreOnFullReturn": false, "belowThreshold": "claw-back"}},
              {"id": "voucher-600-750", "benefit": {"type": "stored-value", "faceValue": 750, "price": 600},
               "validity": {"daysAfterIssue": 90}},
              {"id": "newcomer", "benefit": {"type": "amount-off", "steps": [{"threshold": 99, "amount": 10},
                 {"threshold": 199, "amount": 30}]},
               "eligibility": {"members": "new"}, "validity": {"daysAfterIssue": 7, "daysOfWeek": ["saturday", "sunday"],
               "hours": {"from": "10:00", "until": "22:00"}}}]}
            """;

    @Test
    void reads_a_document_into_the_same_types_the_builder_makes() {
        List<CouponTemplate> templates = CouponTemplates.parse(YOHO);
        assertThat(templates).hasSize(3);
        CouponTemplate yoho = templates.get(0);
        assertThat(yoho.benefit()).isEqualTo(new Benefit.PercentOff(BigDecimal.TEN, Optional.of(Money.cny("1000")),
                Optional.of(Money.cny("300")), Money.CNY));
        assertThat(yoho.eligibility().counters().include()).containsExactlyInAnyOrder(CounterId.of("C1"), CounterId.of("C2"));
        assertThat(yoho.limits().budget()).contains(Money.cny("5000000"));
        assertThat(yoho.refunds().belowThreshold()).isEqualTo(RefundPolicy.ThresholdPolicy.CLAW_BACK);
        assertThat(templates.get(1).benefit()).isEqualTo(new Benefit.StoredValue(Money.cny("750"), Money.cny("600")));
        assertThat(templates.get(2).eligibility().members()).isEqualTo(MemberKind.NEW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"percent\": 10|\"percent\": 150|/templates/0/benefit/percent|percent > 0 and <= 100",
        "\"cap\": \"CNY 300\"|\"cap\": -5|/templates/0/benefit/cap|amount > 0",
        "\"threshold\": 1000,|\"threshold\": 0,|/templates/0/benefit/threshold|amount > 0",
        "\"cap\": \"CNY 300\"|\"cap\": \"USD 3\"|/templates/0/benefit/cap|CNY",
        "\"channels\": [\"store\"]|\"channels\": [\"store\"], \"colour\": 1|/templates/0/eligibility/colour|unknown field",
        "\"include\": [\"C1\", \"C2\"]|\"include\": [\"C1\", \"C2\"], \"exclude\": [\"C2\"]|/templates/0/eligibility/counters/exclude/0|contradictory",
        "\"mallPercent\": 50|\"mallPercent\": 101|/templates/0/funding/mallPercent|mallPercent must be between 0 and 100",
        "\"schemaVersion\": 1|\"schemaVersion\": 2|/schemaVersion|schemaVersion 1",
        "\"until\": \"2026-11-23T00:00:00+08:00\"|\"until\": \"2026-11-19T00:00:00+08:00\"|/templates/0/validity/until|after from",
        "\"perMember\": 1|\"perMember\": -1|/templates/0/limits/perMember|>= 0",
        "\"price\": 600|\"price\": 800|/templates/1/benefit/price|price must be between 0 and the face value",
        "\"threshold\": 199|\"threshold\": 50|/templates/2/benefit/steps|steps[1].threshold must be >",
    })
    void bad_values_fail_naming_the_pointer(String good, String bad, String pointer, String message) {
        assertThat(YOHO).contains(good);
        String json = YOHO.replace(good, bad);
        assertThatThrownBy(() -> CouponTemplates.parse(json)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo(pointer))
                .hasMessageContaining(message);
    }

    @Test
    void duplicate_template_ids_are_refused() {
        String json = YOHO.replace("\"voucher-600-750\"", "\"yoho-1000-10\"");
        assertThatThrownBy(() -> CouponTemplates.parse(json)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("/templates/1/id");
    }
}
