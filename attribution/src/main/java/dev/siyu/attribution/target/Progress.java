package dev.siyu.attribution.target;

import dev.siyu.core.explain.Explanation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Progress against a month's target as of a day, with a forecast at the planned pace:
 * {@code forecast = achieved × target / plannedThrough(asOf)} (rounded half-up), i.e. the month
 * ends as far ahead or behind plan, proportionally, as it is today. Immutable.
 *
 * @param target the month's target
 * @param achieved achieved so far
 * @param planned the target of the days through {@code asOf}
 * @param attainmentPercent achieved / target × 100, two decimals, half-up
 * @param forecast the forecast month total
 * @param explanation the values behind it
 */
public record Progress(long target, long achieved, long planned, BigDecimal attainmentPercent, long forecast,
        Explanation explanation) {
    public Progress {
        Objects.requireNonNull(attainmentPercent, "attainmentPercent");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether the forecast reaches the target. */
    public boolean onTrack() {
        return forecast >= target;
    }

    /** Progress of {@code achieved} against {@code plan} as of {@code asOf}. */
    public static Progress of(MonthPlan plan, long achieved, LocalDate asOf) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(asOf, "asOf");
        long planned = plan.plannedThrough(asOf);
        BigDecimal attainment = plan.amount() == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(achieved).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(plan.amount()), 2, RoundingMode.HALF_UP);
        long forecast = planned == 0 ? achieved
                : BigDecimal.valueOf(achieved).multiply(BigDecimal.valueOf(plan.amount()))
                        .divide(BigDecimal.valueOf(planned), 0, RoundingMode.HALF_UP).longValueExact();
        Explanation why = Explanation.builder("TARGET_PROGRESS").fact("month", plan.month()).fact("asOf", asOf)
                .fact("target", plan.amount()).fact("planned", planned).fact("achieved", achieved)
                .fact("forecast", forecast).fact("method", "planned pace, half-up").build();
        return new Progress(plan.amount(), achieved, planned, attainment, forecast, why);
    }
}
