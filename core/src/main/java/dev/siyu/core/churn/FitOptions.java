package dev.siyu.core.churn;

/**
 * How to fit: an optional L2 penalizer on the (time-rescaled) parameters, as in lifetimes, the
 * iteration cap and the gradient tolerance on the mean negative log-likelihood. Immutable.
 *
 * @param penalizer ≥ 0; 0 gives the plain maximum-likelihood estimate
 * @param maxIterations BFGS iterations allowed, ≥ 1
 * @param gradientTolerance convergence when every component of the gradient of the mean negative
 *     log-likelihood (with respect to log-parameters) is below it, &gt; 0
 */
public record FitOptions(double penalizer, int maxIterations, double gradientTolerance) {

    /** @throws IllegalArgumentException if a value breaks its rule */
    public FitOptions {
        Parameters.nonNegative("penalizer", penalizer);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1: " + maxIterations);
        }
        Parameters.positive("gradientTolerance", gradientTolerance);
    }

    /** No penalizer, 500 iterations, tolerance 1e-8. */
    public static FitOptions defaults() {
        return new FitOptions(0.0, 500, 1e-8);
    }

    /** These options with another penalizer. */
    public FitOptions withPenalizer(double value) {
        return new FitOptions(value, maxIterations, gradientTolerance);
    }
}
