package dev.siyu.core.churn;

import dev.siyu.core.churn.SummaryTable.Patterns;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.json.SiyuJson;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point of the churn and customer-value models: maximum-likelihood fits of BG/NBD, MBG/NBD,
 * Pareto/NBD and Gamma-Gamma on a {@link SummaryTable}, and JSON for fitted models (fit weekly,
 * score nightly).
 *
 * <p>Fits compress identical rows into weighted patterns, rescale time so the largest T is 1,
 * minimize the mean negative log-likelihood by BFGS on log-parameters (analytic gradient for
 * BG/NBD) and report standard errors from the Hessian. A fit that cannot converge returns
 * {@link FitResult.NotConverged}; it never throws from inside the optimizer nor returns NaN
 * parameters. Stateless and thread-safe.
 *
 * <pre>{@code
 * SummaryTable table = SummaryTable.of(Summaries.summarize(purchases, LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS),
 *         PeriodUnit.WEEKS);
 * BetaGeo bg = ChurnModels.fitBetaGeo(table, FitOptions.defaults()).orElseThrow();
 * double alive = bg.probabilityAlive(2, 30.43, 38.86);
 * }</pre>
 */
public final class ChurnModels {

    /** Version of the JSON written by {@link #toJson}. */
    public static final int SCHEMA_VERSION = 1;

    private ChurnModels() {
    }

    /** Fits BG/NBD. Every member with no repeat purchase gets P(alive) = 1 under this model. */
    public static FitResult<BetaGeo> fitBetaGeo(SummaryTable data, FitOptions options) {
        return fitPurchaseModel(Fitting.BG_NBD, data, options);
    }

    /** Fits MBG/NBD. */
    public static FitResult<ModifiedBetaGeo> fitModifiedBetaGeo(SummaryTable data, FitOptions options) {
        return fitPurchaseModel(Fitting.MBG_NBD, data, options);
    }

    /** Fits Pareto/NBD. */
    public static FitResult<ParetoNbd> fitParetoNbd(SummaryTable data, FitOptions options) {
        return fitPurchaseModel(Fitting.PARETO_NBD, data, options);
    }

    /**
     * Fits Gamma-Gamma on the rows with frequency &gt; 0 and a positive average spend (repeat
     * purchases only, as in the literature).
     */
    public static FitResult<GammaGamma> fitGammaGamma(SummaryTable data, FitOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Patterns patterns = data.spendPatterns();
        if (patterns.size() == 0) {
            return new FitResult.NotConverged<>("NO_REPEAT_PURCHASES",
                    "Gamma-Gamma needs members with repeat purchases and a positive average spend: none of "
                            + data.members() + " has one", 0);
        }
        return Fitting.fit(Fitting.GAMMA_GAMMA, patterns, 1.0, data.unit(), options);
    }

    private static <M> FitResult<M> fitPurchaseModel(Fitting.Family<M> family, SummaryTable data, FitOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Patterns patterns = data.purchasePatterns();
        if (patterns.repeatWeight() == 0) {
            return new FitResult.NotConverged<>("NO_REPEAT_PURCHASES",
                    "all " + data.members() + " members are one-time buyers: the purchase and dropout "
                            + "processes cannot be separated", 0);
        }
        double maxAge = patterns.maxAge();
        if (!(maxAge > 0)) {
            return new FitResult.NotConverged<>("NO_REPEAT_PURCHASES",
                    "every member has age T = 0: no time was observed", 0);
        }
        return Fitting.fit(family, patterns, 1.0 / maxAge, data.unit(), options);
    }

