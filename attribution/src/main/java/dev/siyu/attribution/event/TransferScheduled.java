package dev.siyu.attribution.event;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.Objects;

/**
 * An on-duty transfer (在职转接) was accepted; the taker serves the customer from {@code effectiveAt}
 * (24 hours later, as on WeCom).
 *
 * @param member the customer
 * @param at when requested
 * @param operation the operation
 * @param scope the binding scope
 * @param from the current guide
 * @param to the taker
 * @param effectiveAt when the taker takes over
 */
public record TransferScheduled(MemberId member, Instant at, OperationId operation, BindingScope scope, GuideId from,
        GuideId to, Instant effectiveAt) implements AttributionEvent {
    public TransferScheduled {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    @Override
    public String type() {
        return "transfer-scheduled";
    }
}
