package dev.siyu.coupons.template;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a coupon can be used, in the mall's zone. Either an absolute window ({@code from}
 * inclusive, {@code until} exclusive) or {@code days} calendar days from the business date of issue
 * (valid from the instant of issue to the end of the last day in {@code zone}); in both cases
 * optionally restricted to some days of the week and a daily time range ({@code hoursFrom}
 * inclusive, {@code hoursUntil} exclusive, local time in {@code zone}). Immutable.
 */
public record Validity(Optional<Instant> from, Optional<Instant> until, int daysAfterIssue, Set<DayOfWeek> daysOfWeek,
        Optional<LocalTime> hoursFrom, Optional<LocalTime> hoursUntil, ZoneId zone) {

    /** @throws IllegalArgumentException for a contradictory or empty window */
    public Validity {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        daysOfWeek = daysOfWeek.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(daysOfWeek));
        Objects.requireNonNull(hoursFrom, "hoursFrom");
        Objects.requireNonNull(hoursUntil, "hoursUntil");
        Objects.requireNonNull(zone, "zone");
        boolean absolute = from.isPresent() && until.isPresent();
        if (absolute == (daysAfterIssue > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "validity must be either from+until or daysAfterIssue > 0: from=%s until=%s daysAfterIssue=%d",
                    from.orElse(null), until.orElse(null), daysAfterIssue));
        }
        if (daysAfterIssue < 0) {
            throw new IllegalArgumentException("daysAfterIssue must be >= 0: " + daysAfterIssue);
        }
        if (absolute && !until.get().isAfter(from.get())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "validity.until must be after from %s: %s", from.get(), until.get()));
        }
        if (hoursFrom.isPresent() != hoursUntil.isPresent()) {
            throw new IllegalArgumentException("validity hours must give both hoursFrom and hoursUntil: "
                    + hoursFrom.orElse(null) + ", " + hoursUntil.orElse(null));
        }
        if (hoursFrom.isPresent() && !hoursUntil.get().isAfter(hoursFrom.get())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "validity.hoursUntil must be after hoursFrom %s: %s", hoursFrom.get(), hoursUntil.get()));
        }
    }

    /** Valid from {@code from} (inclusive) until {@code until} (exclusive), any day and hour. */
    public static Validity between(Instant from, Instant until, ZoneId zone) {
        return new Validity(Optional.of(from), Optional.of(until), 0, Set.of(), Optional.empty(), Optional.empty(), zone);
    }

    /** Valid for {@code days} business days counting the day of issue. */
    public static Validity daysAfterIssue(int days, ZoneId zone) {
        if (days < 1) {
            throw new IllegalArgumentException("daysAfterIssue must be >= 1: " + days);
        }
        return new Validity(Optional.empty(), Optional.empty(), days, Set.of(), Optional.empty(), Optional.empty(), zone);
    }

    /** This validity restricted to {@code days} of the week. */
    public Validity onDays(Set<DayOfWeek> days) {
        return new Validity(from, until, daysAfterIssue, days, hoursFrom, hoursUntil, zone);
    }

    /** This validity restricted to a daily time range. */
    public Validity duringHours(LocalTime start, LocalTime end) {
        return new Validity(from, until, daysAfterIssue, daysOfWeek, Optional.of(start), Optional.of(end), zone);
    }

    /** The first instant a coupon issued at {@code issuedAt} is valid. */
    public Instant startFor(Instant issuedAt) {
        return from.orElse(issuedAt);
    }

    /** The instant (exclusive) a coupon issued at {@code issuedAt} stops being valid. */
    public Instant endFor(Instant issuedAt) {
        if (until.isPresent()) {
            return until.get();
        }
        return issuedAt.atZone(zone).toLocalDate().plusDays(daysAfterIssue).atStartOfDay(zone).toInstant();
    }

    /** Whether {@code at} falls on an allowed day of the week and within the allowed hours, in {@code zone}. */
    public boolean allowsDayAndHour(Instant at) {
        if (daysOfWeek.isEmpty() && hoursFrom.isEmpty()) {
            return true; // any day, any hour: no local time to compute
        }
        ZonedDateTime local = at.atZone(zone);
        if (!daysOfWeek.isEmpty() && !daysOfWeek.contains(local.getDayOfWeek())) {
            return false;
        }
        if (hoursFrom.isPresent()) {
            LocalTime time = local.toLocalTime();
            return !time.isBefore(hoursFrom.get()) && time.isBefore(hoursUntil.get());
        }
        return true;
    }
}
