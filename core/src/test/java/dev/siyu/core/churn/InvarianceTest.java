package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Units change the scale parameters only, exactly as the models say. */
class InvarianceTest {

    private static SummaryTable scaled(double timeFactor, double spendFactor, PeriodUnit unit) {
        SummaryTable t = Cdnow.table();
        int n = t.size();
        long[] x = new long[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = t.frequency(i);
            tx[i] = t.recency(i) * timeFactor;
            age[i] = t.age(i) * timeFactor;
            m[i] = t.averageSpend(i) * spendFactor;
        }
        return SummaryTable.ofColumns(unit, x, tx, age, m, null);
    }

    @Test
    void fitting_in_days_multiplies_alpha_by_seven_and_shifts_the_log_likelihood() {
        FitResult.Fitted<BetaGeo> weeks = (FitResult.Fitted<BetaGeo>) ChurnModels.fitBetaGeo(Cdnow.table(),
                FitOptions.defaults());
        FitResult.Fitted<BetaGeo> days = (FitResult.Fitted<BetaGeo>) ChurnModels.fitBetaGeo(
                scaled(7, 1, PeriodUnit.DAYS), FitOptions.defaults());
        assertThat(days.model().unit()).isEqualTo(PeriodUnit.DAYS);
        assertThat(days.model().r()).isCloseTo(weeks.model().r(), within(1e-6));
        assertThat(days.model().alpha()).isCloseTo(weeks.model().alpha() * 7, within(1e-4));
        assertThat(days.model().a()).isCloseTo(weeks.model().a(), within(1e-5));
        assertThat(days.model().b()).isCloseTo(weeks.model().b(), within(1e-4));
        assertThat(days.logLikelihood() - weeks.logLikelihood()).isCloseTo(-4781.1012, within(1e-3));
        assertThat(days.model().probabilityAlive(2, 30 * 7, 38 * 7))
                .isCloseTo(weeks.model().probabilityAlive(2, 30, 38), within(1e-6));
    }

    @Test
    void gamma_gamma_in_fen_multiplies_gamma_by_one_hundred() {
        GammaGamma yuan = ChurnModels.fitGammaGamma(Cdnow.table(), FitOptions.defaults()).orElseThrow();
        GammaGamma fen = ChurnModels.fitGammaGamma(scaled(1, 100, PeriodUnit.WEEKS), FitOptions.defaults())
                .orElseThrow();
        assertThat(fen.p()).isCloseTo(yuan.p(), within(1e-4));
        assertThat(fen.q()).isCloseTo(yuan.q(), within(1e-4));
        assertThat(fen.gamma()).isCloseTo(yuan.gamma() * 100, within(1e-2));
    }
}
