package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    @Test
    void log_gamma_matches_known_values() {
        assertThat(SpecialFunctions.lnGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(SpecialFunctions.lnGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-14));
        assertThat(SpecialFunctions.lnGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
        assertThat(SpecialFunctions.lnGamma(0.01)).isCloseTo(4.599479878042022, within(1e-12));
        assertThat(SpecialFunctions.lnGamma(1000.5)).isCloseTo(5908.674175848678, within(1e-9));
    }

    @Test
    void digamma_matches_known_values() {
        assertThat(SpecialFunctions.digamma(1)).isCloseTo(-0.5772156649015329, within(1e-13));
        assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-1.9635100260214235, within(1e-13));
        assertThat(SpecialFunctions.digamma(100)).isCloseTo(4.600161852738087, within(1e-13));
    }

    @Test
    void hypergeometric_matches_closed_forms() {
        for (double z : new double[] {0.01, 0.3, 0.6, 0.9, 0.99, 0.9999}) {
            assertThat(Math.exp(SpecialFunctions.log2F1(1, 1, 2, z))).isCloseTo(-Math.log1p(-z) / z,
                    within(1e-12 * -Math.log1p(-z) / z));
            assertThat(SpecialFunctions.log2F1(2.5, 3.0, 3.0, z)).isCloseTo(-2.5 * Math.log1p(-z), within(1e-11));
            double s = Math.sqrt(z);
            assertThat(Math.exp(SpecialFunctions.log2F1(0.5, 0.5, 1.5, z))).isCloseTo(Math.asin(s) / s, within(1e-11));
        }
    }

    @Test
    void hypergeometric_stays_finite_for_huge_parameters() {
        // ₂F₁(a, b; a+1; z) with a in the thousands: Pareto/NBD at high frequency
        double log = SpecialFunctions.log2F1(5000.6, 4.05, 5001.6, 0.99);
        assertThat(log).isFinite().isPositive();
        // Euler transform and plain series agree where both converge
        double direct = SpecialFunctions.log2F1(1.2, 0.7, 3.1, 0.05);
        assertThat(direct).isCloseTo(Math.log(1 + 1.2 * 0.7 / 3.1 * 0.05 + 1.2 * 2.2 * 0.7 * 1.7 / (3.1 * 4.1 * 2) * 0.0025
                + 1.2 * 2.2 * 3.2 * 0.7 * 1.7 * 2.7 / (3.1 * 4.1 * 5.1 * 6) * 0.000125), within(1e-6)); // four terms of the series
    }
}
