package dev.siyu.core.points;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A lot of points: points credited (by earns, or returned by refunds) with one expiry date. Credits
 * that share all three dates are merged into one lot; and once lots are past their pending period,
 * lots of the same expiry date are merged into the one of lowest sequence (points of one expiry date
 * are fungible), which keeps the number of live lots bounded by the expiry dates in use plus the
 * lots still pending, however many operations an account sees. A merged lot keeps the lowest
 * sequence and earliest {@code earnedOn} of its parts, and the latest {@code availableOn}.
 *
 * <p>It is pending before {@code availableOn}, spendable from that date, and worthless from
 * {@code expiresOn} (business dates in the program's zone). Lots are consumed earliest expiry first,
 * never-expiring lots last, ties by {@code sequence}. Immutable; a value (equal when every
 * component is). The dates are kept as epoch days, so a lot is one 48-byte object.
 */
public final class PointsLot {

    /** The expiry day of a lot that never expires: after every real date. */
    static final int NEVER = Integer.MAX_VALUE;

    private final long sequence;
    private final int earnedDay;
    private final int availableDay;
    private final int expiryDay;
    private final long points;
    private final long remaining;

    /**
     * A lot.
     *
     * @param sequence the lot's number within its account, increasing with creation
     * @param earnedOn the business date it was credited
     * @param availableOn the first business date it can be spent
     * @param expiresOn the first business date it is no longer valid, if it expires
     * @param points points credited to it in all, {@code > 0}
     * @param remaining points not yet spent, reversed or expired, {@code 0..points}
     * @throws IllegalArgumentException if remaining is out of range or a date is beyond year ±5,000,000
     */
    public PointsLot(long sequence, LocalDate earnedOn, LocalDate availableOn, Optional<LocalDate> expiresOn, long points,
            long remaining) {
        this(sequence, day(Objects.requireNonNull(earnedOn, "earnedOn"), "earnedOn"),
                day(Objects.requireNonNull(availableOn, "availableOn"), "availableOn"),
                Objects.requireNonNull(expiresOn, "expiresOn").isPresent() ? day(expiresOn.get(), "expiresOn") : NEVER,
                points, remaining);
    }

    PointsLot(long sequence, int earnedDay, int availableDay, int expiryDay, long points, long remaining) {
        if (points <= 0 || remaining < 0 || remaining > points) {
            throw new IllegalArgumentException("remaining must be between 0 and points " + points + ": " + remaining);
        }
        this.sequence = sequence;
        this.earnedDay = earnedDay;
        this.availableDay = availableDay;
        this.expiryDay = expiryDay;
        this.points = points;
        this.remaining = remaining;
    }

    /** {@code date} as an epoch day in a lot's range. */
    static int day(LocalDate date, String field) {
        long day = date.toEpochDay();
        if (day < -2_000_000_000L || day >= NEVER) {
            throw new IllegalArgumentException(field + " must be within the years -5,000,000..5,000,000: " + date);
        }
        return (int) day;
    }

    /** The lot's number within its account, increasing with creation. */
    public long sequence() {
        return sequence;
    }

    /** The business date it was credited. */
    public LocalDate earnedOn() {
        return LocalDate.ofEpochDay(earnedDay);
    }

    /** The first business date it can be spent. */
    public LocalDate availableOn() {
        return LocalDate.ofEpochDay(availableDay);
    }

    /** The first business date it is no longer valid, if it expires. */
    public Optional<LocalDate> expiresOn() {
        return expiryDay == NEVER ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(expiryDay));
    }

    /** Points credited to it in all. */
    public long points() {
        return points;
    }

    /** Points not yet spent, reversed or expired. */
    public long remaining() {
        return remaining;
    }

    int earnedDay() {
        return earnedDay;
    }

    int availableDay() {
        return availableDay;
    }

    /** The expiry as an epoch day, {@link #NEVER} if it never expires. */
    int expiryDay() {
        return expiryDay;
    }

    /** Whether the lot is worthless on {@code date}. */
    public boolean isExpiredOn(LocalDate date) {
        return isExpiredOn(date.toEpochDay());
    }

    boolean isExpiredOn(long day) {
        return expiryDay != NEVER && day >= expiryDay;
    }

    /** Whether the lot can be spent on {@code date}: past its pending period and not expired. */
    public boolean isAvailableOn(LocalDate date) {
        return isAvailableOn(date.toEpochDay());
    }

    boolean isAvailableOn(long day) {
        return day >= availableDay && !isExpiredOn(day);
    }

    /** Consumption order: earliest expiry first, never-expiring last, then by sequence. */
    static int consumptionOrder(PointsLot a, PointsLot b) {
        int byDate = Integer.compare(a.expiryDay, b.expiryDay);
        return byDate != 0 ? byDate : Long.compare(a.sequence, b.sequence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointsLot l && l.sequence == sequence && l.earnedDay == earnedDay
                && l.availableDay == availableDay && l.expiryDay == expiryDay && l.points == points
                && l.remaining == remaining;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, earnedDay, availableDay, expiryDay, points, remaining);
    }

    /** In the form of a record's: {@code PointsLot[sequence=1, earnedOn=2026-03-10, …]}. */
    @Override
    public String toString() {
        return "PointsLot[sequence=" + sequence + ", earnedOn=" + earnedOn() + ", availableOn=" + availableOn()
                + ", expiresOn=" + expiresOn() + ", points=" + points + ", remaining=" + remaining + "]";
    }
}
