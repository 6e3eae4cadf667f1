package dev.siyu.core.event;

/** Events of the membership engines in core: tiers and points. */
public sealed interface MembershipEvent extends DomainEvent
        permits TierChanged, PointsEarned, PointsRedeemed, PointsReversed, PointsReturned, PointsExpired {
}
