package dev.siyu.core.event;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Points were spent, as payment on an order or for a reward.
 *
 * @param member the member
 * @param at when
 * @param operation the redemption's operation
 * @param order the order paid, for a payment
 * @param purpose {@code payment} or the reward's code
 * @param points points spent, {@code > 0}
 */
public record PointsRedeemed(MemberId member, Instant at, OperationId operation, Optional<OrderId> order,
        String purpose, long points) implements MembershipEvent {

    public PointsRedeemed {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(purpose, "purpose");
        if (points <= 0) {
            throw new IllegalArgumentException("points must be > 0: " + points);
        }
    }

    @Override
    public String type() {
        return "points-redeemed";
    }
}
