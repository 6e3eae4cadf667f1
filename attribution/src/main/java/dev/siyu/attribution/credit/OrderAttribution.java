package dev.siyu.attribution.credit;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an order is credited to, line by line: a snapshot taken when the order is placed. Refunds
 * follow this snapshot, never a later binding. Immutable.
 *
 * @param order the order
 * @param member the customer
 * @param placedAt when the order was placed
 * @param lines one credit per order line, by line number
 */
public record OrderAttribution(OrderId order, MemberId member, Instant placedAt, List<LineCredit> lines) {
    public OrderAttribution {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(placedAt, "placedAt");
        lines = List.copyOf(lines);
    }

    /** The credit of line {@code lineNo}. */
    public Optional<LineCredit> line(int lineNo) {
        for (LineCredit line : lines) {
            if (line.lineNo() == lineNo) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }
}
