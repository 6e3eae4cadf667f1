package dev.siyu.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DecimalFactorTest {

    @Test
    void an_exact_factor_is_its_unscaled_value_over_a_power_of_ten() {
        qt().forAll(longs().all(), integers().between(-3, 24)).checkAssert((unscaled, scale) -> {
            BigDecimal value = new BigDecimal(BigInteger.valueOf(unscaled), scale);
            DecimalFactor f = DecimalFactor.of(value);
            assertThat(f.text()).isEqualTo(value.toPlainString());
            if (f.exact()) {
                assertThat(new BigDecimal(BigInteger.valueOf(f.unscaled()), f.scale())).isEqualByComparingTo(value);
                assertThat(f.scale()).isBetween(0, DecimalFactor.MAX_SCALE - 1);
            } else {
                BigDecimal whole = value.scale() < 0 ? value.setScale(0) : value;
                assertThat(whole.scale() >= DecimalFactor.MAX_SCALE || whole.precision() >= 19)
                        .as("inexact only when it does not fit: %s", value).isTrue();
            }
        });
    }

    @Test
    void powers_of_ten_up_to_ten_to_the_eighteenth() {
        for (int n = 0; n < DecimalFactor.MAX_SCALE; n++) {
            assertThat(DecimalFactor.tenTo(n)).isEqualTo(BigInteger.TEN.pow(n).longValueExact());
        }
        assertThat(DecimalFactor.of(new BigDecimal("1.50"))).extracting(DecimalFactor::unscaled, DecimalFactor::scale,
                DecimalFactor::exact, DecimalFactor::text).containsExactly(150L, 2, true, "1.50");
        assertThat(DecimalFactor.of(new BigDecimal("1E+2"))).extracting(DecimalFactor::unscaled, DecimalFactor::scale,
                DecimalFactor::exact).containsExactly(100L, 0, true);
    }
}
