package dev.siyu.core.event;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import java.time.Instant;
import java.util.Objects;

/**
 * Points earned on an order were taken back because lines of it were refunded.
 *
 * @param member the member
 * @param at when
 * @param operation the refund's operation
 * @param order the order
 * @param points points taken back from the balance, {@code >= 0}
 * @param debt points that could not be taken back and were recorded as debt, {@code >= 0}
 */
public record PointsReversed(MemberId member, Instant at, OperationId operation, OrderId order, long points,
        long debt) implements MembershipEvent {

    public PointsReversed {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(order, "order");
        if (points < 0 || debt < 0 || points + debt == 0) {
            throw new IllegalArgumentException("points and debt must be >= 0 and not both 0: " + points + ", " + debt);
        }
    }

    @Override
    public String type() {
        return "points-reversed";
    }
}
