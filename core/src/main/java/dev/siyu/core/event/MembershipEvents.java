package dev.siyu.core.event;

import java.util.Map;

/** The type names of {@link MembershipEvent}s (held here: an interface cannot keep a private constant). */
final class MembershipEvents {

    static final EventFamily<MembershipEvent> FAMILY = EventFamily.of(MembershipEvent.class, Map.of(
            "tier-changed", TierChanged.class,
            "points-earned", PointsEarned.class,
            "points-redeemed", PointsRedeemed.class,
            "points-reversed", PointsReversed.class,
            "points-returned", PointsReturned.class,
            "points-expired", PointsExpired.class));

    private MembershipEvents() {
    }
}
