package dev.siyu.core.tier;

import dev.siyu.core.id.TierId;
import java.util.Locale;
import java.util.Objects;

/**
 * One rung of a tier ladder. Thresholds are whole numbers in the unit of the ladder's
 * {@link Metric}: minor units of money for {@link Metric#SPEND} (CNY 5,000.00 is 500000), points
 * or orders otherwise. Immutable and thread-safe.
 *
 * @param id the tier's id, unique in its ladder
 * @param name the display name, e.g. 金卡
 * @param threshold the value a member must reach in the window to qualify, {@code >= 0}
 * @param retention the value a member holding the tier must keep at evaluation not to start
 *     losing it, {@code 0 <= retention <= threshold}
 * @param benefits what the tier gives
 */
public record Tier(TierId id, String name, long threshold, long retention, TierBenefits benefits) {

    /** @throws IllegalArgumentException naming the field and value when a rule above is broken */
    public Tier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(benefits, "benefits");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank: '" + name + "'");
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must be >= 0: " + threshold);
        }
        if (retention < 0 || retention > threshold) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "retention must be >= 0 and <= threshold %d: %d", threshold, retention));
        }
    }

    /** A tier whose retention threshold equals its qualification threshold, without benefits. */
    public static Tier of(TierId id, String name, long threshold) {
        return new Tier(id, name, threshold, threshold, TierBenefits.none());
    }

    /** A tier with its own retention threshold and benefits. */
    public static Tier of(TierId id, String name, long threshold, long retention, TierBenefits benefits) {
        return new Tier(id, name, threshold, retention, benefits);
    }
}
