package dev.siyu.core.churn;

import static dev.siyu.core.churn.SpecialFunctions.lnBeta;
import static dev.siyu.core.churn.SpecialFunctions.lnGamma;
import static dev.siyu.core.churn.SpecialFunctions.log2F1;
import static dev.siyu.core.churn.SpecialFunctions.logistic;
import static dev.siyu.core.churn.SpecialFunctions.softplus;

import java.util.Objects;

/**
 * The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way"):
 * purchases at a gamma(r, α)-distributed Poisson rate, dropout after each purchase with a
 * beta(a, b)-distributed probability.
 *
 * <p>Note: a member with no repeat purchase always gets {@link #probabilityAlive} = 1 under
 * BG/NBD (lifetimes #165); use {@link ModifiedBetaGeo} or {@link #probabilityNoPurchase} when
 * one-time buyers matter. Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate distribution, &gt; 0
 * @param alpha scale of the purchase-rate distribution in {@code unit}, &gt; 0
 * @param a first beta parameter of the dropout probability, &gt; 0
 * @param b second beta parameter of the dropout probability, &gt; 0
 * @param unit the time unit
 */
public record BetaGeo(double r, double alpha, double a, double b, PeriodUnit unit) implements PurchaseModel {

    /** Within this distance of a = 1 the expectations are evaluated on both sides and averaged. */
    private static final double NEAR_ONE = 1e-5;
    private static final double NEAR_ONE_STEP = 1e-4;

    /** @throws IllegalArgumentException if a parameter is not finite and positive */
    public BetaGeo {
        Parameters.positive("r", r);
        Parameters.positive("alpha", alpha);
        Parameters.positive("a", a);
        Parameters.positive("b", b);
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public String modelName() {
        return "BG/NBD";
    }

    @Override
    public double logLikelihood(long x, double recency, double age) {
        double logAT = Math.log(alpha + age);
        double ll = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnBeta(a, b + x) - lnBeta(a, b)
                - (r + x) * logAT;
        if (x > 0) {
            ll += softplus(dropoutLogOdds(x, recency, age));
        }
        return ll;
    }

    /** ln[a/(b+x−1)] + (r+x) ln[(α+T)/(α+tₓ)]: log odds of having dropped out after the last purchase. */
    private double dropoutLogOdds(long x, double recency, double age) {
        return Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + recency));
    }

    @Override
    public double probabilityAlive(long x, double recency, double age) {
        return x == 0 ? 1.0 : logistic(-dropoutLogOdds(x, recency, age));
    }

    @Override
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0.0;
        }
        if (Math.abs(a - 1) < NEAR_ONE) {
            // removable singularity at a = 1: average the two sides (error O(1e-8))
            return 0.5 * (new BetaGeo(r, alpha, 1 + NEAR_ONE_STEP, b, unit).expectedPurchases(t)
                    + new BetaGeo(r, alpha, 1 - NEAR_ONE_STEP, b, unit).expectedPurchases(t));
        }
        return (a + b - 1) / (a - 1) * oneMinusPowerTimes2F1(r, alpha / (alpha + t), b, a + b - 1, t / (alpha + t));
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
            return 0.5 * (new BetaGeo(r, alpha, 1 + NEAR_ONE_STEP, b, unit).expectedIfAlive(t, x, age)
                    + new BetaGeo(r, alpha, 1 - NEAR_ONE_STEP, b, unit).expectedIfAlive(t, x, age));
        }
        return (a + b + x - 1) / (a - 1)
                * oneMinusPowerTimes2F1(r + x, (alpha + age) / (alpha + age + t), b + x, a + b + x - 1,
                        t / (alpha + age + t));
    }

    /**
     * 1 − u^k · ₂F₁(k, β; c; z), in logs when c &gt; 0 (large k cannot overflow), else with the
     * signed series (c ≤ 0 only when x = 0 and a + b &lt; 1: small parameters).
     */
    private static double oneMinusPowerTimes2F1(double k, double u, double beta, double c, double z) {
        if (c > 0) {
            return -Math.expm1(k * Math.log(u) + log2F1(k, beta, c, z));
        }
        return 1.0 - Math.exp(k * Math.log(u)) * SpecialFunctions.hyp2f1(k, beta, c, z);
    }

    /**
     * Probability that this member makes no purchase in (T, T + τ]: dropped out, or alive and
     * not buying. Unlike {@link #probabilityAlive} it is below 1 for one-time buyers.
     */
    @Override
    public double probabilityNoPurchase(double tau, long x, double recency, double age) {
        double alive = probabilityAlive(x, recency, age);
        return 1.0 - alive + alive * Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + tau)));
    }

    /**
     * Probability that a new member makes exactly {@code n} repeat purchases in (0, t] (FHL 2005
     * eq. 8).
     *
     * @throws IllegalArgumentException if n &lt; 0 or t is not finite and &gt; 0
     */
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        Parameters.positive("t", t);
        return pmf(r, alpha, a, b, n, t);
    }

    /**
     * Probability that this member makes exactly {@code n} purchases in (T, T + t]: dead (n = 0
     * only), or alive and then a fresh BG/NBD member with the posterior parameters
     * (r + x, α + T, a, b + x).
     *
     * @throws IllegalArgumentException if n &lt; 0 or t is not finite and &gt; 0
     */
    public double conditionalProbabilityOfPurchases(int n, double t, long x, double recency, double age) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        Parameters.positive("t", t);
        double alive = probabilityAlive(x, recency, age);
        return alive * pmf(r + x, alpha + age, a, b + x, n, t) + (n == 0 ? 1.0 - alive : 0.0);
    }

    /** P(X(t) = n) of a new BG/NBD member (FHL 2005 eq. 8), in logs where it matters. */
    static double pmf(double r, double alpha, double a, double b, int n, double t) {
        double logP = Math.log(alpha / (alpha + t));
        double logQ = Math.log(t / (alpha + t));
        double lnGammaR = lnGamma(r);
        double lnBetaAB = lnBeta(a, b);
        double first = Math.exp(lnBeta(a, b + n) - lnBetaAB + lnGamma(r + n) - lnGammaR - lnGamma(n + 1.0)
                + r * logP + n * logQ);
        if (n == 0) {
            return first;
        }
        // 1 − P(NBD count < n) = P(NBD count ≥ n): summed from the smaller side
        double below = 0.0;
        for (int j = 0; j < n; j++) {
            below += Math.exp(lnGamma(r + j) - lnGammaR - lnGamma(j + 1.0) + r * logP + j * logQ);
        }
        double atLeast = Math.max(0.0, 1.0 - below);
        return first + Math.exp(lnBeta(a + 1, b + n - 1) - lnBetaAB) * atLeast;
    }
}
