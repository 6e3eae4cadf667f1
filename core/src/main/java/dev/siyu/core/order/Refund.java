package dev.siyu.core.order;

import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A return of some units of some lines of an order. An order may see several refunds; together
 * they never return more units of a line than were sold (see {@link #checkAgainst}).
 *
 * @param id the refund's id (also its operation id in ledgers)
 * @param order the order refunded
 * @param at when the refund was made
 * @param lines at least one line, each line number at most once
 */
public record Refund(RefundId id, OrderId order, Instant at, List<RefundLine> lines) {

    /** @throws IllegalArgumentException if there is no line or a line appears twice */
    public Refund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty: refund " + id);
        }
        Set<Integer> seen = new HashSet<>();
        for (RefundLine line : lines) {
            if (!seen.add(line.lineNo())) {
                throw new IllegalArgumentException("lines lineNo must be unique: " + line.lineNo());
            }
        }
    }

    /**
     * Checks this refund against its order and the units of each line returned before it.
     *
     * @param order the refunded order
     * @param returnedBefore units already returned, by line number (absent means none)
     * @throws IllegalArgumentException if the order is another one, a line is unknown, or more
     *     units would be returned than were sold
     */
    public void checkAgainst(Order order, Map<Integer, Integer> returnedBefore) {
        if (!order.id().equals(this.order)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "refund order must be %s: %s", order.id(), this.order));
        }
        for (RefundLine line : lines) {
            OrderLine sold = order.line(line.lineNo()).orElseThrow(() -> new IllegalArgumentException(
                    String.format(Locale.ROOT, "refund lineNo must exist in order %s: %d", order.id(), line.lineNo())));
            int before = returnedBefore.getOrDefault(line.lineNo(), 0);
            if (before + line.quantity() > sold.quantity()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "refund quantity of line %d must be <= %d still returnable: %d",
                        line.lineNo(), sold.quantity() - before, line.quantity()));
            }
        }
    }
}
