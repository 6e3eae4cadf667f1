package dev.siyu.examples.analyst;

import dev.siyu.core.churn.BetaGeo;
import dev.siyu.core.churn.ChurnLevel;
import dev.siyu.core.churn.ChurnModels;
import dev.siyu.core.churn.ChurnPolicy;
import dev.siyu.core.churn.ChurnScorer;
import dev.siyu.core.churn.CustomerSummary;
import dev.siyu.core.churn.FitOptions;
import dev.siyu.core.churn.FitResult;
import dev.siyu.core.churn.GammaGamma;
import dev.siyu.core.churn.MemberScore;
import dev.siyu.core.churn.ModifiedBetaGeo;
import dev.siyu.core.churn.ParetoNbd;
import dev.siyu.core.churn.PeriodUnit;
import dev.siyu.core.churn.Purchase;
import dev.siyu.core.churn.PurchaseModel;
import dev.siyu.core.churn.Summaries;
import dev.siyu.core.churn.SummaryTable;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.money.Money;
import dev.siyu.examples.csv.CsvFile;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command line for analysts: fits a churn model to a CSV and scores members.
 *
 * <pre>
 * fit   --input FILE [--format transactions|summary] [--model bg-nbd|mbg-nbd|pareto-nbd]
 *       [--unit weeks|days] [--end yyyy-MM-dd] [--penalizer X] [--currency CNY]
 * score --input FILE [same options as fit] [--fitted FIT.json] [--horizon-days 90]
 *       [--clv-months 12] [--monthly-discount 0.01] [--policy POLICY.json] [--output FILE]
 * </pre>
 *
 * <p>A transactions CSV has a header and the columns customer id, date ({@code yyyy-MM-dd} or
 * {@code yyyyMMdd}), amount; a summary CSV has {@code id,frequency,recency,T[,monetary_value]} in
 * the unit given. {@code fit} prints one JSON object: the parameters under their names in the
 * literature, {@code logLikelihood}, {@code standardErrors}, and the same for Gamma-Gamma when
 * amounts are known. {@code score} writes a CSV of P(alive), expected purchases, CLV and level per
 * member, fitting first unless {@code --fitted} names the output of an earlier {@code fit};
 * {@code --policy} reads the levels' thresholds as in {@link ChurnPolicy#fromJson} (it replaces
 * the horizon and CLV flags).
 * Exit codes: 0 done, 1 bad usage or input, 2 the fit did not converge.
 */
public final class ChurnCli {

    private static final Set<String> OPTIONS = Set.of("input", "format", "model", "unit", "end", "penalizer",
            "currency", "fitted", "horizon-days", "clv-months", "monthly-discount", "output", "policy");

