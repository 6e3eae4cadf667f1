package dev.siyu.core.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PointsProgramTest {

    private static final String FULL = """
            {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai",
             "earn": {"rate": 1, "tierMultipliers": {"GOLD": 1.5}, "categoryMultipliers": {"COS": 2},
                      "brandMultipliers": {"LUX": 1.2}, "birthdayMultiplier": 2,
                      "campaigns": [{"code": "D11", "from": "2026-11-01", "to": "2026-11-11", "multiplier": 2},
                                    {"code": "D12", "from": "2026-12-01", "to": "2026-12-12", "multiplier": 3}],
                      "maxPerOrder": 5000, "maxPerDay": 10000},
             "lots": {"pendingDays": 7, "expiry": {"policy": "rolling-months", "months": 12}},
             "redemption": {"rate": 100, "maxSharePercent": 50, "minimumBalance": 100, "step": 100},
             "negativeBalance": "clamp"}
            """;

    @Nested
    class FromJson {

        @Test
        void reads_every_setting() {
            PointsProgram p = PointsProgram.fromJson(FULL);
            assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(p.tierMultipliers()).containsEntry(TierId.of("GOLD"), new BigDecimal("1.5"));
            assertThat(p.campaigns()).extracting(PointsProgram.Campaign::code).containsExactly("D11", "D12");
            assertThat(p.campaignOn(LocalDate.of(2026, 11, 11))).map(PointsProgram.Campaign::code).contains("D11");
            assertThat(p.maxPerOrder()).isEqualTo(OptionalLong.of(5000));
            assertThat(p.pendingDays()).isEqualTo(7);
            assertThat(p.expiry()).isEqualTo(ExpiryPolicy.rollingMonths(12));
            assertThat(p.redeemStep()).isEqualTo(100);
            assertThat(p.negativeBalance()).isEqualTo(NegativeBalancePolicy.CLAMP);
        }

        @Test
        void defaults_what_is_left_out() {
            PointsProgram p = PointsProgram.fromJson("{\"schemaVersion\": 1}");
            assertThat(p.earnRate()).isEqualByComparingTo("1");
            assertThat(p.expiry()).isEqualTo(ExpiryPolicy.never());
            assertThat(p.negativeBalance()).isEqualTo(NegativeBalancePolicy.DENY);
        }

        @Test
        void reads_each_expiry_policy() {
            assertThat(PointsProgram.fromJson("{\"schemaVersion\":1,\"lots\":{\"expiry\":{\"policy\":\"end-of-next-year\"}}}")
                    .expiry()).isEqualTo(ExpiryPolicy.endOfNextYear());
            assertThat(PointsProgram.fromJson(
                    "{\"schemaVersion\":1,\"lots\":{\"expiry\":{\"policy\":\"fixed-date\",\"date\":\"2027-06-30\"}}}")
                    .expiry()).isEqualTo(ExpiryPolicy.fixedDate(LocalDate.of(2027, 6, 30)));
        }

        @Test
        void reads_an_optional_refund_window_and_rejects_a_bad_one_naming_its_pointer() {
            assertThat(PointsProgram.fromJson("{\"schemaVersion\": 1}").refundWindowDays()).isEmpty();
            assertThat(PointsProgram.fromJson("{\"schemaVersion\":1,\"lots\":{\"refundWindowDays\":7}}")
                    .refundWindowDays()).hasValue(7);
            assertThat(PointsProgram.fromJson("{\"schemaVersion\":1,\"lots\":{\"refundWindowDays\":30}}")
                    .toBuilder().build().refundWindowDays()).hasValue(30);
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":1,\"lots\":{\"refundWindowDays\":-1}}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/lots/refundWindowDays");
                        assertThat(e.problem()).isEqualTo("refundWindowDays must be between 0 and 3650: -1");
                    });
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":1,\"lots\":{\"refundWindowDays\":\"7\"}}"))
                    .isInstanceOfSatisfying(ConfigException.class,
                            e -> assertThat(e.pointer()).isEqualTo("/lots/refundWindowDays"));
        }

        @Test
        void rejects_an_unknown_field_naming_its_pointer() {
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":1,\"earn\":{\"bonus\":2}}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/earn/bonus");
                        assertThat(e.problem()).contains("unknown field 'bonus'");
                    });
        }

        @Test
        void rejects_a_negative_rate_naming_pointer_and_value() {
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":1,\"earn\":{\"rate\":-1}}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/earn/rate");
                        assertThat(e.problem()).isEqualTo("earnRate must be >= 0: -1");
                    });
            assertThatThrownBy(() -> PointsProgram.fromJson(
                    "{\"schemaVersion\":1,\"earn\":{\"tierMultipliers\":{\"GOLD\":-2}}}"))
                    .isInstanceOfSatisfying(ConfigException.class,
                            e -> assertThat(e.pointer()).isEqualTo("/earn/tierMultipliers/GOLD"));
        }

        @Test
        void rejects_overlapping_campaign_windows() {
            String json = FULL.replace("\"2026-12-01\"", "\"2026-11-11\"");
            assertThatThrownBy(() -> PointsProgram.fromJson(json))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/earn/campaigns/1");
                        assertThat(e.problem()).contains("must not overlap D11");
                    });
        }

        @Test
        void regression_an_unknown_currency_code_is_a_located_config_error_not_a_null_pointer() {
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":1,\"currency\":\"NY\"}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/currency");
                        assertThat(e.problem()).contains("\"NY\"");
                    });
        }

        @Test
        void a_currency_without_minor_units_is_a_located_config_error() {
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":1,\"currency\":\"XXX\"}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/currency");
                        assertThat(e.problem()).contains("minor units").contains("XXX");
                    });
        }

        @Test
        void rejects_malformed_json_a_missing_or_wrong_schema_version_and_an_unknown_policy() {
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":1,")).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("malformed JSON");
            assertThatThrownBy(() -> PointsProgram.fromJson("{}")).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("schemaVersion");
            assertThatThrownBy(() -> PointsProgram.fromJson("{\"schemaVersion\":2}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.pointer()).isEqualTo("/schemaVersion"));
            assertThatThrownBy(() -> PointsProgram.fromJson(
                    "{\"schemaVersion\":1,\"lots\":{\"expiry\":{\"policy\":\"monthly\"}}}"))
                    .isInstanceOfSatisfying(ConfigException.class,
                            e -> assertThat(e.pointer()).isEqualTo("/lots/expiry/policy"));
            assertThatThrownBy(() -> PointsProgram.fromJson(
                    "{\"schemaVersion\":1,\"redemption\":{\"step\":0}}"))
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.pointer()).isEqualTo("/redemption/step");
                        assertThat(e.problem()).isEqualTo("redeemStep must be >= 1: 0");
                    });
        }
    }

    @Nested
    class Builder {

        @Test
        void names_the_field_and_value_it_refuses() {
            assertThatThrownBy(() -> PointsProgram.builder().pendingDays(-1)).hasMessage("pendingDays must be between 0 and 3650: -1");
            assertThatThrownBy(() -> PointsProgram.builder().maxSharePercent(new BigDecimal("120")))
                    .hasMessage("maxSharePercent must be between 0 and 100: 120");
            assertThatThrownBy(() -> PointsProgram.builder().redeemRate(0)).hasMessage("redeemRate must be >= 1: 0");
            assertThatThrownBy(() -> ExpiryPolicy.rollingMonths(0)).hasMessage("months must be >= 1: 0");
        }

        @Test
        void round_trips_through_to_builder() {
            PointsProgram p = PointsProgram.fromJson(FULL);
            PointsProgram copy = p.toBuilder().build();
            assertThat(copy.campaigns()).isEqualTo(p.campaigns());
            assertThat(copy.maxPerDay()).isEqualTo(p.maxPerDay());
            assertThat(copy.negativeBalance()).isEqualTo(p.negativeBalance());
        }
    }
}
