package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ledger command produced.
 *
 * @param ledger the ledger after the command (the same instance on a duplicate or conflict)
 * @param events the events ({@link dev.siyu.attribution.event.AttributionEvent} or
 *     {@link dev.siyu.attribution.event.GuideEvent}), in order; empty unless applied
 * @param outcome the outcome
 * @param statement the statement, for a settlement
 */
public record LedgerResult(GuideLedger ledger, List<Record> events, Outcome outcome, Optional<Statement> statement) {
    public LedgerResult {
        Objects.requireNonNull(ledger, "ledger");
        events = List.copyOf(events);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(statement, "statement");
    }
}
