package dev.siyu.core.churn;

/**
 * The time unit of recency, age (T), horizons and the rate parameters α and β. The shape
 * parameters (r, a, b, s, p, q) do not depend on it; α and β scale with it.
 */
public enum PeriodUnit {
    /** One calendar day. */
    DAYS(1.0),
    /** Seven calendar days. */
    WEEKS(7.0);

    /** Mean Gregorian month in days (365.2425 / 12), used to discount CLV monthly. */
    public static final double DAYS_PER_MONTH = 365.2425 / 12.0;

    private final double days;

    PeriodUnit(double days) {
        this.days = days;
    }

    /** Length of one period in days. */
    public double days() {
        return days;
    }

    /** Periods in a mean Gregorian month (30.436875 days, 4.348125 weeks). */
    public double periodsPerMonth() {
        return DAYS_PER_MONTH / days;
    }

    /** {@code dayCount} days expressed in this unit. */
    public double ofDays(long dayCount) {
        return dayCount / days;
    }
}
