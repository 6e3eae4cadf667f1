package dev.siyu.core.churn;

import java.util.Locale;

/** Argument checks with messages "&lt;field&gt; must be &lt;rule&gt;: &lt;value&gt;". */
final class Parameters {

    private Parameters() {
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be finite and > 0: %s", name, value));
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be finite and >= 0: %s", name, value));
        }
        return value;
    }

    static double probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be between 0 and 1: %s", name, value));
        }
        return value;
    }
}
