package dev.siyu.attribution.event;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer moved from one guide to another, on departure (离职继承) or on duty (在职转接).
 *
 * @param member the customer
 * @param at when the taker took over
 * @param operation the operation
 * @param scope the binding scope
 * @param from the guide who had the customer
 * @param to the taker
 * @param onDeparture true for a departure, false for an on-duty transfer
 * @param explanation the rule that chose the taker
 */
public record CustomerTransferred(MemberId member, Instant at, OperationId operation, BindingScope scope, GuideId from,
        GuideId to, boolean onDeparture, Explanation explanation) implements AttributionEvent {
    public CustomerTransferred {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String type() {
        return "customer-transferred";
    }
}
