package dev.siyu.tagging.feature;

import dev.siyu.core.churn.ChurnLevel;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the host knows about one member that features are computed from. Orders are taken as
 * the host hands them (net of returns, if the host has applied them). Immutable.
 *
 * @param profile the member's profile (consent, birthday, location, channel)
 * @param orders the member's orders, in any order
 * @param pointsBalance the available points balance
 * @param tier the current tier, if enrolled
 * @param churnLevel the current sleeping level, if scored
 * @param couponsIssued when coupons were issued to the member
 * @param couponsRedeemed when the member redeemed coupons
 * @param communities ids of the communities the member belongs to
 * @param hostNumbers values of host features of type number, money (minor units), flag (0/1) or date (epoch day)
 * @param hostCodes values of host features of type code
 */
public record MemberFacts(MemberProfile profile, List<Order> orders, long pointsBalance, Optional<TierId> tier,
        Optional<ChurnLevel> churnLevel, List<Instant> couponsIssued, List<Instant> couponsRedeemed,
        Set<String> communities, Map<String, Long> hostNumbers, Map<String, String> hostCodes) {

    public MemberFacts {
        Objects.requireNonNull(profile, "profile");
        orders = List.copyOf(orders);
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(churnLevel, "churnLevel");
        couponsIssued = List.copyOf(couponsIssued);
        couponsRedeemed = List.copyOf(couponsRedeemed);
        communities = Set.copyOf(communities);
        hostNumbers = Map.copyOf(hostNumbers);
        hostCodes = Map.copyOf(hostCodes);
        for (Order o : orders) {
            if (!o.member().equals(profile.id())) {
                throw new IllegalArgumentException("orders must belong to member " + profile.id() + ": " + o.id());
            }
        }
    }

    /** A member with a profile and nothing else. */
    public static MemberFacts of(MemberProfile profile) {
        return new MemberFacts(profile, List.of(), 0, Optional.empty(), Optional.empty(), List.of(), List.of(),
                Set.of(), Map.of(), Map.of());
    }

    public MemberFacts withProfile(MemberProfile p) {
        return new MemberFacts(p, orders, pointsBalance, tier, churnLevel, couponsIssued, couponsRedeemed,
                communities, hostNumbers, hostCodes);
    }

    public MemberFacts withOrders(List<Order> o) {
        return new MemberFacts(profile, o, pointsBalance, tier, churnLevel, couponsIssued, couponsRedeemed,
                communities, hostNumbers, hostCodes);
    }

    public MemberFacts withPointsBalance(long balance) {
        return new MemberFacts(profile, orders, balance, tier, churnLevel, couponsIssued, couponsRedeemed,
                communities, hostNumbers, hostCodes);
    }

    public MemberFacts withTier(Optional<TierId> t) {
        return new MemberFacts(profile, orders, pointsBalance, t, churnLevel, couponsIssued, couponsRedeemed,
                communities, hostNumbers, hostCodes);
    }

    public MemberFacts withChurnLevel(Optional<ChurnLevel> c) {
        return new MemberFacts(profile, orders, pointsBalance, tier, c, couponsIssued, couponsRedeemed,
                communities, hostNumbers, hostCodes);
    }

    public MemberFacts withCoupons(List<Instant> issued, List<Instant> redeemed) {
        return new MemberFacts(profile, orders, pointsBalance, tier, churnLevel, issued, redeemed,
                communities, hostNumbers, hostCodes);
    }

    public MemberFacts withCommunities(Set<String> c) {
        return new MemberFacts(profile, orders, pointsBalance, tier, churnLevel, couponsIssued, couponsRedeemed,
                c, hostNumbers, hostCodes);
    }

    public MemberFacts withHostValues(Map<String, Long> numbers, Map<String, String> codes) {
        return new MemberFacts(profile, orders, pointsBalance, tier, churnLevel, couponsIssued, couponsRedeemed,
                communities, numbers, codes);
    }
}
