package dev.siyu.core.event;

import dev.siyu.core.id.MemberId;
import java.time.Instant;

/**
 * Something that happened to a member, produced by a Siyu engine for the host to publish. Every
 * module has its own sealed family ({@link MembershipEvent} here in core); all are records and
 * serialize to JSON with {@link Events#toJson}.
 */
public interface DomainEvent {

    /** The member it happened to. */
    MemberId member();

    /** When it happened. */
    Instant at();

    /** Its stable type name in JSON, e.g. {@code tier-changed}. */
    String type();
}
