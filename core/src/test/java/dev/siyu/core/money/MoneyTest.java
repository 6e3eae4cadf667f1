package dev.siyu.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency USD = Currency.getInstance("USD");

    @Nested
    class Construction {
        @Test
        void yuan_amounts_are_counted_in_fen() {
            assertThat(Money.cny("12.34").minor()).isEqualTo(1234);
            assertThat(Money.cny("12.3").minor()).isEqualTo(1230);
            assertThat(Money.of(new BigDecimal("500"), JPY).minor()).isEqualTo(500);
        }

        @Test
        void an_amount_finer_than_the_currency_is_refused_unless_rounded() {
            assertThatThrownBy(() -> Money.cny("0.001"))
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("CNY").hasMessageContaining("0.001");
            assertThat(Money.of(new BigDecimal("0.005"), Money.CNY, RoundingMode.HALF_UP)).isEqualTo(Money.cnyMinor(1));
            assertThat(Money.of(new BigDecimal("0.005"), Money.CNY, RoundingMode.HALF_EVEN)).isEqualTo(Money.cnyMinor(0));
        }

        @Test
        void prints_and_parses_back() {
            Money money = Money.cny("-7.05");
            assertThat(money.toString()).isEqualTo("CNY -7.05");
            assertThat(Money.parse(money.toString())).isEqualTo(money);
            assertThatThrownBy(() -> Money.parse("12.30")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'CNY 12.34'");
            assertThatThrownBy(() -> Money.parse("ZZZ 1.00")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("money currency must be an ISO 4217 code: ZZZ 1.00");
        }

        @Test
        void a_currency_without_minor_units_is_refused() {
            assertThatThrownBy(() -> Money.ofMinor(1, Currency.getInstance("XXX")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("XXX");
        }
    }

    @Nested
    class Arithmetic {
        @Test
        void adds_and_subtracts_exactly() {
            assertThat(Money.cny("0.10").plus(Money.cny("0.20"))).isEqualTo(Money.cny("0.30"));
            assertThat(Money.cny("1.00").minus(Money.cny("1.01"))).isEqualTo(Money.cny("-0.01"));
        }

        @Test
        void overflow_throws_instead_of_wrapping() {
            Money max = Money.cnyMinor(Long.MAX_VALUE);
            assertThatThrownBy(() -> max.plus(Money.cnyMinor(1))).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Money.cnyMinor(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
        }

        @Test
        void mixing_currencies_names_both() {
            assertThatThrownBy(() -> Money.cny("1").plus(Money.ofMinor(1, USD)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("currency must match: CNY vs USD");
            assertThatThrownBy(() -> Money.cny("1").compareTo(Money.ofMinor(1, USD)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void percent_and_rates_round_as_told() {
            Money price = Money.cny("9.99");
            assertThat(price.percent(new BigDecimal("10"), RoundingMode.DOWN)).isEqualTo(Money.cny("0.99"));
            assertThat(price.percent(new BigDecimal("10"), RoundingMode.HALF_UP)).isEqualTo(Money.cny("1.00"));
            assertThat(price.times(new BigDecimal("0.5"), RoundingMode.CEILING)).isEqualTo(Money.cny("5.00"));
        }

        @Test
        void compares_within_a_currency() {
            assertThat(Money.cny("2").max(Money.cny("3"))).isEqualTo(Money.cny("3"));
            assertThat(Money.cny("2").min(Money.cny("3"))).isEqualTo(Money.cny("2"));
            assertThat(Money.cny("2").isGreaterThan(Money.cny("1.99"))).isTrue();
        }
    }

    @Nested
    class Allocating {
        @Test
        void splits_a_discount_across_lines_to_the_fen() {
            assertThat(Money.cny("10.00").allocate(1, 1, 1))
                    .containsExactly(Money.cny("3.34"), Money.cny("3.33"), Money.cny("3.33"));
        }

        @Test
        void gives_the_odd_fen_to_the_largest_remainder_then_the_larger_weight() {
            // 0.05 over 1:2:2 -> pro rata 0.01, 0.02, 0.02 exactly
            assertThat(Money.cny("0.05").allocate(1, 2, 2))
                    .containsExactly(Money.cnyMinor(1), Money.cnyMinor(2), Money.cnyMinor(2));
            // 0.02 over 1:1:2 -> 0.005, 0.005, 0.01; remainders tie on the first two: the lower index wins
            assertThat(Money.cny("0.02").allocate(1, 1, 2))
                    .containsExactly(Money.cnyMinor(1), Money.cnyMinor(0), Money.cnyMinor(1));
            // 0.01 over 3:1 -> remainders 0.75, 0.25 -> first
            assertThat(Money.cny("0.01").allocate(1, 3))
                    .containsExactly(Money.cnyMinor(0), Money.cnyMinor(1));
        }

        @Test
        void allocates_negative_amounts_symmetrically() {
            assertThat(Money.cny("-10.00").allocate(1, 1, 1))
                    .containsExactly(Money.cny("-3.34"), Money.cny("-3.33"), Money.cny("-3.33"));
        }

        @Test
        void spreads_over_units_with_the_odd_minor_units_on_the_first_ones() {
            // 1000 over 3 units: 334, 333, 333
            assertThat(Allocation.ofUnits(1000, 3, 0, 1)).isEqualTo(334);
            assertThat(Allocation.ofUnits(1000, 3, 1, 2)).isEqualTo(666);
            assertThat(Allocation.ofUnits(1000, 3, 0, 3)).isEqualTo(1000);
            assertThatThrownBy(() -> Allocation.ofUnits(1000, 3, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("units 2..4 must lie within the quantity 3");
        }

        @Test
        void refuses_weights_that_cannot_split() {
            assertThatThrownBy(() -> Money.cny("1").allocate(0, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("weights must not all be zero");
            assertThatThrownBy(() -> Money.cny("1").allocate(1, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights[1] must be >= 0: -1");
            assertThatThrownBy(() -> Money.cny("1").allocate()).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
