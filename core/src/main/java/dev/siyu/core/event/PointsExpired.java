package dev.siyu.core.event;

import dev.siyu.core.id.MemberId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Unspent points of lots that reached their expiry date were removed.
 *
 * @param member the member
 * @param at when the expiry was applied
 * @param expiredOn the lots' expiry date
 * @param points points removed, {@code > 0}
 */
public record PointsExpired(MemberId member, Instant at, LocalDate expiredOn, long points) implements MembershipEvent {

    public PointsExpired {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiredOn, "expiredOn");
        if (points <= 0) {
            throw new IllegalArgumentException("points must be > 0: " + points);
        }
    }

    @Override
    public String type() {
        return "points-expired";
    }
}
