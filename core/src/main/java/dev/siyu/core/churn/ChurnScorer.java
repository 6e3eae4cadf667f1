package dev.siyu.core.churn;

import dev.siyu.core.explain.Explanation;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores members with a fitted purchase model and Gamma-Gamma spend model under a
 * {@link ChurnPolicy}: P(alive), expected purchases, expected spend, discounted CLV, purchase
 * cycle and sleeping level with its explanation; one member at a time or in batches over primitive
 * columns. Immutable and thread-safe; never reads the clock (T comes with the data).
 *
 * <p>CLV = Σ_{i=1..months} E[spend] · (E[Y(i·m)] − E[Y((i−1)·m)]) / (1 + d)^i with m the periods per
 * month of the model's unit (as lifetimes' monthly discounting).
 */
public final class ChurnScorer {

    private final PurchaseModel purchases;
    private final GammaGamma spend;
    private final ChurnPolicy policy;
    private final double horizon;
    private final double periodsPerMonth;
    private final double[] discount;
    private final double firstRepeatCycle;
    private final boolean aliveInformativeForOneTimeBuyers;

    private ChurnScorer(PurchaseModel purchases, GammaGamma spend, ChurnPolicy policy) {
        this.purchases = purchases;
        this.spend = spend;
        this.policy = policy;
        PeriodUnit unit = purchases.unit();
        this.horizon = policy.horizonDays() / unit.days();
        this.periodsPerMonth = unit.periodsPerMonth();
        this.discount = new double[policy.clvMonths() + 1];
        for (int i = 1; i <= policy.clvMonths(); i++) {
            discount[i] = Math.pow(1.0 + policy.monthlyDiscountRate(), -i);
        }
        this.firstRepeatCycle = policy.firstRepeatCycleDays().isPresent()
                ? policy.firstRepeatCycleDays().getAsDouble() / unit.days() : Double.NaN;
        this.aliveInformativeForOneTimeBuyers = !(purchases instanceof BetaGeo);
    }

    /** A scorer; {@code spend} prices the purchases. */
    public static ChurnScorer of(PurchaseModel purchases, GammaGamma spend, ChurnPolicy policy) {
        return new ChurnScorer(Objects.requireNonNull(purchases, "purchases"), Objects.requireNonNull(spend, "spend"),
                Objects.requireNonNull(policy, "policy"));
    }

    public PurchaseModel purchaseModel() {
        return purchases;
    }

    public GammaGamma spendModel() {
        return spend;
    }

    public ChurnPolicy policy() {
        return policy;
    }

