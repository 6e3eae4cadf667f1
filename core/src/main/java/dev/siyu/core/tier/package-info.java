/**
 * Member tiers (会员等级): a ladder of tiers qualified by spend, points earned or order count over a
 * rolling window, a calendar year or the membership anniversary year.
 *
 * <p>{@link dev.siyu.core.tier.TierProgram} is the entry point: an immutable, thread-safe engine
 * built from a validated ladder (a builder or a JSON document). A member's state is an immutable
 * {@link dev.siyu.core.tier.TierStatus}; every command returns a
 * {@link dev.siyu.core.tier.TierResult} with the new status, the
 * {@link dev.siyu.core.event.TierChanged} events and a sealed
 * {@link dev.siyu.core.tier.TierOutcome}. Upgrades happen as soon as qualifying activity arrives;
 * downgrades only at a periodic evaluation, after a retention check and a grace period. Points
 * spent are never an input: a {@link dev.siyu.core.tier.QualifyingActivity} carries no redemption.
 */
package dev.siyu.core.tier;
