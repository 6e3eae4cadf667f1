package dev.siyu.core.churn;

/**
 * A fitted buy-till-you-die model of purchase counts and dropout: {@link BetaGeo} (BG/NBD),
 * {@link ModifiedBetaGeo} (MBG/NBD) or {@link ParetoNbd} (Pareto/NBD).
 *
 * <p>Every time argument and result is in the model's {@link #unit()}; a member is described by
 * x (repeat purchase days), tₓ (recency) and T (age), as in {@link CustomerSummary}. Methods are
 * pure functions of the parameters: implementations are immutable records, safe to share between
 * threads. Arguments are not validated on these hot paths beyond what the formulas need; use
 * {@link CustomerSummary} or {@link SummaryTable} to validate input data.
 */
public sealed interface PurchaseModel permits BetaGeo, ModifiedBetaGeo, ParetoNbd {

    /** The time unit of recency, age, horizons and the rate parameters. */
    PeriodUnit unit();

    /** The model's name in the literature, e.g. {@code "BG/NBD"}. */
    String modelName();

    /** Log-likelihood of one member's (x, tₓ, T). */
    double logLikelihood(long x, double recency, double age);

    /** Probability that a member with this history is still alive (has not dropped out) at T. */
    double probabilityAlive(long x, double recency, double age);

    /** Expected number of repeat purchases of a new member in (0, t]. */
    double expectedPurchases(double t);

    /** Expected number of purchases of this member in (T, T + t]. */
    double conditionalExpectedPurchases(double t, long x, double recency, double age);

    /**
     * Probability that this member makes no purchase in (T, T + τ]: dropped out, or alive and not
     * buying. Unlike {@link #probabilityAlive} it is below 1 for one-time buyers under every
     * model, so it is a churn score that BG/NBD can give them too.
     */
    double probabilityNoPurchase(double tau, long x, double recency, double age);

    /**
     * The member's purchase cycle: the expected time between purchases while alive, 1 / E[λ] =
     * (α + T) / (r + x) from the posterior purchase rate.
     */
    default double purchaseCycle(long x, double age) {
        return (alpha() + age) / (r() + x);
    }

    /** Shape r of the purchase-rate gamma distribution (unit-free). */
    double r();

    /** Scale α of the purchase-rate gamma distribution, in the model's unit. */
    double alpha();
}
