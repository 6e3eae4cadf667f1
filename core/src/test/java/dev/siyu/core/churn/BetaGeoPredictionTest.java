package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** BG/NBD predictions against lifetimes, BTYD and pymc-marketing assertions. */
class BetaGeoPredictionTest {

    private static final BetaGeo FITTED = ChurnModels.fitBetaGeo(Cdnow.table(), FitOptions.defaults()).orElseThrow();
    private static final BetaGeo PAPER = new BetaGeo(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEKS);

    @Nested
    class Expectations {

        @Test
        void conditional_expectation_matches_the_hardie_sheet() {
            assertThat(FITTED.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(1e-3));
        }

        @Test
        void unconditional_expectation_matches_the_hardie_sheet() {
            double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
            double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
            for (int i = 0; i < t.length; i++) {
                assertThat(FITTED.expectedPurchases(t[i])).as("E[X(%s)]", t[i]).isCloseTo(expected[i], within(1.5e-3));
            }
            assertThat(FITTED.expectedPurchases(52)).isCloseTo(1.444004, within(1e-4));
        }

        @Test
        void customer_1516_matches_btyd() {
            double tx = 30.85714;
            assertThat(FITTED.conditionalExpectedPurchases(52, 26, tx, 31)).isCloseTo(25.75659, within(2e-3));
            assertThat(FITTED.probabilityAlive(26, tx, 31)).isCloseTo(0.9688523, within(1e-4));
        }

        @Test
        void increasing_frequency_paradox_matches_btyd() {
            long[] x = {10, 15, 20, 25};
            double[] expected = {0.3474606, 0.04283391, 0.004158973, 0.0003583685};
            for (int i = 0; i < x.length; i++) {
                assertThat(FITTED.conditionalExpectedPurchases(52, x[i], 20, 39))
                        .isCloseTo(expected[i], Offset.offset(expected[i] * 2e-3));
            }
        }

        @Test
        void holdout_bins_match_the_btyd_walkthrough() {
            List<HoldoutSummary> h = Summaries.calibrationAndHoldout(Cdnow.purchases(), Cdnow.CALIBRATION_END,
                    Cdnow.OBSERVATION_END, PeriodUnit.WEEKS);
            assertThat(h).hasSize(2357);
            assertThat(h.stream().mapToLong(HoldoutSummary::holdoutFrequency).sum()).isEqualTo(1882);
            double[] actual = new double[8];
            double[] predicted = new double[8];
            int[] size = new int[8];
            for (HoldoutSummary s : h) {
                CustomerSummary c = s.calibration();
                int bin = (int) Math.min(7, c.frequency());
                size[bin]++;
                actual[bin] += s.holdoutFrequency();
                predicted[bin] += FITTED.conditionalExpectedPurchases(s.holdoutDuration(), c.frequency(), c.recency(),
                        c.age());
            }
            assertThat(size).containsExactly(1411, 439, 214, 100, 62, 38, 29, 64);
            double total = 0;
            double alive = 0;
            for (int i = 0; i < 8; i++) {
                total += predicted[i];
            }
            for (HoldoutSummary s : h) {
                alive += FITTED.probabilityAlive(s.calibration().frequency(), s.calibration().recency(),
                        s.calibration().age());
            }
            assertThat(total).isCloseTo(1653.4, within(0.1));
            assertThat(alive / h.size()).isCloseTo(0.8134, within(1e-4));
            double[] btydActual = {0.2367116, 0.6970387, 1.392523, 1.560000, 2.532258, 2.947368, 3.862069, 6.359375};
            double[] btydExpected = {0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789, 3.503957, 6.157036};
            for (int i = 0; i < 8; i++) {
                assertThat(actual[i] / size[i]).isCloseTo(btydActual[i], within(1e-6));
                assertThat(predicted[i] / size[i]).as("bin %d", i).isCloseTo(btydExpected[i], within(1e-3));
            }
        }
    }

    @Nested
    class ProbabilityOfPurchases {

        @Test
        void matches_btyd_with_the_paper_parameters() {
            assertThat(PAPER.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-11));
            assertThat(PAPER.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-6));
            double[] expected = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
                0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
            for (int n = 11; n <= 20; n++) {
                assertThat(PAPER.probabilityOfPurchases(n, 30)).isCloseTo(expected[n - 11], within(1e-8));
            }
        }

        @Test
        void sums_to_one_over_all_counts() {
            double sum = 0;
            for (int n = 0; n < 400; n++) {
                sum += PAPER.probabilityOfPurchases(n, 39);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-6));
        }
    }

    @Nested
    class Alive {

        @Test
        void is_one_for_every_member_without_repeat_purchases() {
            assertThat(FITTED.probabilityAlive(0, 0, 1)).isEqualTo(1.0);
            assertThat(FITTED.probabilityAlive(0, 0, 1000)).isEqualTo(1.0);
        }

        @Test
        void is_exactly_zero_at_extreme_frequency_without_overflow() {
            assertThat(FITTED.probabilityAlive(1000, 10, 100)).isEqualTo(0.0);
        }

        @Test
        void is_invariant_to_rescaling_time_with_alpha() {
            BetaGeo days = new BetaGeo(FITTED.r(), FITTED.alpha() * 7, FITTED.a(), FITTED.b(), PeriodUnit.DAYS);
            assertThat(days.probabilityAlive(3, 20 * 7, 38 * 7)).isCloseTo(FITTED.probabilityAlive(3, 20, 38), within(1e-12));
        }

        @Test
        void one_time_buyers_still_get_a_probability_of_no_purchase_below_one() {
            assertThat(FITTED.probabilityNoPurchase(52, 0, 0, 38.86)).isBetween(0.5, 1.0);
        }
    }

    @Test
    void expectations_are_continuous_through_a_equal_to_one() {
        BetaGeo at = new BetaGeo(0.7, 8.0, 1.0, 2.0, PeriodUnit.WEEKS);
        BetaGeo near = new BetaGeo(0.7, 8.0, 1.001, 2.0, PeriodUnit.WEEKS);
        assertThat(at.expectedPurchases(52)).isCloseTo(near.expectedPurchases(52), within(1e-2));
        assertThat(at.conditionalExpectedPurchases(52, 3, 20, 39))
                .isCloseTo(near.conditionalExpectedPurchases(52, 3, 20, 39), within(1e-2));
    }

    @Test
    void log_likelihood_matches_pymc_marketing_numerically_stable_logp() {
        BetaGeo m = new BetaGeo(0.25, 4.0, 0.80, 2.50, PeriodUnit.WEEKS);
        assertThat(m.logLikelihood(0, 0, 40)).isCloseTo(-0.59947382, within(1.5e-5));
        assertThat(m.logLikelihood(200, 38, 40)).isCloseTo(100.7957, within(1.5e-4));
    }
}
