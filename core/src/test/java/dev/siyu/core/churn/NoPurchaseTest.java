package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoPurchaseTest {

    private static final List<PurchaseModel> MODELS = List.of(
            new BetaGeo(0.2426, 4.4136, 0.7929, 2.4259, PeriodUnit.WEEKS),
            new ModifiedBetaGeo(0.525, 6.183, 0.891, 1.614, PeriodUnit.WEEKS),
            new ParetoNbd(0.5533, 10.5777, 0.6062, 11.6687, PeriodUnit.WEEKS));

    @Test
    void is_a_probability_that_falls_with_the_horizon_and_is_below_one_for_one_time_buyers() {
        for (PurchaseModel m : MODELS) {
            double previous = 1.0;
            for (double tau : new double[] {0.1, 1, 4, 13, 52, 520}) {
                double p = m.probabilityNoPurchase(tau, 0, 0, 38.86);
                assertThat(p).as(m.modelName()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                previous = p;
            }
            assertThat(previous).as(m.modelName()).isLessThan(1.0);
            assertThat(m.probabilityNoPurchase(52, 26, 30.86, 31)).isLessThan(0.05);
        }
    }

    @Test
    void pareto_nbd_matches_a_monte_carlo_over_the_posterior_rates() {
        ParetoNbd m = (ParetoNbd) MODELS.get(2);
        long x = 3;
        double tx = 20;
        double t = 38;
        double tau = 26;
        SplittableRandom random = new SplittableRandom(7);
        int draws = 400_000;
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            double lambda = SimulatedRecoveryTest.gamma(random, m.r() + x, m.alpha() + t);
            double mu = SimulatedRecoveryTest.gamma(random, m.s(), m.beta() + t);
            sum += mu / (lambda + mu) + lambda / (lambda + mu) * Math.exp(-(lambda + mu) * tau);
        }
        double alive = m.probabilityAlive(x, tx, t);
        double expected = 1 - alive + alive * sum / draws;
        assertThat(m.probabilityNoPurchase(tau, x, tx, t)).isCloseTo(expected, within(2e-3));
    }
}
