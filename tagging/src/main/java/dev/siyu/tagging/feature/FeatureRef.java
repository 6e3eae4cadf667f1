package dev.siyu.tagging.feature;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to one feature value, with its parameters: {@code spend} over the last 30 days in
 * category {@code shoes}. Two equal references read the same column of a feature row.
 *
 * @param feature the feature name
 * @param days the window in days, 0 when the feature has no window
 * @param scope {@code category}, {@code brand}, {@code store}, {@code counter} or {@code community}, if any
 * @param scopeValue the scope's id text, empty when there is no scope
 */
public record FeatureRef(String feature, int days, Optional<String> scope, Optional<String> scopeValue) {

    public FeatureRef {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeValue, "scopeValue");
        if (days < 0 || days > 3_660) {
            throw new IllegalArgumentException("days must be within 0..3660: " + days);
        }
        if (scope.isPresent() != scopeValue.isPresent()) {
            throw new IllegalArgumentException("scope and scopeValue must be given together: " + scope + ", " + scopeValue);
        }
    }

    /** A reference without parameters. */
    public static FeatureRef of(String feature) {
        return new FeatureRef(feature, 0, Optional.empty(), Optional.empty());
    }

    /** A windowed reference. */
    public static FeatureRef window(String feature, int days) {
        return new FeatureRef(feature, days, Optional.empty(), Optional.empty());
    }

    /** A windowed reference restricted to one category, brand, store, counter (or a community). */
    public static FeatureRef scoped(String feature, int days, String scope, String value) {
        return new FeatureRef(feature, days, Optional.of(scope), Optional.of(value));
    }

    /** e.g. {@code spend[30d,category=shoes]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(feature);
        if (days > 0 || scope.isPresent()) {
            s.append('[');
            if (days > 0) {
                s.append(String.format(Locale.ROOT, "%dd", days));
            }
            if (scope.isPresent()) {
                s.append(days > 0 ? "," : "").append(scope.get()).append('=').append(scopeValue.get());
            }
            s.append(']');
        }
        return s.toString();
    }
}
