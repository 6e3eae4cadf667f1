package dev.siyu.core.tier;

import dev.siyu.core.id.TierId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A tier set by staff, holding through {@code until} (inclusive): the first command or evaluation
 * on a later business date ends it and the earned tier applies again. While it holds, the earned
 * tier still follows the rules underneath. Immutable and thread-safe.
 *
 * @param tier the tier set
 * @param until the last business date it holds
 * @param reason why staff set it, not blank
 * @param setAt when it was set
 */
public record TierOverride(TierId tier, LocalDate until, String reason, Instant setAt) {

    /** @throws IllegalArgumentException if the reason is blank */
    public TierOverride {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(setAt, "setAt");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank: '" + reason + "'");
        }
    }

    /** Whether the override still holds on {@code date}. */
    public boolean holdsOn(LocalDate date) {
        return !date.isAfter(until);
    }
}
