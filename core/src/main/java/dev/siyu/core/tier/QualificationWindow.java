package dev.siyu.core.tier;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The period over which qualifying activity counts, read in business dates of the program's zone.
 *
 * <ul>
 *   <li>{@link Rolling}: the last {@code amount} days or months up to and including the date of
 *       {@code asOf}; 12 months as of 2025-03-15 covers 2024-03-16 to 2025-03-15.</li>
 *   <li>{@link CalendarYear}: 1 January of the year of {@code asOf} up to its date.</li>
 *   <li>{@link AnniversaryYear}: the membership year holding {@code asOf}, starting on the latest
 *       anniversary of {@code joinedOn} (a 29 February join date has its anniversary on 28
 *       February in common years).</li>
 * </ul>
 * For calendar and anniversary years, retention at evaluation also looks at the previous complete
 * year: a tier earned in one year holds through the next. Immutable and thread-safe.
 */
public sealed interface QualificationWindow
        permits QualificationWindow.Rolling, QualificationWindow.CalendarYear, QualificationWindow.AnniversaryYear {

    /** The last {@code days} days, today included. @throws IllegalArgumentException unless 1..3660 */
    static QualificationWindow rollingDays(int days) {
        return new Rolling(days, ChronoUnit.DAYS);
    }

    /** The last {@code months} months, today included. @throws IllegalArgumentException unless 1..120 */
    static QualificationWindow rollingMonths(int months) {
        return new Rolling(months, ChronoUnit.MONTHS);
    }

    /** The calendar year so far. */
    static QualificationWindow calendarYear() {
        return new CalendarYear();
    }

    /** The membership anniversary year so far. */
    static QualificationWindow anniversaryYear() {
        return new AnniversaryYear();
    }

    /**
     * A rolling window of {@code amount} days or months ending on the evaluation date.
     *
     * @param amount 1 to 3660 days or 1 to 120 months
     * @param unit {@link ChronoUnit#DAYS} or {@link ChronoUnit#MONTHS}
     */
    record Rolling(int amount, ChronoUnit unit) implements QualificationWindow {

        /** @throws IllegalArgumentException if the unit is not days or months, or the amount out of range */
        public Rolling {
            Objects.requireNonNull(unit, "unit");
            int max = switch (unit) {
                case DAYS -> 3660;
                case MONTHS -> 120;
                default -> throw new IllegalArgumentException("unit must be DAYS or MONTHS: " + unit);
            };
            if (amount < 1 || amount > max) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "window %s must be 1 to %d: %d", unit.name().toLowerCase(Locale.ROOT), max, amount));
            }
        }
    }

    /** The calendar year (1 January to 31 December). */
    record CalendarYear() implements QualificationWindow {
    }

    /** The membership year, from each anniversary of the join date. */
    record AnniversaryYear() implements QualificationWindow {
    }
}
