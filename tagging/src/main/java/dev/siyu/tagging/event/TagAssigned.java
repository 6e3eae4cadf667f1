package dev.siyu.tagging.event;

import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.engine.Provenance;
import java.time.Instant;
import java.util.Objects;

/**
 * A member gained a tag.
 *
 * @param member the member
 * @param at when the evaluation or assignment happened
 * @param tag the tag
 * @param provenance where the tag came from
 */
public record TagAssigned(MemberId member, Instant at, TagId tag, Provenance provenance) implements TagEvent {
    public TagAssigned {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String type() {
        return "tag-assigned";
    }
}
