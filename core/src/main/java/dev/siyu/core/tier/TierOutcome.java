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

    /** The code of the explanation of a recorded outcome: see {@link #asRecorded()}. */
    String RECORDED_OUTCOME = "RECORDED_OUTCOME";

    /**
     * This outcome as a {@link TierStatus} records it and returns it on a replay
     * ({@link TierResult#replayed()}): for an applied command, an {@link Applied} whose explanation is
     * {@value #RECORDED_OUTCOME} with the original reason code as fact {@code code} (statuses keep a
     * few bytes per operation, not explanations; the original is in the first result and in its
     * {@link dev.siyu.core.event.TierChanged} event). A rejection is not recorded and is returned as
     * it is.
     */
    default TierOutcome asRecorded() {
        return this instanceof Applied a ? Applied.recorded(a.explanation().code()) : this;
    }

    /** Whether the command was applied. */
    default boolean isApplied() {
        return this instanceof Applied;
    }

    /**
     * The command was applied; {@link TierResult#events()} says whether the tier moved. The program
     * gives a {@link Explanation#deferred deferred} explanation, made the first time it is read:
     * recording an order does not pay for text nobody reads.
     *
     * @param explanation e.g. {@code TIER_UPGRADED}, {@code TIER_RETAINED}, {@code GRACE_STARTED}
     */
    record Applied(Explanation explanation) implements TierOutcome {
        public Applied {
            Objects.requireNonNull(explanation, "explanation");
        }

        /** The recorded form of an outcome with reason code {@code code}, see {@link TierOutcome#asRecorded()}. */
        static Applied recorded(String code) {
            return new Applied(Explanation.builder(RECORDED_OUTCOME).fact("code", code).build());
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
        AS_OF_BEFORE_LAST_DECISION,
        /**
         * The activity happened before the program's idempotency window: it may have been recorded
         * and forgotten since, so it is refused rather than risk counting it twice.
         */
        OUTSIDE_IDEMPOTENCY_WINDOW
    }
}
