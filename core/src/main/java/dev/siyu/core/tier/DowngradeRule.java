package dev.siyu.core.tier;

/**
 * Where a member lands when a downgrade is due (below the retention threshold and the grace period
 * over). In JSON: {@code one-tier} or {@code to-supported}.
 */
public enum DowngradeRule {
    /**
     * One step down the ladder. If the member is still below the new tier's retention threshold,
     * the next evaluation starts a new grace period for that tier.
     */
    ONE_TIER,
    /**
     * To the highest lower tier whose retention threshold the member's activity meets (the
     * lowest tier if none).
     */
    TO_SUPPORTED
}
