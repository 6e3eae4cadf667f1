package dev.siyu.core.points;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When a lot of earned points expires, as a function of the business date it was earned on.
 *
 * <p>The date returned is the first business date on which the points are no longer valid: the lot
 * expires at the start of that day in the program's zone. Immutable and thread-safe.
 */
public sealed interface ExpiryPolicy {

    /** The first business date on which points earned on {@code earnedOn} are no longer valid, if they expire. */
    Optional<LocalDate> expiresOn(LocalDate earnedOn);

    /** Points never expire. */
    static ExpiryPolicy never() {
        return new Never();
    }

    /** Points expire {@code months} calendar months after the earn date (2026-01-31 + 1 month expires on 2026-02-28). */
    static ExpiryPolicy rollingMonths(int months) {
        return new RollingMonths(months);
    }

    /** Points expire at the end of the year after the year they were earned in (年底 of year + 1). */
    static ExpiryPolicy endOfNextYear() {
        return new EndOfNextYear();
    }

    /** Points expire on a fixed date, whenever earned (points earned on or after it expire at once). */
    static ExpiryPolicy fixedDate(LocalDate expiresOn) {
        return new FixedDate(expiresOn);
    }

    /** Points never expire. */
    record Never() implements ExpiryPolicy {
        @Override
        public Optional<LocalDate> expiresOn(LocalDate earnedOn) {
            return Optional.empty();
        }
    }

    /**
     * Rolling expiry.
     *
     * @param months months of validity, {@code >= 1}
     */
    record RollingMonths(int months) implements ExpiryPolicy {
        /** @throws IllegalArgumentException if {@code months < 1} */
        public RollingMonths {
            if (months < 1) {
                throw new IllegalArgumentException("months must be >= 1: " + months);
            }
        }

        @Override
        public Optional<LocalDate> expiresOn(LocalDate earnedOn) {
            return Optional.of(earnedOn.plusMonths(months));
        }
    }

    /** Expiry at the end of the following calendar year: earned in 2026, invalid from 2028-01-01. */
    record EndOfNextYear() implements ExpiryPolicy {
        @Override
        public Optional<LocalDate> expiresOn(LocalDate earnedOn) {
            return Optional.of(LocalDate.of(earnedOn.getYear() + 2, 1, 1));
        }
    }

    /**
     * Expiry on one date for every lot.
     *
     * @param date the first date on which the points are no longer valid
     */
    record FixedDate(LocalDate date) implements ExpiryPolicy {
        public FixedDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public Optional<LocalDate> expiresOn(LocalDate earnedOn) {
            return Optional.of(date);
        }
    }
}
