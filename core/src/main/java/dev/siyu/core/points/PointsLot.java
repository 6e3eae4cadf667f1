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
 * never-expiring lots last, ties by {@code sequence}. Immutable.
 *
 * @param sequence the lot's number within its account, increasing with creation
 * @param earnedOn the business date it was credited
 * @param availableOn the first business date it can be spent
 * @param expiresOn the first business date it is no longer valid, if it expires
 * @param points points credited to it in all, {@code > 0}
 * @param remaining points not yet spent, reversed or expired, {@code 0..points}
 */
public record PointsLot(long sequence, LocalDate earnedOn, LocalDate availableOn,
        Optional<LocalDate> expiresOn, long points, long remaining) {

    public PointsLot {
        Objects.requireNonNull(earnedOn, "earnedOn");
        Objects.requireNonNull(availableOn, "availableOn");
        Objects.requireNonNull(expiresOn, "expiresOn");
        if (points <= 0 || remaining < 0 || remaining > points) {
            throw new IllegalArgumentException("remaining must be between 0 and points " + points + ": " + remaining);
        }
    }

    /** Whether the lot is worthless on {@code date}. */
    public boolean isExpiredOn(LocalDate date) {
        return expiresOn.isPresent() && !date.isBefore(expiresOn.get());
    }

    /** Whether the lot can be spent on {@code date}: past its pending period and not expired. */
    public boolean isAvailableOn(LocalDate date) {
        return !date.isBefore(availableOn) && !isExpiredOn(date);
    }

    PointsLot plus(long credited) {
        return new PointsLot(sequence, earnedOn, availableOn, expiresOn, Math.addExact(points, credited),
                Math.addExact(remaining, credited));
    }

    PointsLot withRemaining(long newRemaining) {
        return new PointsLot(sequence, earnedOn, availableOn, expiresOn, points, newRemaining);
    }

    /** This lot and {@code other} (of the same expiry) as one lot, as described in the class Javadoc. */
    PointsLot merge(PointsLot other) {
        return new PointsLot(Math.min(sequence, other.sequence),
                earnedOn.isBefore(other.earnedOn) ? earnedOn : other.earnedOn,
                availableOn.isAfter(other.availableOn) ? availableOn : other.availableOn, expiresOn,
                Math.addExact(points, other.points), Math.addExact(remaining, other.remaining));
    }

    /** Consumption order: earliest expiry first, never-expiring last, then by sequence. */
    static int consumptionOrder(PointsLot a, PointsLot b) {
        if (a.expiresOn.isPresent() != b.expiresOn.isPresent()) {
            return a.expiresOn.isPresent() ? -1 : 1;
        }
        if (a.expiresOn.isPresent()) {
            int byDate = a.expiresOn.get().compareTo(b.expiresOn.get());
            if (byDate != 0) {
                return byDate;
            }
        }
        return Long.compare(a.sequence, b.sequence);
    }
}
