package dev.siyu.tagging.community;

import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.rule.Rule;
import java.util.Objects;
import java.util.Set;

/**
 * A kind of community group (社群) on one level of the pyramid: store fan groups (level 0), interest
 * groups (1), KOC groups (2). Immutable.
 *
 * @param id the type's id, e.g. {@code store-fans}
 * @param level the pyramid level, 0 at the base
 * @param admission who may join: a rule over the member's tags only ({@code and}, {@code or},
 *     {@code not}, {@code tag}); features enter through rule tags
 * @param capacity the most members of one group (WeCom: 500); the next group opens when one is full
 * @param promoteAt the activity score from which a member is promoted to the level above
 * @param demoteBelow the activity score under which a member is demoted to the level below
 */
public record CommunityType(String id, int level, Rule admission, int capacity, double promoteAt, double demoteBelow) {

    /** WeCom's limit on an external group chat. */
    public static final int WECOM_CAPACITY = 500;

    /** @throws IllegalArgumentException on a bad capacity, level or thresholds, or a rule reading features */
    public CommunityType {
        TagId.of(Objects.requireNonNull(id, "id"));
        Objects.requireNonNull(admission, "admission");
        if (level < 0 || level > 10) {
            throw new IllegalArgumentException("level must be within 0..10: " + level);
        }
        if (capacity < 1 || capacity > 100_000) {
            throw new IllegalArgumentException("capacity must be within 1..100000: " + capacity);
        }
        if (!(demoteBelow <= promoteAt)) {
            throw new IllegalArgumentException("demoteBelow must not exceed promoteAt: " + demoteBelow + " > " + promoteAt);
        }
        checkTagsOnly(admission);
    }

    private static void checkTagsOnly(Rule rule) {
        if (rule instanceof Rule.And a) {
            a.all().forEach(CommunityType::checkTagsOnly);
        } else if (rule instanceof Rule.Or o) {
            o.any().forEach(CommunityType::checkTagsOnly);
        } else if (rule instanceof Rule.Not n) {
            checkTagsOnly(n.rule());
        } else if (rule instanceof Rule.Compare c) {
            throw new IllegalArgumentException("admission must read tags only, not feature " + c.feature());
        }
    }

    /** Whether a member with {@code tags} may join. */
    public boolean admits(Set<TagId> tags) {
        return holds(admission, tags);
    }

    private static boolean holds(Rule rule, Set<TagId> tags) {
        if (rule instanceof Rule.And a) {
            return a.all().stream().allMatch(r -> holds(r, tags));
        } else if (rule instanceof Rule.Or o) {
            return o.any().stream().anyMatch(r -> holds(r, tags));
        } else if (rule instanceof Rule.Not n) {
            return !holds(n.rule(), tags);
        }
        return tags.contains(((Rule.HasTag) rule).tag());
    }
}
