package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ChurnProperties {

    private static final List<PurchaseModel> MODELS = List.of(
            new BetaGeo(0.2426, 4.4136, 0.7929, 2.4259, PeriodUnit.WEEKS),
            new BetaGeo(2.5, 0.8, 3.0, 0.6, PeriodUnit.WEEKS),
            new BetaGeo(0.05, 120.0, 1.7, 9.0, PeriodUnit.DAYS),
            new BetaGeo(0.5, 3.0, 0.3, 0.4, PeriodUnit.WEEKS), // a + b < 1: ₂F₁ with c < 0 for one-time buyers
            new ModifiedBetaGeo(0.525, 6.183, 0.891, 1.614, PeriodUnit.WEEKS),
            new ModifiedBetaGeo(3.0, 0.5, 1.5, 0.3, PeriodUnit.DAYS),
            new BetaGeo(0.7, 8.0, 1.0, 2.0, PeriodUnit.WEEKS), // a = 1: removable singularity
            new ModifiedBetaGeo(0.7, 8.0, 1.0 + 1e-9, 2.0, PeriodUnit.WEEKS),
            new ParetoNbd(0.5533, 10.5777, 0.6062, 11.6687, PeriodUnit.WEEKS),
            new ParetoNbd(2.0, 30.0, 1.0, 5.0, PeriodUnit.DAYS),
            new ParetoNbd(0.3, 2.0, 2.5, 40.0, PeriodUnit.WEEKS));
    private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);

    private static final Gen<Integer> MODEL = integers().between(0, MODELS.size() - 1);
    private static final Gen<Long> FREQUENCY = longs().between(0, 400);
    private static final Gen<Double> FRACTION = doubles().between(0.0, 1.0);
    private static final Gen<Double> AGE = doubles().between(0.01, 500.0);

    @Test
    void probability_alive_lies_in_zero_one() {
        qt().withExamples(2000).forAll(MODEL, FREQUENCY, FRACTION, AGE).checkAssert((m, x, f, t) -> {
            double tx = x == 0 ? 0 : f * t;
            assertThat(MODELS.get(m).probabilityAlive(x, tx, t)).isBetween(0.0, 1.0);
        });
    }

    @Test
    void probability_alive_never_rises_as_time_since_the_last_purchase_grows() {
        qt().withExamples(2000).forAll(MODEL, FREQUENCY, FRACTION, AGE).checkAssert((m, x, f, t) -> {
            PurchaseModel model = MODELS.get(m);
            double tx = x == 0 ? 0 : f * t;
            double now = model.probabilityAlive(x, tx, t);
            double later = model.probabilityAlive(x, tx, t * 1.5 + 1);
            assertThat(later).isLessThanOrEqualTo(now + 1e-12);
        });
    }

    @Test
    void expected_purchases_never_fall_as_the_horizon_grows() {
        qt().withExamples(1000).forAll(MODEL, FREQUENCY, FRACTION, AGE).checkAssert((m, x, f, t) -> {
            PurchaseModel model = MODELS.get(m);
            double tx = x == 0 ? 0 : f * t;
            double previous = 0;
            for (double h : new double[] {0.5, 1, 4, 13, 52, 200}) {
                double e = model.conditionalExpectedPurchases(h, x, tx, t);
                assertThat(e).isFinite().isGreaterThanOrEqualTo(previous - 1e-9 * Math.max(1, previous));
                previous = e;
            }
            double u1 = model.expectedPurchases(5);
            double u2 = model.expectedPurchases(50);
            assertThat(u1).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(u2).isGreaterThanOrEqualTo(u1);
        });
    }

    @Test
    void clv_is_finite_and_never_negative() {
        qt().withExamples(300).forAll(MODEL, FREQUENCY, FRACTION, doubles().between(0.0, 5000.0))
                .checkAssert((m, x, f, spend) -> {
                    double t = 40;
                    double tx = x == 0 ? 0 : f * t;
                    ChurnScorer scorer = ChurnScorer.of(MODELS.get(m), SPEND, ChurnPolicy.defaults().withClv(24, 0.01));
                    MemberScore s = scorer.score(new CustomerSummary(dev.siyu.core.id.MemberId.of("m"), x, tx, t,
                            x == 0 ? 0 : spend));
                    assertThat(s.clv()).isFinite().isGreaterThanOrEqualTo(0);
                    assertThat(s.expectedPurchases()).isFinite().isGreaterThanOrEqualTo(0);
                });
    }

    @Test
    void a_weighted_fit_equals_the_fit_on_expanded_rows() {
        qt().withExamples(5).forAll(longs().between(1, Long.MAX_VALUE / 4)).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int patterns = 30 + random.nextInt(30);
            List<Long> x = new ArrayList<>();
            List<Double> tx = new ArrayList<>();
            List<Double> t = new ArrayList<>();
            List<Long> w = new ArrayList<>();
            for (int i = 0; i < patterns; i++) {
                double age = 10 + random.nextInt(30);
                long freq = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
                x.add(freq);
                tx.add(freq == 0 ? 0.0 : random.nextInt((int) age + 1) * 1.0);
                t.add(age);
                w.add(1L + random.nextInt(5));
            }
            x.set(0, 3L); // at least one repeat buyer
            tx.set(0, 5.0);
            SummaryTable weighted = SummaryTable.ofColumns(PeriodUnit.WEEKS, toLongs(x), toDoubles(tx), toDoubles(t), null,
                    toLongs(w));
            List<Long> ex = new ArrayList<>();
            List<Double> etx = new ArrayList<>();
            List<Double> et = new ArrayList<>();
            for (int i = 0; i < patterns; i++) {
                for (long k = 0; k < w.get(i); k++) {
                    ex.add(x.get(i));
                    etx.add(tx.get(i));
                    et.add(t.get(i));
                }
            }
            SummaryTable expanded = SummaryTable.ofColumns(PeriodUnit.WEEKS, toLongs(ex), toDoubles(etx), toDoubles(et), null,
                    null);
            FitResult<BetaGeo> a = ChurnModels.fitBetaGeo(weighted, FitOptions.defaults().withPenalizer(0.01));
            FitResult<BetaGeo> b = ChurnModels.fitBetaGeo(expanded, FitOptions.defaults().withPenalizer(0.01));
            assertThat(a.getClass()).isEqualTo(b.getClass());
            if (a instanceof FitResult.Fitted<BetaGeo> fa && b instanceof FitResult.Fitted<BetaGeo> fb) {
                assertThat(fa.logLikelihood()).isCloseTo(fb.logLikelihood(),
                        org.assertj.core.api.Assertions.within(1e-6 * Math.abs(fb.logLikelihood())));
                assertThat(fa.model().r()).isCloseTo(fb.model().r(), org.assertj.core.api.Assertions.within(1e-6));
                assertThat(fa.model().b()).isCloseTo(fb.model().b(), org.assertj.core.api.Assertions.within(1e-5));
            }
        });
    }

    @Test
    void conditional_purchase_probabilities_sum_to_one_and_average_to_the_expectation() {
        qt().withExamples(200).forAll(integers().between(0, 5), longs().between(0, 30), FRACTION,
                doubles().between(1.0, 60.0)).checkAssert((m, x, f, t) -> {
                    double tx = x == 0 ? 0 : f * t;
                    double horizon = 10;
                    double sum = 0;
                    double mean = 0;
                    for (int n = 0; n < 600; n++) {
                        double p = MODELS.get(m) instanceof BetaGeo bg
                                ? bg.conditionalProbabilityOfPurchases(n, horizon, x, tx, t)
                                : ((ModifiedBetaGeo) MODELS.get(m)).conditionalProbabilityOfPurchases(n, horizon, x, tx, t);
                        assertThat(p).isBetween(0.0, 1.0);
                        sum += p;
                        mean += n * p;
                    }
                    assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
                    assertThat(mean).isCloseTo(MODELS.get(m).conditionalExpectedPurchases(horizon, x, tx, t),
                            org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, mean)));
                });
    }

    private static long[] toLongs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] toDoubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
