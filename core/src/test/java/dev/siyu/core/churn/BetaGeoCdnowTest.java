package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BetaGeoCdnowTest {

    @Nested
    class SummaryRebuiltFromTransactions {

        @Test
        void has_the_published_cohort_size_and_repeat_counts() {
            List<CustomerSummary> s = Cdnow.summaries();
            assertThat(s).hasSize(2357);
            assertThat(s.stream().filter(c -> c.frequency() > 0).count()).isEqualTo(946);
            assertThat(s.stream().mapToLong(CustomerSummary::frequency).sum()).isEqualTo(2457);
        }

        @Test
        void matches_the_lifetimes_csv_up_to_its_two_decimal_rounding() {
            List<String[]> rows = Cdnow.csv("/cdnow/cdnow_customers_summary_with_transactions.csv");
            List<CustomerSummary> s = Cdnow.summaries();
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                CustomerSummary c = s.get(Integer.parseInt(row[0]) - 1);
                assertThat(c.member().value()).isEqualTo(String.format("%04d", Integer.parseInt(row[0])));
                assertThat(c.frequency()).isEqualTo(Long.parseLong(row[1]));
                assertThat(c.recency()).isCloseTo(Double.parseDouble(row[2]), within(0.0051));
                assertThat(c.age()).isCloseTo(Double.parseDouble(row[3]), within(0.0051));
                assertThat(c.averageSpend()).isCloseTo(Double.parseDouble(row[4]), within(0.0051));
            }
        }
    }

    @Nested
    class Fit {

        private final FitResult.Fitted<BetaGeo> fit =
                (FitResult.Fitted<BetaGeo>) ChurnModels.fitBetaGeo(Cdnow.table(), FitOptions.defaults());

        @Test
        void reproduces_the_published_parameters_and_log_likelihood() {
            BetaGeo m = fit.model();
            assertThat(m.r()).isCloseTo(0.2426, within(2e-3));
            assertThat(m.alpha()).isCloseTo(4.4136, within(2e-3));
            assertThat(m.a()).isCloseTo(0.7929, within(2e-3));
            assertThat(m.b()).isCloseTo(2.4259, within(2e-3));
            assertThat(fit.logLikelihood()).isCloseTo(-9582.429, within(1e-3));
            assertThat(m.unit()).isEqualTo(PeriodUnit.WEEKS);
        }

        @Test
        void compresses_identical_rows_into_patterns() {
            assertThat(fit.members()).isEqualTo(2357);
            assertThat(fit.patterns()).isLessThan(2357);
        }

        @Test
        void reports_the_lifetimes_standard_errors() {
            assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "a", "b");
            assertThat(fit.standardErrors().get("r")).isCloseTo(0.012557, within(2e-4));
            assertThat(fit.standardErrors().get("alpha")).isCloseTo(0.378221, within(5e-3));
            assertThat(fit.standardErrors().get("a")).isCloseTo(0.185719, within(2e-3));
            assertThat(fit.standardErrors().get("b")).isCloseTo(0.705345, within(7e-3));
        }
    }

    @Test
    void cdnow_times_1000_through_pattern_weights_fits_the_same_parameters() {
        SummaryTable t = Cdnow.table();
        int n = t.size();
        long[] x = new long[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = t.frequency(i);
            tx[i] = t.recency(i);
            age[i] = t.age(i);
            w[i] = 1000;
        }
        FitResult.Fitted<BetaGeo> big = (FitResult.Fitted<BetaGeo>) ChurnModels.fitBetaGeo(
                SummaryTable.ofColumns(PeriodUnit.WEEKS, x, tx, age, null, w), FitOptions.defaults());
        assertThat(big.members()).isEqualTo(2_357_000);
        assertThat(big.model().r()).isCloseTo(0.2425945, within(1e-5));
        assertThat(big.model().b()).isCloseTo(2.4259068, within(1e-4));
        assertThat(big.logLikelihood()).isCloseTo(-9582.4292 * 1000, within(1.0));
        assertThat(big.standardErrors().get("r")).isCloseTo(0.012557 / Math.sqrt(1000), within(1e-5));
    }

    @Test
    void fits_the_rounded_lifetimes_csv_to_the_lifetimes_documentation() {
        List<String[]> rows = Cdnow.csv("/cdnow/cdnow_customers_summary.csv");
        long[] x = new long[rows.size()];
        double[] tx = new double[rows.size()];
        double[] t = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = Long.parseLong(rows.get(i)[1]);
            tx[i] = Double.parseDouble(rows.get(i)[2]);
            t[i] = Double.parseDouble(rows.get(i)[3]);
        }
        FitResult.Fitted<BetaGeo> fit = (FitResult.Fitted<BetaGeo>) ChurnModels.fitBetaGeo(
                SummaryTable.ofColumns(PeriodUnit.WEEKS, x, tx, t, null, null), FitOptions.defaults());
        BetaGeo m = fit.model();
        assertThat(m.r()).isCloseTo(0.242593, within(1e-5));
        assertThat(m.alpha()).isCloseTo(4.413532, within(1e-4));
        assertThat(m.a()).isCloseTo(0.792886, within(1e-4));
        assertThat(m.b()).isCloseTo(2.425753, within(1e-4));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4256, within(1e-3));
        assertThat(fit.standardErrors().get("r")).isCloseTo(0.012557, within(1e-5));
        assertThat(fit.standardErrors().get("alpha")).isCloseTo(0.378221, within(1e-4));
        assertThat(fit.standardErrors().get("a")).isCloseTo(0.185719, within(1e-4));
        assertThat(fit.standardErrors().get("b")).isCloseTo(0.705345, within(1e-4));
    }
}
