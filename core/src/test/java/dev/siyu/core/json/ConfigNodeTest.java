package dev.siyu.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigNodeTest {

    private static final String LADDER = """
            {
              "schemaVersion": 1,
              "tiers": [
                {"id": "BASIC", "threshold": 0},
                {"id": "GOLD", "threshold": "CNY 5000.00", "rate": 1.5, "since": "2026-01-01"}
              ]
            }""";

    @Nested
    class Reading {
        @Test
        void reads_typed_values_exactly() {
            ConfigNode gold = ConfigNode.parse(LADDER).required("tiers").elements().get(1);
            assertThat(gold.required("id").asText()).isEqualTo("GOLD");
            assertThat(gold.required("threshold").asMoney(Money.CNY)).isEqualTo(Money.cny("5000"));
            assertThat(gold.required("rate").asDecimal()).isEqualByComparingTo(new BigDecimal("1.5"));
            assertThat(gold.required("since").asDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(gold.pointer()).isEqualTo("/tiers/1");
        }

        @Test
        void reads_enums_in_kebab_case_and_closed_choices() {
            enum Window { ROLLING_DAYS, CALENDAR_YEAR }
            assertThat(ConfigNode.parse("\"calendar-year\"").asEnum(Window.class)).isEqualTo(Window.CALENDAR_YEAR);
            assertThatThrownBy(() -> ConfigNode.parse("\"yearly\"").asEnum(Window.class))
                    .hasMessageContaining("[calendar-year, rolling-days]").hasMessageContaining("\"yearly\"");
            assertThat(ConfigNode.parse("\"a\"").asOneOf(Map.of("a", 1))).isEqualTo(1);
        }
    }

    @Nested
    class Errors {
        @Test
        void name_the_pointer_line_and_column_of_a_wrong_type() {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigNode.parse(LADDER).required("tiers").elements().get(1).required("rate").asText());
            assertThat(e.pointer()).isEqualTo("/tiers/1/rate");
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.column()).isEqualTo(56);
            assertThat(e.getMessage()).isEqualTo("/tiers/1/rate (line 5, column 56): expected a string but found number 1.5");
        }

        @Test
        void reject_unknown_fields_by_name() {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigNode.parse(LADDER).required("tiers").elements().get(0).fields("id"));
            assertThat(e.pointer()).isEqualTo("/tiers/0/threshold");
            assertThat(e.problem()).isEqualTo("unknown field 'threshold'; expected one of [id]");
        }

        @Test
        void report_a_missing_field_at_its_parent() {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigNode.parse(LADDER).required("currency"));
            assertThat(e.pointer()).isEmpty();
            assertThat(e.problem()).isEqualTo("missing required field 'currency'");
        }

        @Test
        void report_malformed_json_with_its_location() {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigNode.parse("{\n  \"tiers\": [1, 2,,]\n}"));
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.pointer()).startsWith("/tiers");
            assertThat(e.problem()).startsWith("malformed JSON");
        }

        @Test
        void reject_duplicate_keys() {
            assertThatThrownBy(() -> ConfigNode.parse("{\"a\": 1, \"a\": 2}"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("Duplicate field 'a'");
        }

        @Test
        void reject_trailing_content_and_empty_documents() {
            assertThatThrownBy(() -> ConfigNode.parse("{} {}")).isInstanceOf(ConfigException.class);
            assertThatThrownBy(() -> ConfigNode.parse("   ")).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("expected a JSON document");
        }

        @Test
        void reject_documents_nested_too_deep() {
            String deep = "[".repeat(HardenedMapper.MAX_DEPTH + 1) + "]".repeat(HardenedMapper.MAX_DEPTH + 1);
            assertThatThrownBy(() -> ConfigNode.parse(deep)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("exceeds a limit");
        }

        @Test
        void reject_overlong_numbers() {
            assertThatThrownBy(() -> ConfigNode.parse("1" + "0".repeat(100))).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("exceeds a limit");
        }

        @Test
        void locate_a_refusal_without_a_message_and_name_its_kind() {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigNode.parse("{\"currency\": \"ZZZ\"}").required("currency")
                            .as(n -> java.util.Currency.getInstance(n.asText())));
            assertThat(e.pointer()).isEqualTo("/currency");
            assertThat(e.problem()).isEqualTo("IllegalArgumentException for \"ZZZ\"");
        }

        @Test
        void name_an_unknown_currency_or_zone() {
            assertThat(ConfigNode.parse("\"CNY\"").asCurrency()).isEqualTo(Money.CNY);
            assertThatThrownBy(() -> ConfigNode.parse("{\"c\": \"XXX\"}").required("c").asCurrency())
                    .hasMessage("/c (line 1, column 7): expected an ISO 4217 currency code with minor units like CNY but found \"XXX\"");
            assertThatThrownBy(() -> ConfigNode.parse("{\"z\": \"Mars/Olympus\"}").required("z").asZone())
                    .hasMessageContaining("/z").hasMessageContaining("\"Mars/Olympus\"");
        }

        @Test
        void refuse_a_number_whose_exponent_overflows_as_a_located_error() {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigNode.parse("{\"budget\": 1e4005000000}"));
            assertThat(e.problem()).contains("number");
            assertThat(e.line()).isEqualTo(1);
        }

        @Test
        void refuse_numbers_far_outside_any_business_range() {
            assertThatThrownBy(() -> ConfigNode.parse("{\"n\": 1e400}").required("n").asDecimal())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("/n (line 1, column 7): expected a number below 10^30 with at most 30 decimals but found 1E+400");
            assertThatThrownBy(() -> ConfigNode.parse("{\"n\": 1e-400}").required("n").asDecimal())
                    .isInstanceOf(ConfigException.class).hasMessageContaining("at most 30 decimals");
            assertThat(ConfigNode.parse("123456789012345678901234567890.5").asDecimal())
                    .isEqualByComparingTo("123456789012345678901234567890.5");
        }

        @Test
        void say_a_fraction_is_not_a_whole_number() {
            assertThatThrownBy(() -> ConfigNode.parse("{\"n\": 1.5}").required("n").asInt())
                    .hasMessage("/n (line 1, column 7): expected a whole number within int range but found 1.5");
        }

        @Test
        void turn_a_value_type_refusal_into_an_error_at_the_value() {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigNode.parse("{\"amount\": \"CNY 1.001\"}").required("amount").asMoney(Money.CNY));
            assertThat(e.pointer()).isEqualTo("/amount");
            assertThatThrownBy(() -> ConfigNode.parse("{\"amount\": \"USD 1\"}").required("amount").asMoney(Money.CNY))
                    .hasMessageContaining("expected an amount in CNY but found USD 1.00");
        }
    }
}