    /**
     * Scores one member, with the explanation of the level.
     *
     * @throws IllegalStateException if the member has no repeat purchase and the spend model's
     *     q ≤ 1 (no finite population mean spend)
     */
    public MemberScore score(CustomerSummary member) {
        Objects.requireNonNull(member, "member");
        long x = member.frequency();
        double tx = member.recency();
        double t = member.age();
        double alive = purchases.probabilityAlive(x, tx, t);
        double expected = purchases.conditionalExpectedPurchases(horizon, x, tx, t);
        double none = purchases.probabilityNoPurchase(horizon, x, tx, t);
        double avgSpend = spend.expectedAverageSpend(x, member.averageSpend());
        double clv = clv(x, tx, t, avgSpend);
        double cycle = cycle(x, t);
        double since = t - tx;
        ChurnLevel byAlive = levelByAlive(alive);
        ChurnLevel byCycle = levelByCycle(since / cycle);
        ChurnLevel level = byAlive.compareTo(byCycle) >= 0 ? byAlive : byCycle;
        String decidedBy = level == ChurnLevel.ACTIVE ? "NONE"
                : byAlive == byCycle ? "BOTH" : byAlive == level ? "P_ALIVE" : "PURCHASE_CYCLE";
        Explanation why = Explanation.builder("CHURN_LEVEL_" + level.name())
                .fact("level", level)
                .fact("decidedBy", decidedBy)
                .fact("model", purchases.modelName())
                .fact("unit", purchases.unit().name().toLowerCase(Locale.ROOT))
                .fact("probabilityAlive", fmt(alive))
                .fact("probabilityNoPurchaseInHorizon", fmt(none))
                .fact("horizonDays", fmt(policy.horizonDays()))
                .fact("aliveThresholds", fmt(policy.atRiskBelow()) + "/" + fmt(policy.sleepingBelow()) + "/"
                        + fmt(policy.lostBelow()))
                .fact("levelByProbabilityAlive", byAlive)
                .fact("sinceLastPurchase", fmt(since))
                .fact("purchaseCycle", fmt(cycle))
                .fact("cyclesSinceLastPurchase", fmt(since / cycle))
                .fact("cycleThresholds", fmt(policy.atRiskCycles()) + "/" + fmt(policy.sleepingCycles()) + "/"
                        + fmt(policy.lostCycles()))
                .fact("levelByPurchaseCycle", byCycle)
                .fact("oneTimeBuyer", x == 0)
                .fact("probabilityAliveInformative", x > 0 || aliveInformativeForOneTimeBuyers)
                .build();
        return new MemberScore(member.member(), alive, expected, none, avgSpend, clv, cycle, since, level, why);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The discounted CLV of one member given its expected spend per purchase. */
    public double customerLifetimeValue(long x, double recency, double age, double expectedAverageSpend) {
        return clv(x, recency, age, expectedAverageSpend);
    }

    private double clv(long x, double tx, double t, double avgSpend) {
        double sum = 0;
        double previous = 0;
        for (int i = 1; i < discount.length; i++) {
            double cumulative = purchases.conditionalExpectedPurchases(i * periodsPerMonth, x, tx, t);
            sum += (cumulative - previous) * discount[i];
            previous = cumulative;
        }
        return Math.max(0.0, avgSpend * sum);
    }

    private double cycle(long x, double t) {
        return x == 0 && !Double.isNaN(firstRepeatCycle) ? firstRepeatCycle : purchases.purchaseCycle(x, t);
    }

    private ChurnLevel levelByAlive(double alive) {
        return alive < policy.lostBelow() ? ChurnLevel.LOST
                : alive < policy.sleepingBelow() ? ChurnLevel.SLEEPING
                : alive < policy.atRiskBelow() ? ChurnLevel.AT_RISK : ChurnLevel.ACTIVE;
    }

    private ChurnLevel levelByCycle(double cycles) {
        return cycles >= policy.lostCycles() ? ChurnLevel.LOST
                : cycles >= policy.sleepingCycles() ? ChurnLevel.SLEEPING
                : cycles >= policy.atRiskCycles() ? ChurnLevel.AT_RISK : ChurnLevel.ACTIVE;
    }

    /**
     * Scores rows {@code from} (inclusive) to {@code to} (exclusive) of primitive columns into
     * caller-owned output columns; pass {@code null} for an output you do not need (a null
     * {@code clv} skips the costly CLV sum, and then {@code averageSpend} may be null). Levels are
     * written as {@link ChurnLevel#ordinal()}. Allocation-free; call from several threads on
     * disjoint ranges to use several cores.
     *
     * @throws IllegalArgumentException if a column is too short or a row breaks a rule of
     *     {@link CustomerSummary} (naming the row)
     */
    public void scoreBatch(long[] frequency, double[] recency, double[] age, double[] averageSpend, int from, int to,
            double[] probabilityAlive, double[] expectedPurchases, double[] clv, byte[] level) {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("from and to must satisfy 0 <= from <= to: " + from + ", " + to);
        }
        requireLength("frequency", frequency.length, to);
        requireLength("recency", recency.length, to);
        requireLength("age", age.length, to);
        if (clv != null) {
            requireLength("averageSpend", averageSpend == null ? -1 : averageSpend.length, to);
            requireLength("clv", clv.length, to);
        }
        if (probabilityAlive != null) {
            requireLength("probabilityAlive", probabilityAlive.length, to);
        }
        if (expectedPurchases != null) {
            requireLength("expectedPurchases", expectedPurchases.length, to);
        }
        if (level != null) {
            requireLength("level", level.length, to);
        }
        for (int i = from; i < to; i++) {
            long x = frequency[i];
            double tx = recency[i];
            double t = age[i];
            if (x < 0 || !(tx >= 0) || !(tx <= t) || (x == 0 && tx != 0) || Double.isInfinite(t)) {
                CustomerSummary.check(i, x, tx, t, 0.0);
            }
            double alive = purchases.probabilityAlive(x, tx, t);
            if (probabilityAlive != null) {
                probabilityAlive[i] = alive;
            }
            if (expectedPurchases != null) {
                expectedPurchases[i] = purchases.conditionalExpectedPurchases(horizon, x, tx, t);
            }
            if (clv != null) {
                double m = averageSpend[i];
                if (!(m >= 0) || Double.isInfinite(m)) {
                    CustomerSummary.check(i, x, tx, t, m);
                }
                clv[i] = clv(x, tx, t, spend.expectedAverageSpend(x, m));
            }
            if (level != null) {
                ChurnLevel byAlive = levelByAlive(alive);
                ChurnLevel byCycle = levelByCycle((t - tx) / cycle(x, t));
                level[i] = (byte) Math.max(byAlive.ordinal(), byCycle.ordinal());
            }
        }
    }

    private static void requireLength(String name, int length, int to) {
        if (length < to) {
            throw new IllegalArgumentException(name + " length must be >= " + to + ": " + length);
        }
    }
}
