package dev.siyu.tagging.catalogue;

import java.util.Objects;

/**
 * A group of tags. In an exclusive group a member carries at most one tag: manual and imported
 * tags win over rule tags, then the highest priority, then the smallest tag id.
 *
 * @param id the group's id
 * @param name the display name
 * @param exclusive whether a member carries at most one of its tags
 */
public record TagGroup(String id, String name, boolean exclusive) {
    public TagGroup {
        TagId.of(Objects.requireNonNull(id, "id"));
        Objects.requireNonNull(name, "name");
    }
}
