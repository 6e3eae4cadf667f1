package dev.siyu.core.tier;

import static dev.siyu.core.tier.TierFixtures.BASIC;
import static dev.siyu.core.tier.TierFixtures.GOLD;
import static dev.siyu.core.tier.TierFixtures.SILVER;
import static dev.siyu.core.tier.TierFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TierLadderTest {

    private static final String VALID = """
            {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai", "metric": "spend",
             "window": {"kind": "rolling", "months": 12},
             "grace": {"days": 30},
             "downgrade": "to-supported",
             "tiers": [
               {"id": "BASIC", "name": "普卡", "threshold": 0},
               {"id": "SILVER", "name": "银卡", "threshold": "CNY 1000.00", "retention": 800},
               {"id": "GOLD", "name": "金卡", "threshold": "CNY 5000.00", "retention": "CNY 3000.00",
                "benefits": {"earnMultiplier": 1.5, "birthdayPoints": 500, "birthdayCoupon": "BDAY-GOLD",
                             "coupons": ["GOLD-50-OFF", "FREE-SHIP"]}}]}
            """;

    /** The valid document with {@code from} replaced by {@code to} (which must occur). */
    private static String with(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    private static ConfigException parseError(String json) {
        try {
            TierProgram.fromJson(json);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for " + json);
    }

    @Nested
    class FromJson {

        @Test
        void a_valid_document_reads_into_the_same_program_as_the_builder() {
            TierProgram program = TierProgram.fromJson(VALID);

            assertThat(program.metric()).isEqualTo(Metric.SPEND);
            assertThat(program.window()).isEqualTo(new QualificationWindow.Rolling(12, ChronoUnit.MONTHS));
            assertThat(program.grace()).isEqualTo(Period.ofDays(30));
            assertThat(program.downgradeRule()).isEqualTo(DowngradeRule.TO_SUPPORTED);
            assertThat(program.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(program.tiers()).extracting(Tier::id).containsExactly(BASIC, SILVER, GOLD);
            assertThat(program.tiers()).extracting(Tier::threshold).containsExactly(0L, 100_000L, 500_000L);
            assertThat(program.tiers()).extracting(Tier::retention).containsExactly(0L, 80_000L, 300_000L);
            TierBenefits gold = program.benefits(GOLD);
            assertThat(gold.earnMultiplier()).isEqualByComparingTo("1.5");
            assertThat(gold.birthdayPoints()).isEqualTo(500);
            assertThat(gold.birthdayCoupon()).contains(CouponTemplateId.of("BDAY-GOLD"));
            assertThat(gold.coupons()).containsExactly(CouponTemplateId.of("GOLD-50-OFF"), CouponTemplateId.of("FREE-SHIP"));
            assertThat(program.benefits(BASIC)).isEqualTo(TierBenefits.none());
        }

        @Test
        void each_window_kind_and_metric_reads() {
            assertThat(TierProgram.fromJson(with("{\"kind\": \"rolling\", \"months\": 12}",
                    "{\"kind\": \"calendar-year\"}")).window()).isEqualTo(QualificationWindow.calendarYear());
            assertThat(TierProgram.fromJson(with("{\"kind\": \"rolling\", \"months\": 12}",
                    "{\"kind\": \"anniversary-year\"}")).window()).isEqualTo(QualificationWindow.anniversaryYear());
            assertThat(TierProgram.fromJson(with("\"months\": 12", "\"days\": 365")).window())
                    .isEqualTo(QualificationWindow.rollingDays(365));
            String points = """
                    {"schemaVersion": 1, "metric": "points-earned", "window": {"kind": "calendar-year"},
                     "tiers": [{"id": "A", "name": "a", "threshold": 0}, {"id": "B", "name": "b", "threshold": 2000}]}
                    """;
            TierProgram program = TierProgram.fromJson(points);
            assertThat(program.metric()).isEqualTo(Metric.POINTS_EARNED);
            assertThat(program.tiers().get(1).threshold()).isEqualTo(2000);
            assertThat(program.currency()).isEqualTo(Money.CNY);
            assertThat(program.downgradeRule()).isEqualTo(DowngradeRule.ONE_TIER);
        }

        @Test
        void malformed_json_names_line_and_column() {
            ConfigException e = parseError("{\"schemaVersion\": 1,\n \"metric\": }");

            assertThat(e.line()).isEqualTo(2);
            assertThat(e.problem()).startsWith("malformed JSON");
        }

        @Test
        void an_unknown_field_is_rejected_at_its_pointer() {
            assertThat(parseError(with("\"grace\"", "\"graceDays\"")).pointer()).isEqualTo("/graceDays");
            ConfigException inTier = parseError(with("\"name\": \"银卡\"", "\"name\": \"银卡\", \"colour\": \"silver\""));
            assertThat(inTier.pointer()).isEqualTo("/tiers/1/colour");
            assertThat(inTier.problem()).contains("unknown field 'colour'");
            assertThat(parseError(with("\"birthdayPoints\"", "\"birthdayPointz\"")).pointer())
                    .isEqualTo("/tiers/2/benefits/birthdayPointz");
        }

        @Test
        void another_schema_version_is_rejected() {
            ConfigException e = parseError(with("\"schemaVersion\": 1", "\"schemaVersion\": 2"));

            assertThat(e.pointer()).isEqualTo("/schemaVersion");
            assertThat(e.problem()).isEqualTo("expected schemaVersion 1 but found 2");
        }

        @Test
        void a_negative_threshold_is_rejected_with_its_value() {
            ConfigException e = parseError(with("\"CNY 1000.00\"", "-1000"));

            assertThat(e.pointer()).isEqualTo("/tiers/1/threshold");
            assertThat(e.problem()).contains("-1000");
        }

        @Test
        void thresholds_that_do_not_increase_are_rejected_naming_both() {
            ConfigException e = parseError(with("\"threshold\": \"CNY 5000.00\", \"retention\": \"CNY 3000.00\"",
                    "\"threshold\": \"CNY 1000.00\", \"retention\": \"CNY 900.00\""));

            assertThat(e.pointer()).isEqualTo("/tiers/2/threshold");
            assertThat(e.problem())
                    .isEqualTo("threshold must be > CNY 1000.00, the threshold of tiers[1] SILVER: CNY 1000.00");
        }

        @Test
        void the_first_threshold_must_be_zero() {
            ConfigException e = parseError(with("\"threshold\": 0", "\"threshold\": 10"));

            assertThat(e.pointer()).isEqualTo("/tiers/0/threshold");
            assertThat(e.problem()).isEqualTo("threshold must be 0 for the first tier: CNY 10.00");
        }

        @Test
        void tier_ids_must_be_unique() {
            ConfigException e = parseError(with("\"id\": \"GOLD\"", "\"id\": \"SILVER\""));

            assertThat(e.pointer()).isEqualTo("/tiers/2/id");
            assertThat(e.problem()).isEqualTo("id must be unique: SILVER");
        }

        @Test
        void a_retention_above_the_threshold_is_rejected() {
            ConfigException e = parseError(with("\"retention\": \"CNY 3000.00\"", "\"retention\": \"CNY 6000.00\""));

            assertThat(e.pointer()).isEqualTo("/tiers/2/retention");
            assertThat(e.problem()).contains("CNY 6000.00").contains("CNY 5000.00");
        }

        @Test
        void an_amount_in_another_currency_is_rejected() {
            ConfigException e = parseError(with("\"CNY 5000.00\"", "\"USD 5000.00\""));

            assertThat(e.pointer()).isEqualTo("/tiers/2/threshold");
            assertThat(e.problem()).isEqualTo("expected an amount in CNY but found USD 5000.00");
            assertThat(parseError(with("\"currency\": \"CNY\"", "\"currency\": \"XYZ\"")).pointer())
                    .isEqualTo("/currency");
        }

        @Test
        void bad_enums_windows_zones_and_benefits_are_rejected_at_their_pointer() {
            assertThat(parseError(with("\"spend\"", "\"visits\"")).problem())
                    .isEqualTo("expected one of [order-count, points-earned, spend] but found \"visits\"");
            assertThat(parseError(with("\"months\": 12", "\"months\": 12, \"days\": 3")).pointer())
                    .isEqualTo("/window");
            assertThat(parseError(with("\"months\": 12", "\"months\": 0")).pointer()).isEqualTo("/window/months");
            assertThat(parseError(with("Asia/Shanghai", "Mars/Olympus")).pointer()).isEqualTo("/zone");
            assertThat(parseError(with("\"days\": 30", "\"days\": -1")).pointer()).isEqualTo("/grace/days");
            ConfigException multiplier = parseError(with("1.5", "0.5"));
            assertThat(multiplier.pointer()).isEqualTo("/tiers/2/benefits/earnMultiplier");
            assertThat(multiplier.problem()).isEqualTo("earnMultiplier must be 1 to 100: 0.5");
            assertThat(parseError(with("\"FREE-SHIP\"", "\"GOLD-50-OFF\"")).pointer())
                    .isEqualTo("/tiers/2/benefits/coupons/1");
            assertThat(parseError(with("\"tiers\": [", "\"tiers\": [], \"x\": [")).pointer()).isEqualTo("/x");
        }

        @Test
        void an_empty_ladder_is_rejected() {
            String empty = "{\"schemaVersion\": 1, \"metric\": \"spend\", \"window\": {\"kind\": \"calendar-year\"},"
                    + " \"tiers\": []}";

            assertThat(parseError(empty).pointer()).isEqualTo("/tiers");
        }
    }

    @Nested
    class Builder {

        @Test
        void thresholds_must_strictly_increase() {
            TierProgram.Builder builder = TierProgram.builder().metric(Metric.ORDER_COUNT)
                    .tier(Tier.of(BASIC, "普卡", 0))
                    .tier(Tier.of(SILVER, "银卡", 5))
                    .tier(Tier.of(GOLD, "金卡", 5));

            assertThatThrownBy(builder::build)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tiers[2].threshold must be > 5, the threshold of tiers[1] SILVER: 5");
        }

        @Test
        void a_spend_threshold_in_another_currency_is_rejected() {
            TierProgram.Builder builder = TierProgram.builder()
                    .spendTier(BASIC, "普卡", yuan(0), yuan(0), TierBenefits.none())
                    .spendTier(SILVER, "Silver", Money.ofMinor(100, Currency.getInstance("USD")),
                            Money.ofMinor(100, Currency.getInstance("USD")), TierBenefits.none());

            assertThatThrownBy(builder::build).hasMessage("tiers[1].threshold must be in CNY on a spend ladder: USD SPEND");
        }

        @Test
        void tier_values_are_validated_naming_field_and_value() {
            assertThatThrownBy(() -> Tier.of(GOLD, "金卡", -1))
                    .hasMessage("threshold must be >= 0: -1");
            assertThatThrownBy(() -> new Tier(GOLD, "金卡", 10, 11, TierBenefits.none()))
                    .hasMessage("retention must be >= 0 and <= threshold 10: 11");
            assertThatThrownBy(() -> TierBenefits.none().withEarnMultiplier(new BigDecimal("0.9")))
                    .hasMessage("earnMultiplier must be 1 to 100: 0.9");
            assertThatThrownBy(() -> TierBenefits.none().withBirthdayGift(-1, Optional.empty()))
                    .hasMessage("birthdayPoints must be >= 0: -1");
            assertThatThrownBy(() -> TierBenefits.none().withCoupons(
                    List.of(CouponTemplateId.of("A"), CouponTemplateId.of("A"))))
                    .hasMessage("coupons must not repeat a template: A");
            assertThatThrownBy(() -> TierProgram.builder().grace(Period.ofDays(-1)))
                    .hasMessage("grace must not be negative: P-1D");
            assertThatThrownBy(() -> QualificationWindow.rollingMonths(0)).hasMessage("window months must be 1 to 120: 0");
            assertThatThrownBy(() -> TierProgram.builder().build()).hasMessage("tiers must be a non-empty list of tiers: []");
            assertThatThrownBy(() -> TierProgram.builder().tier(Tier.of(TierId.of("X"), "x", 0))
                    .tier(Tier.of(TierId.of("X"), "y", 1)).build())
                    .hasMessage("tiers[1].id must be unique: X");
        }
    }
}
