package dev.siyu.core.tier;

import dev.siyu.core.event.TierChanged;
import java.util.List;
import java.util.Objects;

/**
 * The result of a tier command: the status after it, the events it produced and its outcome.
 * A rejected or replayed command returns the status it was given, unchanged, and no event.
 * Immutable and thread-safe.
 *
 * @param status the member's status after the command
 * @param events at most one {@link TierChanged}, when the member's tier moved
 * @param outcome applied or rejected, with the explanation
 * @param replayed whether the operation id had already been applied with the same payload, in
 *     which case the outcome is the one recorded then, in its recorded form
 *     ({@link TierOutcome#asRecorded()}: the reason code, not the full explanation)
 */
public record TierResult(TierStatus status, List<TierChanged> events, TierOutcome outcome, boolean replayed) {

    public TierResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(outcome, "outcome");
        events = List.copyOf(events);
    }
}
