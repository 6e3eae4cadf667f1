package dev.siyu.core.churn;

import static dev.siyu.core.churn.SpecialFunctions.lnGamma;

import java.util.Locale;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie &amp; Lee 2005, "RFM and CLV";
 * Hardie note 025): each purchase's amount is gamma(p, ν) with ν ~ gamma(q, γ) across members,
 * independent of purchase counts.
 *
 * <p>Amounts are in major currency units (e.g. yuan) as {@code double}: they are model estimates,
 * not money; convert with an explicit rounding mode. Immutable and thread-safe.
 *
 * @param p shape of the per-purchase spend, &gt; 0
 * @param q shape of the members' spend-scale distribution, &gt; 0 (the population mean spend
 *     exists only when q &gt; 1)
 * @param gamma scale of the members' spend-scale distribution, in currency units, &gt; 0
 */
public record GammaGamma(double p, double q, double gamma) {

    /** @throws IllegalArgumentException if a parameter is not finite and positive */
    public GammaGamma {
        Parameters.positive("p", p);
        Parameters.positive("q", q);
        Parameters.positive("gamma", gamma);
    }

    /** Log-likelihood of a member's mean spend {@code averageSpend} over x ≥ 1 purchases. */
    public double logLikelihood(long x, double averageSpend) {
        double px = p * x;
        return lnGamma(px + q) - lnGamma(px) - lnGamma(q) + q * Math.log(gamma) + (px - 1) * Math.log(averageSpend)
                + px * Math.log((double) x) - (px + q) * Math.log(x * averageSpend + gamma);
    }

    /**
     * Expected spend per purchase of a member with x repeat purchases of mean {@code averageSpend}:
     * (1 − w)·pγ/(q − 1) + w·m with w = px/(px + q − 1). For x = 0 it is the population mean.
     *
     * @throws IllegalStateException if px + q ≤ 1, where the expectation is not finite
     */
    public double expectedAverageSpend(long x, double averageSpend) {
        double denominator = p * x + q - 1;
        if (!(denominator > 0)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "p·x + q must be > 1 for a finite expected spend: %s", denominator + 1));
        }
        return p * (gamma + x * averageSpend) / denominator;
    }

    /** The population mean spend per purchase pγ/(q − 1). @throws IllegalStateException if q ≤ 1 */
    public double populationMeanSpend() {
        return expectedAverageSpend(0, 0.0);
    }
}
