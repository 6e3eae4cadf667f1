package dev.siyu.core.event;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * Points spent as payment on an order came back because lines of it were refunded.
 *
 * @param member the member
 * @param at when
 * @param operation the refund's operation
 * @param order the order
 * @param points points credited back, {@code > 0}
 */
public record PointsReturned(MemberId member, Instant at, OperationId operation, OrderId order, long points)
        implements MembershipEvent {

    public PointsReturned {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(order, "order");
        if (points <= 0) {
            throw new IllegalArgumentException("points must be > 0: " + points);
        }
    }

    @Override
    public String type() {
        return "points-returned";
    }
}
