package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Fits on data simulated from known parameters, including the high-frequency case of lifetimes #405. */
class SimulatedRecoveryTest {

    /** Gamma(shape, rate) by Marsaglia-Tsang. */
    static double gamma(SplittableRandom random, double shape, double rate) {
        if (shape < 1) {
            return gamma(random, shape + 1, rate) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v / rate;
            }
        }
    }

    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a, 1);
        return x / (x + gamma(random, b, 1));
    }

    /** Simulates BG/NBD members with ages uniform in [minAge, maxAge]. */
    static SummaryTable simulateBetaGeo(long seed, int members, double r, double alpha, double a, double b,
            double minAge, double maxAge) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] x = new long[members];
        double[] tx = new double[members];
        double[] t = new double[members];
        for (int i = 0; i < members; i++) {
            double lambda = gamma(random, r, alpha);
            double p = beta(random, a, b);
            double age = minAge + (maxAge - minAge) * random.nextDouble();
            double now = 0;
            long count = 0;
            double last = 0;
            while (true) {
                now += -Math.log(1 - random.nextDouble()) / lambda;
                if (now > age) {
                    break;
                }
                count++;
                last = now;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            x[i] = count;
            tx[i] = last;
            t[i] = age;
        }
        return SummaryTable.ofColumns(PeriodUnit.DAYS, x, tx, t, null, null);
    }

    @Test
    void recovers_bg_nbd_parameters_at_high_frequency() {
        // mean purchase rate 0.4 a day over up to 500 days: x in the hundreds, as in lifetimes #405
        SummaryTable data = simulateBetaGeo(405, 20_000, 2.0, 5.0, 0.5, 30.0, 100, 500);
        double meanX = 0;
        for (int i = 0; i < data.size(); i++) {
            meanX += data.frequency(i);
        }
        assertThat(meanX / data.size()).isGreaterThan(50);
        FitResult<BetaGeo> fit = ChurnModels.fitBetaGeo(data, FitOptions.defaults());
        assertThat(fit).isInstanceOf(FitResult.Fitted.class);
        BetaGeo m = fit.orElseThrow();
        assertThat(m.r()).isCloseTo(2.0, Percentage.withPercentage(10));
        assertThat(m.alpha()).isCloseTo(5.0, Percentage.withPercentage(10));
        assertThat(m.a()).isCloseTo(0.5, Percentage.withPercentage(25));
        assertThat(m.b()).isCloseTo(30.0, Percentage.withPercentage(35));
        assertThat(m.probabilityAlive(1000, 10, 100)).isEqualTo(0.0);
    }

    @Test
    void the_penalizer_shrinks_the_parameters() {
        BetaGeo plain = ChurnModels.fitBetaGeo(Cdnow.table(), FitOptions.defaults()).orElseThrow();
        BetaGeo some = ChurnModels.fitBetaGeo(Cdnow.table(), FitOptions.defaults().withPenalizer(0.1)).orElseThrow();
        BetaGeo much = ChurnModels.fitBetaGeo(Cdnow.table(), FitOptions.defaults().withPenalizer(10)).orElseThrow();
        assertThat(some.r()).isLessThan(plain.r());
        assertThat(some.alpha()).isLessThan(plain.alpha());
        assertThat(some.b()).isLessThan(plain.b());
        assertThat(much.alpha()).isLessThan(some.alpha());
        assertThat(much.b()).isLessThan(some.b());
    }
}
