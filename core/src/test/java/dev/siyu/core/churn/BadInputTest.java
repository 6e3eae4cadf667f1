package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.MemberId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gives clear errors or a clear non-convergence result, never NaN nor an optimizer exception. */
class BadInputTest {

    @Test
    void recency_beyond_age_is_refused() {
        assertThatThrownBy(() -> new CustomerSummary(MemberId.of("m"), 2, 40, 38, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency must be between 0 and age (T) 38.0: 40.0");
    }

    @Test
    void negative_values_are_refused() {
        assertThatThrownBy(() -> new CustomerSummary(MemberId.of("m"), -1, 0, 38, 0))
                .hasMessage("frequency must be >= 0: -1");
        assertThatThrownBy(() -> new CustomerSummary(MemberId.of("m"), 1, -1, 38, 0))
                .hasMessage("recency must be between 0 and age (T) 38.0: -1.0");
        assertThatThrownBy(() -> new CustomerSummary(MemberId.of("m"), 1, 1, 38, -5))
                .hasMessage("averageSpend must be finite and >= 0: -5.0");
        assertThatThrownBy(() -> new CustomerSummary(MemberId.of("m"), 0, 0, Double.NaN, 0))
                .hasMessage("age (T) must be finite and >= 0: NaN");
    }

    @Test
    void frequency_zero_with_positive_recency_is_refused() {
        assertThatThrownBy(() -> SummaryTable.ofColumns(PeriodUnit.DAYS, new long[] {1, 0}, new double[] {1, 3},
                new double[] {5, 5}, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency[1] must be 0 when frequency is 0: 3.0");
    }

    @Test
    void empty_data_is_refused() {
        assertThatThrownBy(() -> SummaryTable.of(List.of(), PeriodUnit.WEEKS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("summaries must not be empty: 0 rows");
    }

    @Test
    void non_positive_weights_are_refused() {
        assertThatThrownBy(() -> SummaryTable.ofColumns(PeriodUnit.DAYS, new long[] {1}, new double[] {1},
                new double[] {5}, null, new long[] {0}))
                .hasMessage("weight[0] must be > 0: 0");
    }

    @Test
    void everyone_a_one_time_buyer_is_a_clear_non_convergence() {
        SummaryTable table = SummaryTable.ofColumns(PeriodUnit.WEEKS, new long[] {0, 0, 0}, new double[] {0, 0, 0},
                new double[] {10, 20, 30}, null, null);
        for (FitResult<?> fit : List.of(ChurnModels.fitBetaGeo(table, FitOptions.defaults()),
                ChurnModels.fitModifiedBetaGeo(table, FitOptions.defaults()),
                ChurnModels.fitParetoNbd(table, FitOptions.defaults()),
                ChurnModels.fitGammaGamma(table, FitOptions.defaults()))) {
            assertThat(fit).isInstanceOf(FitResult.NotConverged.class);
            assertThat(((FitResult.NotConverged<?>) fit).reason()).isEqualTo("NO_REPEAT_PURCHASES");
            assertThat(fit.estimate()).isEmpty();
            assertThatThrownBy(fit::orElseThrow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NO_REPEAT_PURCHASES");
        }
    }

    @Test
    void degenerate_data_never_yields_nan_parameters() {
        // everyone bought again at the very end: the likelihood has no interior maximum
        SummaryTable table = SummaryTable.ofColumns(PeriodUnit.WEEKS, new long[] {50, 60}, new double[] {10, 10},
                new double[] {10, 10}, new double[] {5, 5}, null);
        for (FitResult<?> fit : List.of(ChurnModels.fitBetaGeo(table, FitOptions.defaults()),
                ChurnModels.fitModifiedBetaGeo(table, FitOptions.defaults()),
                ChurnModels.fitParetoNbd(table, FitOptions.defaults()),
                ChurnModels.fitGammaGamma(table, FitOptions.defaults()))) {
            if (fit instanceof FitResult.Fitted<?> fitted) {
                assertThat(fitted.logLikelihood()).isFinite();
                assertThat(fitted.model().toString()).doesNotContain("NaN", "Infinity");
            } else {
                assertThat(((FitResult.NotConverged<?>) fit).detail()).isNotBlank();
            }
        }
    }

    @Test
    void invalid_model_parameters_are_refused() {
        assertThatThrownBy(() -> new BetaGeo(0, 1, 1, 1, PeriodUnit.WEEKS)).hasMessage("r must be finite and > 0: 0.0");
        assertThatThrownBy(() -> new ParetoNbd(1, 1, 1, Double.NaN, PeriodUnit.WEEKS))
                .hasMessage("beta must be finite and > 0: NaN");
        assertThatThrownBy(() -> new GammaGamma(1, 0.5, 1).populationMeanSpend())
                .isInstanceOf(IllegalStateException.class);
    }
}