    /**
     * The purchase model as a JSON object: {@code {"schemaVersion":1,"type":"bg-nbd","unit":"weeks",
     * "r":…,"alpha":…,"a":…,"b":…}} ({@code "mbg-nbd"} likewise, {@code "pareto-nbd"} with
     * {@code s}, {@code beta}). Doubles are written with full precision, so a round trip through
     * {@link #purchaseModelFromJson} is exact.
     */
    public static String toJson(PurchaseModel model) {
        Objects.requireNonNull(model, "model");
        String body;
        if (model instanceof BetaGeo m) {
            body = head("bg-nbd", m.unit()) + num("r", m.r()) + num("alpha", m.alpha()) + num("a", m.a()) + last("b", m.b());
        } else if (model instanceof ModifiedBetaGeo m) {
            body = head("mbg-nbd", m.unit()) + num("r", m.r()) + num("alpha", m.alpha()) + num("a", m.a())
                    + last("b", m.b());
        } else {
            ParetoNbd m = (ParetoNbd) model;
            body = head("pareto-nbd", m.unit()) + num("r", m.r()) + num("alpha", m.alpha()) + num("s", m.s())
                    + last("beta", m.beta());
        }
        SiyuJson.parse(body); // what we write is always what the hardened parser reads
        return body;
    }

    /**
     * The spend model as {@code {"schemaVersion":1,"type":"gamma-gamma","p":…,"q":…,"gamma":…}};
     * a round trip through {@link #gammaGammaFromJson} is exact.
     */
    public static String toJson(GammaGamma model) {
        Objects.requireNonNull(model, "model");
        String body = "{\"schemaVersion\":" + SCHEMA_VERSION + ",\"type\":\"gamma-gamma\","
                + num("p", model.p()) + num("q", model.q()) + last("gamma", model.gamma());
        SiyuJson.parse(body);
        return body;
    }

    private static String head(String type, PeriodUnit unit) {
        return "{\"schemaVersion\":" + SCHEMA_VERSION + ",\"type\":\"" + type + "\",\"unit\":\""
                + unit.name().toLowerCase(Locale.ROOT) + "\",";
    }

    private static String num(String name, double value) {
        return "\"" + name + "\":" + value + ",";
    }

    private static String last(String name, double value) {
        return "\"" + name + "\":" + value + "}";
    }

    /**
     * Reads a purchase model written by {@link #toJson}.
     *
     * @throws ConfigException naming the pointer of a missing, unknown or invalid field
     */
    public static PurchaseModel purchaseModelFromJson(String json) {
        ConfigNode root = SiyuJson.parse(json);
        checkVersion(root);
        String type = root.required("type").asOneOf(Map.of("bg-nbd", "bg-nbd", "mbg-nbd", "mbg-nbd",
                "pareto-nbd", "pareto-nbd"));
        if (type.equals("pareto-nbd")) {
            root.fields("schemaVersion", "type", "unit", "r", "alpha", "s", "beta");
        } else {
            root.fields("schemaVersion", "type", "unit", "r", "alpha", "a", "b");
        }
        PeriodUnit unit = root.required("unit").asEnum(PeriodUnit.class);
        double r = positive(root, "r");
        double alpha = positive(root, "alpha");
        return switch (type) {
            case "bg-nbd" -> new BetaGeo(r, alpha, positive(root, "a"), positive(root, "b"), unit);
            case "mbg-nbd" -> new ModifiedBetaGeo(r, alpha, positive(root, "a"), positive(root, "b"), unit);
            default -> new ParetoNbd(r, alpha, positive(root, "s"), positive(root, "beta"), unit);
        };
    }

    /**
     * Reads a Gamma-Gamma model written by {@link #toJson}.
     *
     * @throws ConfigException naming the pointer of a missing, unknown or invalid field
     */
    public static GammaGamma gammaGammaFromJson(String json) {
        ConfigNode root = SiyuJson.parse(json);
        checkVersion(root);
        root.required("type").asOneOf(Map.of("gamma-gamma", "gamma-gamma"));
        root.fields("schemaVersion", "type", "p", "q", "gamma");
        return new GammaGamma(positive(root, "p"), positive(root, "q"), positive(root, "gamma"));
    }

    private static void checkVersion(ConfigNode root) {
        ConfigNode version = root.required("schemaVersion");
        if (version.asInt() != SCHEMA_VERSION) {
            throw version.error("expected schemaVersion " + SCHEMA_VERSION + " but found " + version.asInt());
        }
    }

    private static double positive(ConfigNode root, String name) {
        ConfigNode node = root.required(name);
        return node.as(n -> Parameters.positive(name, n.asDecimal().doubleValue()));
    }
}