    private ChurnCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command, printing results to {@code out} and problems to {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("fit") || args[0].equals("score"))) {
            err.println("usage: ChurnCli fit|score --input FILE [--format transactions|summary] "
                    + "[--model bg-nbd|mbg-nbd|pareto-nbd] [--unit weeks|days] [--end yyyy-MM-dd] [--penalizer X] "
                    + "[--fitted FIT.json] [--horizon-days N] [--clv-months N] [--monthly-discount X] [--policy POLICY.json] "
                    + "[--output FILE]");
            return 1;
        }
        try {
            Map<String, String> options = parseOptions(args);
            Input input = readInput(options);
            if (args[0].equals("fit")) {
                Map<String, Object> result = new LinkedHashMap<>();
                boolean converged = fit(input, options, result);
                out.println(SiyuJson.write(result));
                return converged ? 0 : 2;
            }
            return score(input, options, out, err);
        } catch (IllegalArgumentException | IOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || !OPTIONS.contains(args[i].substring(2))) {
                throw new IllegalArgumentException("option must be one of " + OPTIONS + ": " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option must have a value: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("input")) {
            throw new IllegalArgumentException("--input must be given: none");
        }
        return options;
    }

    private record Input(List<CustomerSummary> summaries, SummaryTable table, boolean hasSpend) {
    }

    private static Input readInput(Map<String, String> options) throws IOException {
        PeriodUnit unit = switch (options.getOrDefault("unit", "weeks")) {
            case "weeks" -> PeriodUnit.WEEKS;
            case "days" -> PeriodUnit.DAYS;
            default -> throw new IllegalArgumentException("--unit must be weeks or days: " + options.get("unit"));
        };
        CsvFile file = CsvFile.read(Path.of(options.get("input")));
        List<CsvFile.Row> rows = file.rows();
        if (rows.size() < 2) {
            throw new IllegalArgumentException(file.name() + ": input must have a header and at least one row");
        }
        String format = options.getOrDefault("format", "transactions");
        List<CustomerSummary> summaries;
        boolean hasSpend;
        if (format.equals("summary")) {
            hasSpend = rows.get(0).size() >= 5;
            summaries = new ArrayList<>();
            for (CsvFile.Row f : rows.subList(1, rows.size())) {
                if (f.size() < 4) {
                    throw file.error(f.line(), "row must have id,frequency,recency,T: " + String.join(",", f.cells()));
                }
                try {
                    summaries.add(new CustomerSummary(MemberId.of(f.cell(0)), Long.parseLong(f.cell(1)),
                            Double.parseDouble(f.cell(2)), Double.parseDouble(f.cell(3)),
                            hasSpend && f.size() >= 5 ? Double.parseDouble(f.cell(4)) : 0.0));
                } catch (NumberFormatException e) {
                    throw file.error(f.line(), "frequency, recency, T and spend must be numbers: " + String.join(",", f.cells()));
                } catch (IllegalArgumentException e) {
                    throw file.error(f.line(), e.getMessage());
                }
            }
        } else if (format.equals("transactions")) {
            Currency currency = Currency.getInstance(options.getOrDefault("currency", "CNY"));
            List<Purchase> purchases = new ArrayList<>();
            LocalDate last = LocalDate.MIN;
            for (CsvFile.Row f : rows.subList(1, rows.size())) {
                if (f.size() < 3) {
                    throw file.error(f.line(), "row must have customer id,date,amount: " + String.join(",", f.cells()));
                }
                LocalDate date;
                Money amount;
                try {
                    date = parseDate(f.cell(1), f.line());
                    amount = Money.of(new BigDecimal(f.cell(2)), currency, java.math.RoundingMode.HALF_EVEN);
                    purchases.add(new Purchase(MemberId.of(f.cell(0)), date, amount));
                } catch (NumberFormatException e) {
                    throw file.error(f.line(), "amount must be a decimal: " + f.cell(2));
                } catch (IllegalArgumentException e) {
                    throw file.error(f.line(), e.getMessage());
                }
                last = date.isAfter(last) ? date : last;
            }
            LocalDate end = options.containsKey("end") ? parseDate(options.get("end"), 0) : last;
            summaries = Summaries.summarize(purchases, end, unit);
            hasSpend = true;
        } else {
            throw new IllegalArgumentException("--format must be transactions or summary: " + format);
        }
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("input must hold at least one member: 0");
        }
        return new Input(summaries, SummaryTable.of(summaries, unit), hasSpend);
    }

    private static LocalDate parseDate(String text, int line) {
        try {
            return text.length() == 8 ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException((line > 0 ? "date" : "--end") + " must be yyyy-MM-dd or yyyyMMdd: " + text, e);
        }
    }

    private static FitOptions fitOptions(Map<String, String> options) {
        return FitOptions.defaults().withPenalizer(Double.parseDouble(options.getOrDefault("penalizer", "0")));
    }

    /** Fits the purchase model (and Gamma-Gamma when spend is known) into {@code out}; false if not converged. */
    private static boolean fit(Input input, Map<String, String> options, Map<String, Object> out) {
        String type = options.getOrDefault("model", "bg-nbd");
        FitOptions fitOptions = fitOptions(options);
        FitResult<? extends PurchaseModel> fit = switch (type) {
            case "bg-nbd" -> ChurnModels.fitBetaGeo(input.table(), fitOptions);
            case "mbg-nbd" -> ChurnModels.fitModifiedBetaGeo(input.table(), fitOptions);
            case "pareto-nbd" -> ChurnModels.fitParetoNbd(input.table(), fitOptions);
            default -> throw new IllegalArgumentException("--model must be bg-nbd, mbg-nbd or pareto-nbd: " + type);
        };
        out.put("model", type);
        out.put("unit", input.table().unit().name().toLowerCase(Locale.ROOT));
        out.put("members", input.table().members());
        if (!describe(fit, out)) {
            return false;
        }
        if (input.hasSpend()) {
            FitResult<GammaGamma> spend = ChurnModels.fitGammaGamma(input.table(), fitOptions);
            Map<String, Object> gg = new LinkedHashMap<>();
            out.put("gammaGamma", gg);
            return describe(spend, gg);
        }
        return true;
    }

    private static boolean describe(FitResult<?> fit, Map<String, Object> out) {
        if (fit instanceof FitResult.NotConverged<?> failed) {
            out.put("converged", false);
            out.put("reason", failed.reason());
            out.put("detail", failed.detail());
            return false;
        }
        FitResult.Fitted<?> fitted = (FitResult.Fitted<?>) fit;
        out.put("converged", true);
        Object m = fitted.model();
        if (m instanceof BetaGeo b) {
            put(out, "r", b.r(), "alpha", b.alpha(), "a", b.a(), "b", b.b());
        } else if (m instanceof ModifiedBetaGeo b) {
            put(out, "r", b.r(), "alpha", b.alpha(), "a", b.a(), "b", b.b());
        } else if (m instanceof ParetoNbd p) {
            put(out, "r", p.r(), "alpha", p.alpha(), "s", p.s(), "beta", p.beta());
        } else if (m instanceof GammaGamma g) {
            out.put("p", g.p());
            out.put("q", g.q());
            out.put("gamma", g.gamma());
        }
        out.put("logLikelihood", fitted.logLikelihood());
        Map<String, Object> errors = new LinkedHashMap<>();
        fitted.standardErrors().forEach((k, v) -> errors.put(k, Double.isFinite(v) ? v : null));
        out.put("standardErrors", errors);
        out.put("patterns", fitted.patterns());
        out.put("iterations", fitted.iterations());
        return true;
    }

    private static void put(Map<String, Object> out, String n1, double v1, String n2, double v2, String n3, double v3,
            String n4, double v4) {
        out.put(n1, v1);
        out.put(n2, v2);
        out.put(n3, v3);
        out.put(n4, v4);
    }

    private static int score(Input input, Map<String, String> options, PrintStream out, PrintStream err)
            throws IOException {
        Map<String, Object> fitted = new LinkedHashMap<>();
        PurchaseModel purchases;
        GammaGamma spend;
        if (options.containsKey("fitted")) {
            ConfigNode root = ConfigNode.parse(Files.readString(Path.of(options.get("fitted")), StandardCharsets.UTF_8));
            purchases = purchaseModel(root);
            spend = root.optional("gammaGamma").map(ChurnCli::gammaGamma).orElse(null);
        } else {
            if (!fit(input, options, fitted)) {
                err.println("error: the fit did not converge: " + SiyuJson.write(fitted));
                return 2;
            }
            purchases = purchaseModel(ConfigNode.parse(SiyuJson.write(fitted)));
            spend = fitted.containsKey("gammaGamma") ? gammaGamma(ConfigNode.parse(SiyuJson.write(fitted)).required(
                    "gammaGamma")) : null;
        }
        if (spend == null) {
            // no amounts: value every purchase at 1 so CLV counts discounted purchases
            spend = new GammaGamma(1e6, 1e6 + 1, 1.0);
        }
        if (purchases.unit() != input.table().unit()) {
            throw new IllegalArgumentException("--unit must match the fitted model's unit "
                    + purchases.unit().name().toLowerCase(Locale.ROOT) + ": "
                    + input.table().unit().name().toLowerCase(Locale.ROOT));
        }
        ChurnPolicy policy = options.containsKey("policy")
                ? ChurnPolicy.fromJson(Files.readString(Path.of(options.get("policy")), StandardCharsets.UTF_8))
                : ChurnPolicy.defaults()
                .withHorizonDays(Double.parseDouble(options.getOrDefault("horizon-days", "90")))
                .withClv(Integer.parseInt(options.getOrDefault("clv-months", "12")),
                        Double.parseDouble(options.getOrDefault("monthly-discount", "0.01")));
        ChurnScorer scorer = ChurnScorer.of(purchases, spend, policy);
        StringBuilder csv = new StringBuilder(
                "id,frequency,recency,T,monetary_value,p_alive,expected_purchases,p_no_purchase,expected_average_spend,clv,"
                        + "purchase_cycle,level\n");
        int[] counts = new int[ChurnLevel.values().length];
        for (CustomerSummary c : input.summaries()) {
            MemberScore s = scorer.score(c);
            counts[s.level().ordinal()]++;
            csv.append(c.member().value()).append(',').append(c.frequency()).append(',')
                    .append(num(c.recency())).append(',').append(num(c.age())).append(',')
                    .append(num(c.averageSpend())).append(',').append(num(s.probabilityAlive())).append(',')
                    .append(num(s.expectedPurchases())).append(',').append(num(s.probabilityNoPurchase())).append(',')
                    .append(num(s.expectedAverageSpend())).append(',')
                    .append(num(s.clv())).append(',').append(num(s.purchaseCycle())).append(',')
                    .append(s.level().name().toLowerCase(Locale.ROOT)).append('\n');
        }
        if (options.containsKey("output")) {
            Files.writeString(Path.of(options.get("output")), csv, StandardCharsets.UTF_8);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("members", input.summaries().size());
            for (ChurnLevel level : ChurnLevel.values()) {
                summary.put(level.name().toLowerCase(Locale.ROOT), counts[level.ordinal()]);
            }
            out.println(SiyuJson.write(summary));
        } else {
            out.print(csv);
        }
        return 0;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static PurchaseModel purchaseModel(ConfigNode root) {
        String type = root.required("model").asOneOf(Map.of("bg-nbd", "bg-nbd", "mbg-nbd", "mbg-nbd",
                "pareto-nbd", "pareto-nbd"));
        PeriodUnit unit = root.required("unit").asEnum(PeriodUnit.class);
        double r = number(root, "r");
        double alpha = number(root, "alpha");
        return switch (type) {
            case "bg-nbd" -> new BetaGeo(r, alpha, number(root, "a"), number(root, "b"), unit);
            case "mbg-nbd" -> new ModifiedBetaGeo(r, alpha, number(root, "a"), number(root, "b"), unit);
            default -> new ParetoNbd(r, alpha, number(root, "s"), number(root, "beta"), unit);
        };
    }

    private static GammaGamma gammaGamma(ConfigNode node) {
        return node.as(n -> new GammaGamma(number(n, "p"), number(n, "q"), number(n, "gamma")));
    }

    private static double number(ConfigNode node, String name) {
        return node.required(name).asDecimal().doubleValue();
    }
}
