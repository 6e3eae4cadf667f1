package dev.siyu.core.points;

import dev.siyu.core.event.MembershipEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a command produced: the new account (the same instance when nothing changed), the events for
 * the host to publish, and the outcome. Immutable.
 *
 * @param account the account after the command
 * @param events the events, in the order they happened; empty for a duplicate, conflict or rejection
 * @param outcome the outcome
 */
public record PointsResult(PointsAccount account, List<MembershipEvent> events, PointsOutcome outcome) {
    public PointsResult {
        Objects.requireNonNull(account, "account");
        events = List.copyOf(events);
        Objects.requireNonNull(outcome, "outcome");
    }
}
