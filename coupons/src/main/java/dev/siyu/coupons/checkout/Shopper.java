package dev.siyu.coupons.checkout;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.TierId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The member at checkout as coupon eligibility sees them.
 *
 * @param member the member
 * @param tier their current tier, if any
 * @param tags the tags they carry
 * @param newMember whether they have no completed order yet (first-order coupons)
 */
public record Shopper(MemberId member, Optional<TierId> tier, Set<String> tags, boolean newMember) {

    public Shopper {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(tier, "tier");
        tags = Set.copyOf(tags);
    }

    /** An existing member with no tier and no tags. */
    public static Shopper of(MemberId member) {
        return new Shopper(member, Optional.empty(), Set.of(), false);
    }

    public Shopper withTier(TierId tier) {
        return new Shopper(member, Optional.of(tier), tags, newMember);
    }

    public Shopper withTags(Set<String> tags) {
        return new Shopper(member, tier, tags, newMember);
    }

    public Shopper asNewMember() {
        return new Shopper(member, tier, tags, true);
    }
}
