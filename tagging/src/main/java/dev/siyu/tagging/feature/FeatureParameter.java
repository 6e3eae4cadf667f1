package dev.siyu.tagging.feature;

/** The parameters a feature reference may carry in a rule. */
public enum FeatureParameter {
    /** {@code "days"}: the window, the last N business days up to and including the as-of date. */
    DAYS,
    /** {@code "category"}, {@code "brand"}, {@code "store"} or {@code "counter"}: restricts order lines. */
    SCOPE,
    /** {@code "community"}: the community the feature is about. */
    COMMUNITY
}
