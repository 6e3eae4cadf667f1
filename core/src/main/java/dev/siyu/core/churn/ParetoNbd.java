package dev.siyu.core.churn;

import static dev.siyu.core.churn.SpecialFunctions.lnGamma;
import static dev.siyu.core.churn.SpecialFunctions.log2F1;
import static dev.siyu.core.churn.SpecialFunctions.logAddExp;

import java.util.Objects;

/**
 * The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): purchases at a gamma(r, α)
 * Poisson rate, an exponential lifetime with a gamma(s, β) dropout rate.
 *
 * <p>The likelihood uses the two-positive-terms form of Hardie's note 009 eqs. (22)–(23) with a
 * rescaled, Euler-transformed ₂F₁ series, so high frequencies neither overflow nor cancel.
 * Immutable and thread-safe.
 *
 * @param r shape of the purchase-rate distribution, &gt; 0
 * @param alpha scale of the purchase-rate distribution in {@code unit}, &gt; 0
 * @param s shape of the dropout-rate distribution, &gt; 0
 * @param beta scale of the dropout-rate distribution in {@code unit}, &gt; 0
 * @param unit the time unit
 */
public record ParetoNbd(double r, double alpha, double s, double beta, PeriodUnit unit) implements PurchaseModel {

    /** @throws IllegalArgumentException if a parameter is not finite and positive */
    public ParetoNbd {
        Parameters.positive("r", r);
        Parameters.positive("alpha", alpha);
        Parameters.positive("s", s);
        Parameters.positive("beta", beta);
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public String modelName() {
        return "Pareto/NBD";
    }

    @Override
    public double logLikelihood(long x, double recency, double age) {
        double rsx = r + s + x;
        double max = Math.max(alpha, beta);
        double diff = Math.abs(alpha - beta);
        double p1;
        double p2;
        if (alpha >= beta) {
            p1 = s + 1;
            p2 = s;
        } else {
            p1 = r + x;
            p2 = r + x + 1;
        }
        double logMtx = Math.log(max + recency);
        double logMT = Math.log(max + age);
        double a2 = Math.log(s / rsx) + log2F1(rsx, p1, rsx + 1, diff / (max + recency));
        double a3 = Math.log((r + x) / rsx) + log2F1(rsx, p2, rsx + 1, diff / (max + age)) - rsx * (logMT - logMtx);
        return lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta) - rsx * logMtx
                + logAddExp(a2, a3);
    }

    @Override
    public double probabilityAlive(long x, double recency, double age) {
        double logAliveTerm = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                - (r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
        return Math.min(1.0, Math.exp(logAliveTerm - logLikelihood(x, recency, age)));
    }

    @Override
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0.0;
        }
        return r * beta / alpha * oneMinusPowerOverSMinus1(beta / (beta + t));
    }

    /** [1 − u^(s−1)] / (s − 1), continuous at s = 1 (−ln u). */
    private double oneMinusPowerOverSMinus1(double u) {
        double sm1 = s - 1;
        double logU = Math.log(u);
        if (Math.abs(sm1) < 1e-9) {
            return -logU;
        }
        return -Math.expm1(sm1 * logU) / sm1;
    }

    @Override
    public double conditionalExpectedPurchases(double t, long x, double recency, double age) {
        if (t <= 0) {
            return 0.0;
        }
        return probabilityAlive(x, recency, age) * (r + x) * (beta + age) / (alpha + age)
                * oneMinusPowerOverSMinus1((beta + age) / (beta + age + t));
    }

    /**
     * {@inheritDoc} Alive at T, the member is a new Pareto/NBD member with the posterior
     * parameters (r + x, α + T, s, β + T) (lifetimes are memoryless), whose probability of no
     * purchase in (0, τ] is its likelihood at x = 0, T = τ.
     */
    @Override
    public double probabilityNoPurchase(double tau, long x, double recency, double age) {
        if (!(tau > 0)) {
            return 1.0;
        }
        double alive = probabilityAlive(x, recency, age);
        double none = Math.exp(new ParetoNbd(r + x, alpha + age, s, beta + age, unit).logLikelihood(0, 0.0, tau));
        return 1.0 - alive + alive * none;
    }
}
