package dev.siyu.core.churn;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How members are scored and levelled. Immutable; start from {@link #defaults()} and change with
 * the {@code with…} methods.
 *
 * <p>A member's level is the more severe of two readings: P(alive) against
 * {@code atRiskBelow > sleepingBelow > lostBelow}, and the time since the last purchase measured
 * in the member's own purchase cycles against {@code atRiskCycles < sleepingCycles < lostCycles}.
 *
 * <p><b>One-time buyers.</b> BG/NBD gives every member without a repeat purchase P(alive) = 1
 * (lifetimes #165), so under BG/NBD their level comes from the cycle reading alone; their cycle is
 * {@code firstRepeatCycleDays} when set (the host's typical time to a second purchase), otherwise
 * the model's (α + T)/r. Use {@link ModifiedBetaGeo} or {@link ParetoNbd}, whose P(alive) falls
 * for one-time buyers, when they matter.
 *
 * @param horizonDays horizon of the expected-purchases score, in days, &gt; 0
 * @param clvMonths months of the CLV horizon, ≥ 1
 * @param monthlyDiscountRate discount rate per month for CLV, ≥ 0 (0.01 = 1 %)
 * @param atRiskBelow P(alive) below which a member is at least at risk
 * @param sleepingBelow P(alive) below which a member is at least sleeping
 * @param lostBelow P(alive) below which a member is lost
 * @param atRiskCycles purchase cycles since the last purchase from which a member is at least at risk
 * @param sleepingCycles cycles from which a member is at least sleeping
 * @param lostCycles cycles from which a member is lost
 * @param firstRepeatCycleDays the purchase cycle of one-time buyers in days, if the host sets one
 */
public record ChurnPolicy(double horizonDays, int clvMonths, double monthlyDiscountRate, double atRiskBelow,
        double sleepingBelow, double lostBelow, double atRiskCycles, double sleepingCycles, double lostCycles,
        OptionalDouble firstRepeatCycleDays) {

    /** @throws IllegalArgumentException if a value breaks its rule or the thresholds are out of order */
    public ChurnPolicy {
        Parameters.positive("horizonDays", horizonDays);
        if (clvMonths < 1 || clvMonths > 1200) {
            throw new IllegalArgumentException("clvMonths must be between 1 and 1200: " + clvMonths);
        }
        Parameters.nonNegative("monthlyDiscountRate", monthlyDiscountRate);
        Parameters.probability("atRiskBelow", atRiskBelow);
        Parameters.probability("sleepingBelow", sleepingBelow);
        Parameters.probability("lostBelow", lostBelow);
        if (!(atRiskBelow >= sleepingBelow && sleepingBelow >= lostBelow)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "P(alive) thresholds must satisfy atRiskBelow >= sleepingBelow >= lostBelow: %s, %s, %s",
                    atRiskBelow, sleepingBelow, lostBelow));
        }
        Parameters.positive("atRiskCycles", atRiskCycles);
        Parameters.positive("sleepingCycles", sleepingCycles);
        Parameters.positive("lostCycles", lostCycles);
        if (!(atRiskCycles <= sleepingCycles && sleepingCycles <= lostCycles)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cycle thresholds must satisfy atRiskCycles <= sleepingCycles <= lostCycles: %s, %s, %s",
                    atRiskCycles, sleepingCycles, lostCycles));
        }
        java.util.Objects.requireNonNull(firstRepeatCycleDays, "firstRepeatCycleDays");
        if (firstRepeatCycleDays.isPresent()) {
            Parameters.positive("firstRepeatCycleDays", firstRepeatCycleDays.getAsDouble());
        }
    }

    /**
     * Horizon 90 days, CLV over 12 months at 1 % a month; P(alive) thresholds 0.5 / 0.3 / 0.1;
     * cycle thresholds 1.5 / 3 / 6; one-time buyers measured against the model's cycle.
     */
    public static ChurnPolicy defaults() {
        return new ChurnPolicy(90, 12, 0.01, 0.5, 0.3, 0.1, 1.5, 3, 6, OptionalDouble.empty());
    }

    /** This policy with other P(alive) thresholds. */
    public ChurnPolicy withAliveThresholds(double atRisk, double sleeping, double lost) {
        return new ChurnPolicy(horizonDays, clvMonths, monthlyDiscountRate, atRisk, sleeping, lost, atRiskCycles,
                sleepingCycles, lostCycles, firstRepeatCycleDays);
    }

    /** This policy with other cycle thresholds. */
    public ChurnPolicy withCycleThresholds(double atRisk, double sleeping, double lost) {
        return new ChurnPolicy(horizonDays, clvMonths, monthlyDiscountRate, atRiskBelow, sleepingBelow, lostBelow,
                atRisk, sleeping, lost, firstRepeatCycleDays);
    }

    /** This policy with another CLV horizon and monthly discount rate. */
    public ChurnPolicy withClv(int months, double monthlyRate) {
        return new ChurnPolicy(horizonDays, months, monthlyRate, atRiskBelow, sleepingBelow, lostBelow, atRiskCycles,
                sleepingCycles, lostCycles, firstRepeatCycleDays);
    }

    /** This policy with another expected-purchases horizon. */
    public ChurnPolicy withHorizonDays(double days) {
        return new ChurnPolicy(days, clvMonths, monthlyDiscountRate, atRiskBelow, sleepingBelow, lostBelow,
                atRiskCycles, sleepingCycles, lostCycles, firstRepeatCycleDays);
    }

    /** This policy measuring one-time buyers against a cycle of {@code days}. */
    public ChurnPolicy withFirstRepeatCycleDays(double days) {
        return new ChurnPolicy(horizonDays, clvMonths, monthlyDiscountRate, atRiskBelow, sleepingBelow, lostBelow,
                atRiskCycles, sleepingCycles, lostCycles, OptionalDouble.of(days));
    }

    /**
     * Reads a policy document; absent fields keep their {@link #defaults()}:
     * <pre>{@code
     * {"schemaVersion": 1, "horizonDays": 90, "clvMonths": 12, "monthlyDiscountRate": 0.01,
     *  "aliveBelow": {"atRisk": 0.5, "sleeping": 0.3, "lost": 0.1},
     *  "cyclesSinceLastPurchase": {"atRisk": 1.5, "sleeping": 3, "lost": 6},
     *  "firstRepeatCycleDays": 60}
     * }</pre>
     *
     * @throws ConfigException naming the pointer of an unknown, missing or invalid value
     */
    public static ChurnPolicy fromJson(String json) {
        ConfigNode root = ConfigNode.parse(json).fields("schemaVersion", "horizonDays", "clvMonths",
                "monthlyDiscountRate", "aliveBelow", "cyclesSinceLastPurchase", "firstRepeatCycleDays");
        ConfigNode version = root.required("schemaVersion");
        if (version.asInt() != 1) {
            throw version.error("expected schemaVersion 1 but found " + version.asInt());
        }
        ChurnPolicy d = defaults();
        double horizon = number(root, "horizonDays", d.horizonDays());
        int months = root.optional("clvMonths").map(ConfigNode::asInt).orElse(d.clvMonths());
        double rate = number(root, "monthlyDiscountRate", d.monthlyDiscountRate());
        double[] alive = {d.atRiskBelow(), d.sleepingBelow(), d.lostBelow()};
        double[] cycles = {d.atRiskCycles(), d.sleepingCycles(), d.lostCycles()};
        root.optional("aliveBelow").ifPresent(n -> levels(n, alive));
        root.optional("cyclesSinceLastPurchase").ifPresent(n -> levels(n, cycles));
        OptionalDouble first = root.optional("firstRepeatCycleDays")
                .map(n -> OptionalDouble.of(n.asDecimal().doubleValue())).orElse(OptionalDouble.empty());
        return root.as(n -> new ChurnPolicy(horizon, months, rate, alive[0], alive[1], alive[2], cycles[0], cycles[1],
                cycles[2], first));
    }

    private static double number(ConfigNode root, String name, double fallback) {
        return root.optional(name).map(n -> n.asDecimal().doubleValue()).orElse(fallback);
    }

    private static void levels(ConfigNode node, double[] into) {
        node.fields("atRisk", "sleeping", "lost");
        into[0] = number(node, "atRisk", into[0]);
        into[1] = number(node, "sleeping", into[1]);
        into[2] = number(node, "lost", into[2]);
    }
}
