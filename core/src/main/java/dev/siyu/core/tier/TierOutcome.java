package dev.siyu.core.tier;

import dev.siyu.core.explain.Explanation;
import java.util.Objects;

/**
 * How a tier command came out: applied (whether or not the tier moved) or rejected for a business
 * reason, always with its explanation. Immutable and thread-safe.
 */
public sealed interface TierOutcome permits TierOutcome.Applied, TierOutcome.Rejected {

    /** The reason code and the values that decided. */
    Explanation explanation();

    /** Whether the command was applied. */
    default boolean isApplied() {
        return this instanceof Applied;
    }

    /**
     * The command was applied; {@link TierResult#events()} says whether the tier moved.
     *
     * @param explanation e.g. {@code TIER_UPGRADED}, {@code TIER_RETAINED}, {@code GRACE_STARTED}
     */
    record Applied(Explanation explanation) implements TierOutcome {
        public Applied {
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * The command was refused and the status left as it was.
     *
     * @param reason why
     * @param explanation the values that decided
     */
    record Rejected(Reason reason, Explanation explanation) implements TierOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** Why a command was refused. */
    enum Reason {
        /** The operation id was already applied with a different payload. */
        OPERATION_CONFLICT,
        /** {@code asOf} is earlier than the status's last decision: time does not run backwards. */
        AS_OF_BEFORE_LAST_DECISION
    }
}
