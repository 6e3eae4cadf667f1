package dev.siyu.attribution.transfer;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.event.AttributionEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a departure did: the customers' new bindings (in the order given), the assignments, the
 * events and the outcome. When refused ({@code NO_TAKER}) nothing changed: the bindings are the
 * ones given and there are no events.
 *
 * @param customers the customers' bindings after the departure
 * @param assignments who took whom
 * @param events {@code CustomerTransferred} events
 * @param outcome applied, or rejected with {@code NO_TAKER}
 */
public record DepartureResult(List<CustomerBinding> customers, List<Assignment> assignments,
        List<AttributionEvent> events, Outcome outcome) {
    public DepartureResult {
        customers = List.copyOf(customers);
        assignments = List.copyOf(assignments);
        events = List.copyOf(events);
        Objects.requireNonNull(outcome, "outcome");
    }
}
