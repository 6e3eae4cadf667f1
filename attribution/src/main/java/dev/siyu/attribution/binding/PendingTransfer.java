package dev.siyu.attribution.binding;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted on-duty transfer waiting for its takeover time.
 *
 * @param scope the scope
 * @param from the current guide
 * @param to the taker
 * @param requestedAt when requested
 * @param effectiveAt when the taker takes over
 * @param operation the operation that requested it
 */
public record PendingTransfer(BindingScope scope, GuideId from, GuideId to, Instant requestedAt, Instant effectiveAt,
        OperationId operation) {
    public PendingTransfer {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(operation, "operation");
    }
}
