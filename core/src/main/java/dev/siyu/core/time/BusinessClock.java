package dev.siyu.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The time source and business zone of one program. Engines never read the system clock: hosts
 * pass {@code asOf} instants, or a {@code BusinessClock} built on an injected {@link Clock}.
 * Business dates (a points lot's expiry day, a birthday month, a tier year) are read in the
 * program's zone, {@link #SHANGHAI} unless the host sets another. Immutable and thread-safe.
 *
 * @param clock the source of the current instant
 * @param zone the zone business dates are read in
 */
public record BusinessClock(Clock clock, ZoneId zone) {

    /** China Standard Time, the default business zone. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public BusinessClock {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
    }

    /** A clock fixed at {@code instant}, reading dates in {@code zone}: for tests and replays. */
    public static BusinessClock fixed(Instant instant, ZoneId zone) {
        return new BusinessClock(Clock.fixed(instant, zone), zone);
    }

    /** The current instant. */
    public Instant now() {
        return clock.instant();
    }

    /** The current business date. */
    public LocalDate today() {
        return dateOf(now());
    }

    /** The business date of {@code instant}. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first instant of {@code date} in the business zone. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The first instant of the day after {@code date}: the end, exclusive, of {@code date}. */
    public Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** {@code instant} in the business zone. */
    public ZonedDateTime zoned(Instant instant) {
        return instant.atZone(zone);
    }
}
