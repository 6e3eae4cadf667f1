package dev.siyu.tagging.rule;

/**
 * Limits on one rule expression, checked when it is read.
 *
 * @param maxDepth the deepest nesting of and/or/not (1 for a single comparison)
 * @param maxNodes the most nodes of one rule
 * @param maxSetSize the most constants of one {@code in}
 */
public record RuleLimits(int maxDepth, int maxNodes, int maxSetSize) {

    public RuleLimits {
        if (maxDepth < 1 || maxDepth > 64) {
            throw new IllegalArgumentException("maxDepth must be within 1..64: " + maxDepth);
        }
        if (maxNodes < 1 || maxNodes > 10_000) {
            throw new IllegalArgumentException("maxNodes must be within 1..10000: " + maxNodes);
        }
        if (maxSetSize < 1 || maxSetSize > 10_000) {
            throw new IllegalArgumentException("maxSetSize must be within 1..10000: " + maxSetSize);
        }
    }

    /** Depth 16, 256 nodes, sets of 1,000. */
    public static RuleLimits defaults() {
        return new RuleLimits(16, 256, 1_000);
    }
}
