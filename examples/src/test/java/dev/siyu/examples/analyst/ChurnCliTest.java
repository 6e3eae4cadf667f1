package dev.siyu.examples.analyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.siyu.core.json.ConfigNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnCliTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ChurnCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path cdnowSummary() throws IOException {
        Path file = dir.resolve("cdnow.csv");
        try (InputStream in = ChurnCliTest.class.getResourceAsStream("/analyst/cdnow_customers_summary_with_transactions.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static double number(ConfigNode node, String name) {
        return node.required(name).asDecimal().doubleValue();
    }

    @Test
    void fit_prints_the_parameters_under_their_names_in_the_literature() throws IOException {
        Run run = run("fit", "--input", cdnowSummary().toString(), "--format", "summary");
        assertThat(run.code()).isZero();
        ConfigNode json = ConfigNode.parse(run.out());
        assertThat(json.required("model").asText()).isEqualTo("bg-nbd");
        assertThat(number(json, "r")).isCloseTo(0.242593, within(1e-5));
        assertThat(number(json, "alpha")).isCloseTo(4.413532, within(1e-4));
        assertThat(number(json, "a")).isCloseTo(0.792886, within(1e-4));
        assertThat(number(json, "b")).isCloseTo(2.425753, within(1e-4));
        assertThat(number(json, "logLikelihood")).isCloseTo(-9582.4256, within(1e-3));
        assertThat(number(json.required("standardErrors"), "r")).isCloseTo(0.012557, within(1e-5));
        ConfigNode gg = json.required("gammaGamma");
        assertThat(number(gg, "p")).isCloseTo(6.25, within(0.015));
        assertThat(number(gg, "q")).isCloseTo(3.74, within(0.015));
        assertThat(number(gg, "gamma")).isCloseTo(15.44, within(0.015));
    }

    @Test
    void fit_names_pareto_parameters_s_and_beta() throws IOException {
        Run run = run("fit", "--input", cdnowSummary().toString(), "--format", "summary", "--model", "pareto-nbd");
        ConfigNode json = ConfigNode.parse(run.out());
        assertThat(number(json, "s")).isCloseTo(0.606, within(0.015));
        assertThat(number(json, "beta")).isCloseTo(11.67, within(0.015));
        assertThat(number(json, "logLikelihood")).isCloseTo(-9594.9739, within(1e-3));
    }

    @Test
    void score_writes_one_row_per_member_from_an_earlier_fit() throws IOException {
        Path input = cdnowSummary();
        Path fitted = dir.resolve("fit.json");
        Files.writeString(fitted, run("fit", "--input", input.toString(), "--format", "summary", "--model", "mbg-nbd").out());
        Path output = dir.resolve("scores.csv");
        Run run = run("score", "--input", input.toString(), "--format", "summary", "--fitted", fitted.toString(),
                "--output", output.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(output);
        assertThat(rows).hasSize(2358);
        assertThat(rows.get(0)).isEqualTo("id,frequency,recency,T,monetary_value,p_alive,expected_purchases,"
                + "p_no_purchase,expected_average_spend,clv,purchase_cycle,level");
        assertThat(rows.get(3)).startsWith("3,0,0.000000,38.860000,0.000000,0.38");
        assertThat(ConfigNode.parse(run.out()).required("members").asInt()).isEqualTo(2357);
    }

    @Test
    void transactions_are_summarized_before_fitting() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,date,amount\n");
        java.time.LocalDate start = java.time.LocalDate.of(2026, 1, 1);
        for (int m = 0; m < 200; m++) {
            int cycle = 5 + (m * 7) % 40;
            int lifetime = (m * 37) % 200;
            int first = m % 60;
            for (int day = first; day <= Math.min(first + lifetime, 180); day += cycle) {
                csv.append("m").append(m).append(',').append(start.plusDays(day)).append(',')
                        .append(10 + m % 17).append(".50\n");
            }
        }
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, csv);
        Run fit = run("fit", "--input", tx.toString(), "--unit", "days", "--end", "2026-06-30");
        assertThat(fit.code()).as(fit.out()).isZero();
        assertThat(ConfigNode.parse(fit.out()).required("members").asInt()).isEqualTo(200);
        Run run = run("score", "--input", tx.toString(), "--unit", "days", "--end", "2026-06-30");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().count()).isEqualTo(201);
        assertThat(run.out().lines().skip(1).map(l -> l.split(",")[0]).limit(3).toList())
                .containsExactly("m0", "m1", "m10");
    }

    @Test
    void too_little_data_is_a_non_convergence_with_advice() throws IOException {
        Path tx = dir.resolve("tiny.csv");
        Files.writeString(tx, """
                customer_id,date,amount
                a,2026-01-01,10
                a,2026-01-15,30
                a,2026-02-20,25
                b,2026-01-03,8
                c,2026-01-10,12
                c,20260301,40
                d,2026-02-01,5
                """);
        Run run = run("fit", "--input", tx.toString(), "--unit", "days", "--end", "2026-03-31");
        assertThat(run.code()).isEqualTo(2);
        assertThat(ConfigNode.parse(run.out()).required("detail").asText()).contains("penalizer");
    }

    @Test
    void score_reads_level_thresholds_from_a_policy_document() throws IOException {
        Path input = cdnowSummary();
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"schemaVersion\": 1, \"aliveBelow\": {\"atRisk\": 1.0, \"sleeping\": 1.0, "
                + "\"lost\": 1.0}}");
        Run run = run("score", "--input", input.toString(), "--format", "summary", "--model", "mbg-nbd",
                "--policy", policy.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().skip(1)).allSatisfy(line -> assertThat(line).endsWith(",lost"));
        Files.writeString(policy, "{\"schemaVersion\": 1, \"clvMonths\": 0}");
        Run bad = run("score", "--input", input.toString(), "--format", "summary", "--policy", policy.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("clvMonths must be between 1 and 1200: 0");
    }

    @Test
    void bad_input_is_a_clear_error() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,frequency,recency,T\n1,2,40,38\n");
        Run run = run("fit", "--input", bad.toString(), "--format", "summary");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":2: recency must be between 0 and age (T) 38.0: 40.0");
        Files.writeString(bad, "customer_id,date,amount\n\"7\",1997-01-01,\"29.33\"\n7,1997-02-30,10\n");
        assertThat(run("fit", "--input", bad.toString()).err()).contains(bad + ":3: date must be yyyy-MM-dd or yyyyMMdd: 1997-02-30");
        assertThat(run("fit", "--input", bad.toString(), "--colour", "red").err()).contains("option must be one of");
        assertThat(run("frobnicate").code()).isEqualTo(1);
    }

    @Test
    void one_time_buyers_only_is_a_non_convergence() throws IOException {
        Path once = dir.resolve("once.csv");
        Files.writeString(once, "id,frequency,recency,T\n1,0,0,38\n2,0,0,20\n");
        Run run = run("fit", "--input", once.toString(), "--format", "summary");
        assertThat(run.code()).isEqualTo(2);
        ConfigNode json = ConfigNode.parse(run.out());
        assertThat(json.required("converged").asBoolean()).isFalse();
        assertThat(json.required("reason").asText()).isEqualTo("NO_REPEAT_PURCHASES");
    }
}
