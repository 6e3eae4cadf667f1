package dev.siyu.tagging.feature;

/**
 * What a feature is computed from. An event names the sources it changed, and the engine
 * re-evaluates only the tags that depend on features of those sources ({@code CLOCK}: the
 * business date moved, which changes windows and relative dates).
 */
public enum FeatureSource {
    PROFILE, ORDERS, POINTS, TIER, CHURN, COUPONS, COMMUNITIES, HOST, CLOCK, MANUAL_TAGS
}
