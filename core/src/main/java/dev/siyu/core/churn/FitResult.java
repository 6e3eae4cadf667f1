package dev.siyu.core.churn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a maximum-likelihood fit: {@link Fitted} or {@link NotConverged}. A failed fit
 * is a value, never an exception or NaN parameters. Immutable.
 *
 * @param <M> the model type
 */
public sealed interface FitResult<M> permits FitResult.Fitted, FitResult.NotConverged {

    /** The fitted model, if the fit converged. */
    Optional<M> estimate();

    /** The fitted model. @throws IllegalStateException naming the reason if the fit did not converge */
    default M orElseThrow() {
        return estimate().orElseThrow(() -> new IllegalStateException("fit must have converged: " + this));
    }

    /**
     * A converged fit.
     *
     * @param model the maximum-likelihood (or penalized) estimate
     * @param logLikelihood the summed log-likelihood of the data at the estimate (no penalty)
     * @param standardErrors asymptotic standard errors by parameter name (inverse Hessian of the
     *     log-likelihood, delta method from log-parameters); NaN only if the Hessian is singular
     * @param members the summed weights of the rows used
     * @param patterns the distinct rows actually evaluated
     * @param iterations optimizer iterations
     */
    record Fitted<M>(M model, double logLikelihood, Map<String, Double> standardErrors, long members, int patterns,
            int iterations) implements FitResult<M> {

        public Fitted {
            Objects.requireNonNull(model, "model");
            standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
        }

        @Override
        public Optional<M> estimate() {
            return Optional.of(model);
        }
    }

    /**
     * A fit that did not converge.
     *
     * @param reason one of {@code NO_REPEAT_PURCHASES}, {@code MAX_ITERATIONS},
     *     {@code LINE_SEARCH_FAILED}, {@code PARAMETERS_DIVERGED}, {@code NON_FINITE_LIKELIHOOD}
     * @param detail a sentence for people, with the deciding values
     * @param iterations optimizer iterations spent
     */
    record NotConverged<M>(String reason, String detail, int iterations) implements FitResult<M> {

        public NotConverged {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Optional<M> estimate() {
            return Optional.empty();
        }
    }
}
