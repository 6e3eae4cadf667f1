package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.siyu.core.churn.SummaryTable.Patterns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analytic gradients agree with central differences of the likelihoods. */
class GradientTest {

    private static void check(Fitting.Family<?> family, Patterns data, double[] p) {
        double[] analytic = new double[p.length];
        double ll = family.logLikelihoodAndGradient(p, data, analytic);
        double plain = family.logLikelihood(p, data);
        assertThat(ll).isCloseTo(plain, within(1e-9 * Math.abs(plain)));
        for (int i = 0; i < p.length; i++) {
            double h = 1e-6 * p[i];
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (family.logLikelihood(up, data) - family.logLikelihood(down, data)) / (2 * h);
            assertThat(analytic[i]).as("%s", family.names[i])
                    .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void bg_nbd_mbg_nbd_and_gamma_gamma_gradients_are_exact() {
        Patterns purchases = Cdnow.table().purchasePatterns();
        Patterns spend = Cdnow.table().spendPatterns();
        for (double[] p : List.of(new double[] {0.24, 4.4, 0.79, 2.4}, new double[] {1.3, 0.7, 2.2, 0.4})) {
            check(Fitting.BG_NBD, purchases, p);
            check(Fitting.MBG_NBD, purchases, p);
        }
        check(Fitting.GAMMA_GAMMA, spend, new double[] {6.2, 3.7, 15.4});
        check(Fitting.GAMMA_GAMMA, spend, new double[] {0.8, 1.5, 200});
    }

    @Test
    void mbg_nbd_likelihood_agrees_with_the_model() {
        ModifiedBetaGeo m = new ModifiedBetaGeo(0.525, 6.183, 0.891, 1.614, PeriodUnit.WEEKS);
        Patterns d = Cdnow.table().purchasePatterns();
        double sum = 0;
        for (int i = 0; i < d.size(); i++) {
            sum += d.w()[i] * m.logLikelihood(d.x()[i], d.tx()[i], d.t()[i]);
        }
        assertThat(Fitting.MBG_NBD.logLikelihood(new double[] {0.525, 6.183, 0.891, 1.614}, d))
                .isCloseTo(sum, within(1e-8));
    }
}
