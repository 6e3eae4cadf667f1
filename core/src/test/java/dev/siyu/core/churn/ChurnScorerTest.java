package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.money.Money;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChurnScorerTest {

    private static final BetaGeo BG = ChurnModels.fitBetaGeo(Cdnow.table(), FitOptions.defaults()).orElseThrow();
    private static final ModifiedBetaGeo MBG =
            ChurnModels.fitModifiedBetaGeo(Cdnow.table(), FitOptions.defaults()).orElseThrow();
    private static final GammaGamma GG = ChurnModels.fitGammaGamma(Cdnow.table(), FitOptions.defaults()).orElseThrow();

    private static CustomerSummary member(long x, double tx, double t, double spend) {
        return new CustomerSummary(MemberId.of("m"), x, tx, t, spend);
    }

    @Nested
    class Levels {

        private final ChurnScorer scorer = ChurnScorer.of(BG, GG, ChurnPolicy.defaults());

        @Test
        void a_frequent_recent_buyer_is_active_and_says_why() {
            MemberScore s = scorer.score(member(26, 30.86, 31, 40));
            assertThat(s.level()).isEqualTo(ChurnLevel.ACTIVE);
            assertThat(s.explanation().code()).isEqualTo("CHURN_LEVEL_ACTIVE");
            assertThat(s.explanation().fact("decidedBy")).contains("NONE");
            assertThat(s.explanation().fact("probabilityAlive")).contains("0.9689");
        }

        @Test
        void a_frequent_buyer_silent_for_many_cycles_is_lost_by_both_readings() {
            MemberScore s = scorer.score(member(25, 20, 39, 40));
            assertThat(s.probabilityAlive()).isLessThan(0.1);
            assertThat(s.level()).isEqualTo(ChurnLevel.LOST);
            assertThat(s.explanation().fact("decidedBy")).contains("BOTH");
            assertThat(s.explanation().fact("levelByPurchaseCycle")).contains("LOST");
        }

        @Test
        void under_bg_nbd_one_time_buyers_are_levelled_by_their_cycle_only() {
            ChurnScorer withCycle = ChurnScorer.of(BG, GG, ChurnPolicy.defaults().withFirstRepeatCycleDays(56));
            MemberScore s = withCycle.score(member(0, 0, 38.86, 0));
            assertThat(s.probabilityAlive()).isEqualTo(1.0);
            assertThat(s.purchaseCycle()).isCloseTo(8.0, within(1e-12));
            assertThat(s.level()).isEqualTo(ChurnLevel.SLEEPING);
            assertThat(s.explanation().fact("decidedBy")).contains("PURCHASE_CYCLE");
            assertThat(s.explanation().fact("oneTimeBuyer")).contains("true");
            assertThat(s.explanation().fact("probabilityAliveInformative")).contains("false");
            assertThat(s.probabilityNoPurchase()).isBetween(0.5, 1.0);
            assertThat(s.explanation().fact("probabilityNoPurchaseInHorizon")).isPresent();
        }

        @Test
        void under_mbg_nbd_one_time_buyers_fall_asleep_by_probability_alive() {
            MemberScore s = ChurnScorer.of(MBG, GG, ChurnPolicy.defaults()).score(member(0, 0, 38.86, 0));
            assertThat(s.probabilityAlive()).isCloseTo(0.3897, within(1e-3));
            assertThat(s.level()).isEqualTo(ChurnLevel.AT_RISK);
            assertThat(s.explanation().fact("probabilityAliveInformative")).contains("true");
        }

        @Test
        void thresholds_are_configurable() {
            ChurnScorer strict = ChurnScorer.of(BG, GG, ChurnPolicy.defaults().withAliveThresholds(0.99, 0.98, 0.97));
            assertThat(strict.score(member(26, 30.86, 31, 40)).level()).isEqualTo(ChurnLevel.LOST);
        }

        @Test
        void policies_with_thresholds_out_of_order_are_refused() {
            assertThatThrownBy(() -> ChurnPolicy.defaults().withAliveThresholds(0.1, 0.3, 0.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("P(alive) thresholds must satisfy");
            assertThatThrownBy(() -> ChurnPolicy.defaults().withClv(0, 0.01))
                    .hasMessage("clvMonths must be between 1 and 1200: 0");
        }
    }

    @Nested
    class Value {

        private final ChurnScorer scorer = ChurnScorer.of(BG, GG, ChurnPolicy.defaults().withClv(12, 0.01));

        @Test
        void clv_is_the_monthly_discounted_expected_spend() {
            CustomerSummary c = member(2, 30.43, 38.86, 22.35);
            MemberScore s = scorer.score(c);
            double spend = GG.expectedAverageSpend(2, 22.35);
            double m = PeriodUnit.WEEKS.periodsPerMonth();
            double expected = 0;
            for (int i = 1; i <= 12; i++) {
                double inc = BG.conditionalExpectedPurchases(i * m, 2, 30.43, 38.86)
                        - BG.conditionalExpectedPurchases((i - 1) * m, 2, 30.43, 38.86);
                expected += spend * inc / Math.pow(1.01, i);
            }
            assertThat(s.clv()).isCloseTo(expected, within(1e-9));
            assertThat(s.expectedAverageSpend()).isCloseTo(spend, within(1e-12));
            assertThat(s.clvAsMoney(Cdnow.USD, RoundingMode.HALF_EVEN))
                    .isEqualTo(Money.of(java.math.BigDecimal.valueOf(expected), Cdnow.USD, RoundingMode.HALF_EVEN));
        }

        @Test
        void expected_purchases_use_the_policy_horizon_in_the_model_unit() {
            MemberScore s = scorer.score(member(2, 30.43, 38.86, 22.35));
            assertThat(s.expectedPurchases())
                    .isCloseTo(BG.conditionalExpectedPurchases(90.0 / 7, 2, 30.43, 38.86), within(1e-12));
            assertThat(s.nextPurchaseDueIn()).isCloseTo(s.purchaseCycle() - (38.86 - 30.43), within(1e-12));
        }
    }

    @Test
    void batch_scoring_equals_one_by_one_scoring() {
        List<CustomerSummary> all = Cdnow.summaries();
        int n = all.size();
        long[] x = new long[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = all.get(i).frequency();
            tx[i] = all.get(i).recency();
            t[i] = all.get(i).age();
            m[i] = all.get(i).averageSpend();
        }
        for (PurchaseModel model : List.<PurchaseModel>of(BG, MBG)) {
            ChurnScorer scorer = ChurnScorer.of(model, GG, ChurnPolicy.defaults());
            double[] alive = new double[n];
            double[] expected = new double[n];
            double[] clv = new double[n];
            byte[] level = new byte[n];
            scorer.scoreBatch(x, tx, t, m, 0, n, alive, expected, clv, level);
            for (int i = 0; i < n; i++) {
                MemberScore s = scorer.score(all.get(i));
                assertThat(alive[i]).isEqualTo(s.probabilityAlive());
                assertThat(expected[i]).isEqualTo(s.expectedPurchases());
                assertThat(clv[i]).isEqualTo(s.clv());
                assertThat(level[i]).isEqualTo((byte) s.level().ordinal());
            }
        }
    }

    @Test
    void batch_scoring_names_the_row_at_fault() {
        ChurnScorer scorer = ChurnScorer.of(BG, GG, ChurnPolicy.defaults());
        assertThatThrownBy(() -> scorer.scoreBatch(new long[] {1, 2}, new double[] {1, 5}, new double[] {3, 4}, null, 0,
                2, new double[2], null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency[1] must be between 0 and age (T) 4.0: 5.0");
    }
}
