package dev.siyu.core.tier;

import dev.siyu.core.id.TierId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a member's activity earns as of a date: the value of the metric over the current window and
 * the highest tier whose threshold it reaches. Immutable and thread-safe.
 *
 * @param metric what was counted
 * @param windowStart first business date counted
 * @param windowEnd last business date counted
 * @param value the metric's value over the window, in its unit (minor units for spend), {@code >= 0}
 * @param tier the highest tier whose threshold {@code value} reaches
 */
public record Qualification(Metric metric, LocalDate windowStart, LocalDate windowEnd, long value, TierId tier) {

    public Qualification {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(tier, "tier");
    }
}
