package dev.siyu.attribution.binding;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.event.AttributionEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a binding command produced. Immutable.
 *
 * @param binding the aggregate after the command (the same instance on a duplicate or conflict)
 * @param events the events, in order; empty for a duplicate, conflict or rejection
 * @param outcome the outcome
 */
public record BindingResult(CustomerBinding binding, List<AttributionEvent> events, Outcome outcome) {
    public BindingResult {
        Objects.requireNonNull(binding, "binding");
        events = List.copyOf(events);
        Objects.requireNonNull(outcome, "outcome");
    }
}
