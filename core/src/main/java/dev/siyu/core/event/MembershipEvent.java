package dev.siyu.core.event;

/**
 * Events of the membership engines in core: tiers and points. Read back with {@link #fromJson} (or
 * {@link Events#membershipFromJson}).
 */
public sealed interface MembershipEvent extends DomainEvent
        permits TierChanged, PointsEarned, PointsRedeemed, PointsReversed, PointsReturned, PointsExpired {

    /** The type names and record classes of this family. */
    static EventFamily<MembershipEvent> family() {
        return MembershipEvents.FAMILY;
    }

    /**
     * Reads a membership event written by {@link Events#toJson}.
     *
     * @throws dev.siyu.core.json.ConfigException if the type is unknown or a field is missing or does not fit
     */
    static MembershipEvent fromJson(String json) {
        return MembershipEvents.FAMILY.fromJson(json);
    }
}
