package dev.siyu.tagging.engine;

import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The tags a member carries, each with its provenance. Immutable; the host stores it and hands it
 * back at the next evaluation.
 *
 * @param member the member
 * @param tags the tags with their provenance, ordered by tag id
 */
public record MemberTags(MemberId member, Map<TagId, Provenance> tags) {

    public MemberTags {
        Objects.requireNonNull(member, "member");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A member without tags. */
    public static MemberTags empty(MemberId member) {
        return new MemberTags(member, Map.of());
    }

    /** Whether the member carries {@code tag}. */
    public boolean has(TagId tag) {
        return tags.containsKey(tag);
    }

    /**
     * These tags plus a manual or imported {@code tag}; the engine applies group exclusivity at the
     * next evaluation (the latest manual assignment wins).
     */
    public MemberTags with(TagId tag, Provenance provenance) {
        Map<TagId, Provenance> m = new TreeMap<>(tags);
        m.put(Objects.requireNonNull(tag, "tag"), Objects.requireNonNull(provenance, "provenance"));
        return new MemberTags(member, m);
    }

    /** These tags without {@code tag}. */
    public MemberTags without(TagId tag) {
        Map<TagId, Provenance> m = new TreeMap<>(tags);
        m.remove(tag);
        return new MemberTags(member, m);
    }
}
