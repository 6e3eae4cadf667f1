package dev.siyu.core.event;

import java.time.Instant;

/**
 * Anything a Siyu engine reports for the host to publish: an immutable record with a stable type
 * name. Events about a member are {@link DomainEvent}s; others (a guide's ledger as a whole, in the
 * attribution module) implement this type directly. Every module groups its events in sealed
 * families, each with an {@link EventFamily} that reads them back; all serialize with
 * {@link Events#toJson}.
 */
public interface Event {

    /** When it happened. */
    Instant at();

    /** Its stable type name in JSON, e.g. {@code tier-changed}; unique within its family. */
    String type();
}
