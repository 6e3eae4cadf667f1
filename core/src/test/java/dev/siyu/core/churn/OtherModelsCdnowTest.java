package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** MBG/NBD, Pareto/NBD and Gamma-Gamma on CDNOW against the published values. */
class OtherModelsCdnowTest {

    @Nested
    class ModifiedBetaGeoModel {

        private final FitResult.Fitted<ModifiedBetaGeo> fit =
                (FitResult.Fitted<ModifiedBetaGeo>) ChurnModels.fitModifiedBetaGeo(Cdnow.table(), FitOptions.defaults());

        @Test
        void reproduces_the_btydplus_parameters() {
            ModifiedBetaGeo m = fit.model();
            assertThat(m.r()).isCloseTo(0.525, within(1.5e-3));
            assertThat(m.alpha()).isCloseTo(6.183, within(1.5e-3));
            assertThat(m.a()).isCloseTo(0.891, within(1.5e-3));
            assertThat(m.b()).isCloseTo(1.614, within(1.5e-3));
            assertThat(fit.logLikelihood()).isCloseTo(-9582.1357, within(1e-3));
        }

        @Test
        void gives_one_time_buyers_a_probability_alive_below_one() {
            ModifiedBetaGeo m = fit.model();
            assertThat(m.probabilityAlive(0, 0, 1)).isLessThan(1.0);
            assertThat(m.probabilityAlive(0, 0, 38.86)).isCloseTo(0.3897, within(1e-3));
        }

        @Test
        void predicts_close_to_bg_nbd() {
            ModifiedBetaGeo m = fit.model();
            assertThat(m.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.05));
            double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
            double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
            for (int i = 0; i < t.length; i++) {
                assertThat(m.expectedPurchases(t[i])).isCloseTo(expected[i], Offset.offset(expected[i] * 0.05));
            }
        }

