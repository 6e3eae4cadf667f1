package dev.siyu.core.event;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Points were credited to a member as a new lot.
 *
 * @param member the member
 * @param at when
 * @param operation the operation that earned them
 * @param order the order they were earned on, if any
 * @param points points credited, {@code > 0}
 * @param availableOn the business date the lot becomes spendable (after the return window)
 * @param expiresOn the business date the lot expires at the start of, if it expires
 * @param explanation base, multipliers, caps and rounding that decided the amount
 */
public record PointsEarned(MemberId member, Instant at, OperationId operation, Optional<OrderId> order, long points,
        LocalDate availableOn, Optional<LocalDate> expiresOn, Explanation explanation) implements MembershipEvent {

    public PointsEarned {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(availableOn, "availableOn");
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(explanation, "explanation");
        if (points <= 0) {
            throw new IllegalArgumentException("points must be > 0: " + points);
        }
    }

    @Override
    public String type() {
        return "points-earned";
    }
}
