package dev.siyu.attribution.event;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A departed guide's frozen commission was forfeited under the plan's departure policy.
 *
 * @param guide the departed guide
 * @param at when
 * @param operation the operation
 * @param amount the frozen commission forfeited
 */
public record PendingCommissionForfeited(GuideId guide, Instant at, OperationId operation, Money amount)
        implements GuideEvent {
    public PendingCommissionForfeited {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String type() {
        return "pending-commission-forfeited";
    }
}
