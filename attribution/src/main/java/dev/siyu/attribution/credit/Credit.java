package dev.siyu.attribution.credit;

import dev.siyu.core.id.GuideId;
import java.util.Objects;

/**
 * A guide's part of one order line.
 *
 * @param guide the guide
 * @param role the role the guide is credited in (the highest-precedence one if several)
 * @param weight the guide's weight in the line's split, {@code > 0}; commission is split by these weights
 */
public record Credit(GuideId guide, GuideRole role, long weight) {
    public Credit {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(role, "role");
        if (weight <= 0) {
            throw new IllegalArgumentException("weight must be > 0: " + weight);
        }
    }
}
