package dev.siyu.core.churn;

import java.util.Objects;

/**
 * A member's calibration summary and what the member did in the holdout period after it.
 * Immutable.
 *
 * @param calibration the summary up to the calibration end
 * @param holdoutFrequency purchase days in the holdout period
 * @param holdoutAverageSpend mean net amount of those days in major currency units, 0 if none
 * @param holdoutDuration length of the holdout period in the unit of the summary
 */
public record HoldoutSummary(CustomerSummary calibration, long holdoutFrequency, double holdoutAverageSpend,
        double holdoutDuration) {

    public HoldoutSummary {
        Objects.requireNonNull(calibration, "calibration");
        if (holdoutFrequency < 0) {
            throw new IllegalArgumentException("holdoutFrequency must be >= 0: " + holdoutFrequency);
        }
        Parameters.nonNegative("holdoutAverageSpend", holdoutAverageSpend);
        Parameters.nonNegative("holdoutDuration", holdoutDuration);
    }
}
