package dev.siyu.tagging.event;

import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagId;
import java.time.Instant;
import java.util.Objects;

/**
 * A member lost a tag.
 *
 * @param member the member
 * @param at when the evaluation happened
 * @param tag the tag
 * @param reason {@code RULE_NO_LONGER_MATCHES}, {@code EXPIRED}, {@code LOST_TO_EXCLUSIVE_GROUP},
 *     {@code NOT_VALID}, {@code REMOVED_BY_STAFF} or {@code REMOVED_FROM_CATALOGUE}
 */
public record TagRemoved(MemberId member, Instant at, TagId tag, String reason) implements TagEvent {
    public TagRemoved {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return "tag-removed";
    }
}
