package dev.siyu.tagging.community;

import dev.siyu.core.id.MemberId;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One group chat of a community type: {@code store-fans-3} is the third store-fans group. Immutable.
 *
 * @param type the type's id
 * @param number 1 for the first group of the type, then 2, 3 …
 * @param members its members
 */
public record CommunityGroup(String type, int number, Set<MemberId> members) {
    public CommunityGroup {
        Objects.requireNonNull(type, "type");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1: " + number);
        }
        members = Collections.unmodifiableSet(new TreeSet<>(members));
    }

    /** e.g. {@code store-fans-3}. */
    public String id() {
        return type + "-" + number;
    }
}