        @Test
        void log_likelihood_matches_pymc_marketing() {
            ModifiedBetaGeo m = new ModifiedBetaGeo(0.25, 4.0, 0.80, 2.50, PeriodUnit.WEEKS);
            assertThat(m.logLikelihood(0, 0, 40)).isCloseTo(-0.41792826, within(1.5e-5));
            assertThat(m.logLikelihood(200, 38, 40)).isCloseTo(100.7869, within(1.5e-4));
        }
    }

    @Nested
    class ParetoNbdModel {

        private final FitResult.Fitted<ParetoNbd> fit =
                (FitResult.Fitted<ParetoNbd>) ChurnModels.fitParetoNbd(Cdnow.table(), FitOptions.defaults());
        private final ParetoNbd btyd = new ParetoNbd(0.5534, 10.5802, 0.6061, 11.6562, PeriodUnit.WEEKS);

        @Test
        void reproduces_the_btyd_log_likelihood_and_the_published_parameters() {
            ParetoNbd m = fit.model();
            assertThat(fit.logLikelihood()).isCloseTo(-9594.976, within(1e-3));
            assertThat(m.r()).isCloseTo(0.553, within(0.015));
            assertThat(m.alpha()).isCloseTo(10.58, within(0.015));
            assertThat(m.s()).isCloseTo(0.606, within(0.015));
            assertThat(m.beta()).isCloseTo(11.67, within(0.015));
            assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "s", "beta");
            assertThat(fit.standardErrors().values()).allSatisfy(se -> assertThat(se).isPositive().isFinite());
        }

        @Test
        void expectations_match_btyd() {
            ParetoNbd m = fit.model();
            double[] expected = {0, 0.05077821, 0.09916088, 0.14542507, 0.18979930, 0.23247466, 0.27361274,
                0.31335159, 0.35181024, 0.38909211};
            for (int t = 0; t < expected.length; t++) {
                assertThat(m.expectedPurchases(t)).isCloseTo(expected[t], within(0.01)); // lifetimes asserts atol 0.01
            }
            assertThat(m.expectedPurchases(52)).isCloseTo(1.473434, within(1e-4));
            assertThat(m.conditionalExpectedPurchases(52, 26, 30.86, 31)).isCloseTo(25.46, within(0.01));
        }

        @Test
        void customer_1516_and_the_paradox_match_btyd() {
            assertThat(btyd.probabilityAlive(26, 30.86, 31)).isCloseTo(0.9979, within(1e-3));
            assertThat(btyd.probabilityAlive(26, 30.85714, 31)).isCloseTo(0.997874, within(1e-4));
            assertThat(btyd.conditionalExpectedPurchases(52, 26, 30.85714, 31)).isCloseTo(25.45647, within(0.01));
            long[] x = {10, 15, 20, 25};
            double[] expected = {0.7062289, 0.1442396, 0.02250658, 0.00309267};
            for (int i = 0; i < x.length; i++) {
                assertThat(btyd.conditionalExpectedPurchases(52, x[i], 20, 39))
                        .isCloseTo(expected[i], Offset.offset(expected[i] * 5e-3));
            }
        }

        @Test
        void holdout_bins_match_the_btyd_walkthrough() {
            ParetoNbd m = fit.model();
            double[] predicted = new double[8];
            int[] size = new int[8];
            for (HoldoutSummary s : Summaries.calibrationAndHoldout(Cdnow.purchases(), Cdnow.CALIBRATION_END,
                    Cdnow.OBSERVATION_END, PeriodUnit.WEEKS)) {
                CustomerSummary c = s.calibration();
                int bin = (int) Math.min(7, c.frequency());
                size[bin]++;
                predicted[bin] += m.conditionalExpectedPurchases(s.holdoutDuration(), c.frequency(), c.recency(), c.age());
            }
            double[] btyd = {0.138, 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403};
            for (int i = 0; i < 8; i++) {
                assertThat(predicted[i] / size[i]).as("bin %d", i).isCloseTo(btyd[i], within(2e-3));
            }
        }

        @Test
        void stays_finite_at_high_frequency() {
            ParetoNbd m = new ParetoNbd(0.55, 10.58, 0.61, 11.67, PeriodUnit.WEEKS);
            double e132 = m.conditionalExpectedPurchases(10, 132, 200, 200);
            double e133 = m.conditionalExpectedPurchases(10, 133, 200, 200);
            assertThat(Math.abs(e132 - e133)).isLessThan(0.05);
            ParetoNbd extreme = new ParetoNbd(10.465, 7.98565181e-03, 3.0516, 2.820, PeriodUnit.WEEKS);
            for (long x : new long[] {400, 500, 5000}) {
                double ll = extreme.logLikelihood(x, 5, 37);
                assertThat(ll).isFinite();
                assertThat(extreme.probabilityAlive(x, 5, 37)).isBetween(0.0, 1.0);
                assertThat(extreme.conditionalExpectedPurchases(10, x, 5, 37)).isFinite().isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Nested
    class GammaGammaModel {

        @Test
        void reproduces_the_published_parameters() {
            FitResult.Fitted<GammaGamma> fit =
                    (FitResult.Fitted<GammaGamma>) ChurnModels.fitGammaGamma(Cdnow.table(), FitOptions.defaults());
            GammaGamma m = fit.model();
            assertThat(m.p()).isCloseTo(6.25, within(0.015));
            assertThat(m.q()).isCloseTo(3.74, within(0.015));
            assertThat(m.gamma()).isCloseTo(15.44, within(0.015));
            assertThat(fit.members()).isEqualTo(946);
            assertThat(fit.logLikelihood()).isCloseTo(-4055.9177, within(1e-2));
            assertThat(m.populationMeanSpend()).isCloseTo(35.17, within(0.01));
        }

        @Test
        void expected_average_spend_matches_the_hardie_sheet() {
            GammaGamma m = ChurnModels.fitGammaGamma(Cdnow.table(), FitOptions.defaults()).orElseThrow();
            List<String[]> rows = Cdnow.csv("/cdnow/cdnow_customers_summary_with_transactions.csv");
            double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
            for (int i = 0; i < expected.length; i++) {
                long x = Long.parseLong(rows.get(i)[1]);
                double zbar = Double.parseDouble(rows.get(i)[4]);
                assertThat(m.expectedAverageSpend(x, zbar)).isCloseTo(expected[i], within(0.1));
            }
        }
    }
}
