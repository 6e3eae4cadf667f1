package dev.siyu.core.event;

import dev.siyu.core.id.MemberId;

/**
 * Something that happened to a member, produced by a Siyu engine for the host to publish. Every
 * module has its own sealed family ({@link MembershipEvent} here in core); all are records,
 * serialize to JSON with {@link Events#toJson} and read back with their family's
 * {@link EventFamily#fromJson}.
 */
public interface DomainEvent extends Event {

    /** The member it happened to. */
    MemberId member();
}
