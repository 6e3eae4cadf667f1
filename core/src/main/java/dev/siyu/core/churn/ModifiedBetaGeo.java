package dev.siyu.core.churn;

import static dev.siyu.core.churn.SpecialFunctions.lnGamma;
import static dev.siyu.core.churn.SpecialFunctions.log2F1;
import static dev.siyu.core.churn.SpecialFunctions.logistic;
import static dev.siyu.core.churn.SpecialFunctions.softplus;

import java.util.Objects;

/**
 * The MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007): BG/NBD where a member may also drop
 * out right after the first purchase, so one-time buyers get a {@link #probabilityAlive} below 1
 * that falls as time passes. The better choice for sleeping-member detection when many members
 * bought once. Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate distribution, &gt; 0
 * @param alpha scale of the purchase-rate distribution in {@code unit}, &gt; 0
 * @param a first beta parameter of the dropout probability, &gt; 0
 * @param b second beta parameter of the dropout probability, &gt; 0
 * @param unit the time unit
 */
public record ModifiedBetaGeo(double r, double alpha, double a, double b, PeriodUnit unit) implements PurchaseModel {

    /** Within this distance of a = 1 the expectations are evaluated on both sides and averaged. */
    private static final double NEAR_ONE = 1e-5;
    private static final double NEAR_ONE_STEP = 1e-4;

    /** @throws IllegalArgumentException if a parameter is not finite and positive */
    public ModifiedBetaGeo {
        Parameters.positive("r", r);
        Parameters.positive("alpha", alpha);
        Parameters.positive("a", a);
        Parameters.positive("b", b);
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public String modelName() {
        return "MBG/NBD";
    }

    private double dropoutLogOdds(long x, double recency, double age) {
        return Math.log(a / (b + x)) + (r + x) * Math.log((alpha + age) / (alpha + recency));
    }

    @Override
    public double logLikelihood(long x, double recency, double age) {
        return lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha)
                + lnGamma(a + b) + lnGamma(b + x + 1) - lnGamma(b) - lnGamma(a + b + x + 1)
                - (r + x) * Math.log(alpha + age)
                + softplus(dropoutLogOdds(x, recency, age));
    }

    @Override
    public double probabilityAlive(long x, double recency, double age) {
        return logistic(-dropoutLogOdds(x, recency, age));
    }

    @Override
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0.0;
        }
        if (Math.abs(a - 1) < NEAR_ONE) {
            // removable singularity at a = 1: average the two sides (error O(1e-8))
            return 0.5 * (new ModifiedBetaGeo(r, alpha, 1 + NEAR_ONE_STEP, b, unit).expectedPurchases(t)
                    + new ModifiedBetaGeo(r, alpha, 1 - NEAR_ONE_STEP, b, unit).expectedPurchases(t));
        }
        double log = r * Math.log(alpha / (alpha + t)) + log2F1(r, b + 1, a + b, t / (alpha + t));
        return b / (a - 1) * -Math.expm1(log);
    }

    @Override
    public double conditionalExpectedPurchases(double t, long x, double recency, double age) {
        if (t <= 0) {
            return 0.0;
        }
        double alive = probabilityAlive(x, recency, age);
        return alive == 0.0 ? 0.0 : alive * expectedIfAlive(t, x, age);
    }

    /** E[Y(t) | alive at T, x, T]. */
    private double expectedIfAlive(double t, long x, double age) {
        if (Math.abs(a - 1) < NEAR_ONE) {
            // removable singularity at a = 1: average the two sides (error O(1e-8))
            return 0.5 * (new ModifiedBetaGeo(r, alpha, 1 + NEAR_ONE_STEP, b, unit).expectedIfAlive(t, x, age)
                    + new ModifiedBetaGeo(r, alpha, 1 - NEAR_ONE_STEP, b, unit).expectedIfAlive(t, x, age));
        }
        return (a + b + x) / (a - 1) * -Math.expm1((r + x) * Math.log((alpha + age) / (alpha + age + t))
                + log2F1(r + x, b + x + 1, a + b + x, t / (alpha + age + t)));
    }

    /** Probability that this member makes no purchase in (T, T + τ]. */
    @Override
    public double probabilityNoPurchase(double tau, long x, double recency, double age) {
        double alive = probabilityAlive(x, recency, age);
        return 1.0 - alive + alive * Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + tau)));
    }

    /**
     * Probability that this member makes exactly {@code n} purchases in (T, T + t]: dead (n = 0
     * only), or alive and then a BG/NBD member with the posterior parameters (r + x, α + T, a,
     * b + x + 1) (no dropout chance at T itself).
     *
     * @throws IllegalArgumentException if n &lt; 0 or t is not finite and &gt; 0
     */
    public double conditionalProbabilityOfPurchases(int n, double t, long x, double recency, double age) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        Parameters.positive("t", t);
        double alive = probabilityAlive(x, recency, age);
        return alive * BetaGeo.pmf(r + x, alpha + age, a, b + x + 1, n, t) + (n == 0 ? 1.0 - alive : 0.0);
    }
}
