package dev.siyu.attribution.commission;

import java.util.List;
import java.util.Objects;

/**
 * What a refund does to an order's commission.
 *
 * @param after the order's commission record after the refund (store it in place of the old one)
 * @param clawbacks one per recipient whose share changed, to book in their ledgers
 * @param duplicate whether this refund had already been applied to the record (then nothing changed)
 */
public record RefundCommission(OrderCommission after, List<Clawback> clawbacks, boolean duplicate) {
    public RefundCommission {
        Objects.requireNonNull(after, "after");
        clawbacks = List.copyOf(clawbacks);
    }
}
