package dev.siyu.attribution.binding;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a customer's binding history: who had the customer before and after, and why.
 * History is append-only; nothing rewrites it.
 *
 * @param at when the change took effect
 * @param scope the scope
 * @param from the previous guide, if any
 * @param to the new guide
 * @param cause {@code BOUND}, {@code REBOUND}, {@code LAPSED_REBOUND}, {@code TRANSFERRED_ON_DUTY} or {@code TRANSFERRED_ON_DEPARTURE}
 * @param operation the operation that caused it
 */
public record BindingChange(Instant at, BindingScope scope, Optional<GuideId> from, GuideId to, String cause,
        OperationId operation) {
    public BindingChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(operation, "operation");
    }
}
