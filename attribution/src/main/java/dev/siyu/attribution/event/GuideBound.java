package dev.siyu.attribution.event;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer was bound to a guide in a scope (first binding or rebinding).
 *
 * @param member the customer
 * @param at when
 * @param operation the operation that bound
 * @param scope the store or brand the binding is exclusive in
 * @param guide the new guide
 * @param previous the guide who held the customer before, if any
 * @param explanation mode, touch kind, protection and validity that decided it
 */
public record GuideBound(MemberId member, Instant at, OperationId operation, BindingScope scope, GuideId guide,
        Optional<GuideId> previous, Explanation explanation) implements AttributionEvent {
    public GuideBound {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String type() {
        return "guide-bound";
    }
}
