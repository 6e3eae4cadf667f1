package dev.siyu.core.points;

import dev.siyu.core.time.ZoneDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One engine's business dates, shared: the {@link LocalDate} of an epoch day and the expiry of
 * points earned on it, made once per day and then reused by every command and lot (lots are kept
 * for years, so sharing their dates keeps accounts small, and commands allocate no dates). Covers
 * 2000 to 2099 (two arrays of 36,525 references); dates outside are made afresh. Thread-safe: slots hold immutable values and are
 * filled at most once each (a race fills a slot with an equal value).
 */
final class Dates {

    private static final long FIRST = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST);

    private final ZoneDays days;
    private final ExpiryPolicy expiry;
    private final AtomicReferenceArray<LocalDate> dates = new AtomicReferenceArray<>(DAYS);
    private final AtomicReferenceArray<Optional<LocalDate>> expiries = new AtomicReferenceArray<>(DAYS);

    Dates(ZoneId zone, ExpiryPolicy expiry) {
        this.days = ZoneDays.of(zone);
        this.expiry = expiry;
    }

    /** The business date of {@code at}. */
    LocalDate of(Instant at) {
        return ofEpochDay(days.epochDay(at));
    }

    LocalDate ofEpochDay(long day) {
        long i = day - FIRST;
        if (i < 0 || i >= DAYS) {
            return LocalDate.ofEpochDay(day);
        }
        LocalDate date = dates.getAcquire((int) i);
        if (date == null) {
            date = LocalDate.ofEpochDay(day);
            dates.setRelease((int) i, date);
        }
        return date;
    }

    /** {@code date} plus {@code days}, shared. */
    LocalDate plusDays(LocalDate date, long days) {
        return ofEpochDay(date.toEpochDay() + days);
    }

    /** The expiry of points earned on {@code earnedOn} under the program's policy, shared. */
    Optional<LocalDate> expiresOn(LocalDate earnedOn) {
        long i = earnedOn.toEpochDay() - FIRST;
        if (i < 0 || i >= DAYS) {
            return expiry.expiresOn(earnedOn);
        }
        Optional<LocalDate> expires = expiries.getAcquire((int) i);
        if (expires == null) {
            Optional<LocalDate> computed = expiry.expiresOn(earnedOn);
            expires = computed.isPresent() ? Optional.of(ofEpochDay(computed.get().toEpochDay())) : computed;
            expiries.setRelease((int) i, expires);
        }
        return expires;
    }
}
