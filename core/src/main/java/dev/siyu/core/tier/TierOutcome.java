package dev.siyu.core.tier;

import dev.siyu.core.explain.Explanation;
import java.util.Objects;
import java.util.function.Supplier;

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
        return this instanceof Applied a ? Applied.recorded(a.code()) : this;
    }

    /** Whether the command was applied. */
    default boolean isApplied() {
        return this instanceof Applied;
    }

    /**
     * The command was applied; {@link TierResult#events()} says whether the tier moved. Its
     * explanation (e.g. {@code TIER_UPGRADED}, {@code TIER_RETAINED}, {@code GRACE_STARTED}) is
     * built the first time it is read: recording an order does not pay for text nobody reads.
     * Equal when the explanations are equal.
     */
    final class Applied implements TierOutcome {
        private final String code;
        /** Final, so that an outcome handed to another thread without synchronization still has it. */
        private final Supplier<Explanation> explain;
        private volatile Explanation explanation;

        /** An outcome with {@code explanation}. */
        public Applied(Explanation explanation) {
            this.explanation = Objects.requireNonNull(explanation, "explanation");
            this.code = explanation.code();
            this.explain = () -> explanation;
        }

        /** An outcome whose explanation, of reason code {@code code}, {@code explain} builds when first read. */
        Applied(String code, Supplier<Explanation> explain) {
            this.code = Objects.requireNonNull(code, "code");
            this.explain = Objects.requireNonNull(explain, "explain");
        }

        /** The reason code of the explanation, without building it. */
        public String code() {
            return code;
        }

        @Override
        public Explanation explanation() {
            Explanation e = explanation;
            if (e == null) {
                synchronized (this) {
                    e = explanation;
                    if (e == null) {
                        e = explain.get();
                        if (!e.code().equals(code)) {
                            throw new IllegalStateException("explanation code must be " + code + ": " + e.code());
                        }
                        explanation = e;
                    }
                }
            }
            return e;
        }

        /** The recorded form of an outcome with reason code {@code code}, see {@link TierOutcome#asRecorded()}. */
        static Applied recorded(String code) {
            return new Applied(Explanation.builder(RECORDED_OUTCOME).fact("code", code).build());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Applied a && a.explanation().equals(explanation());
        }

        @Override
        public int hashCode() {
            return explanation().hashCode();
        }

        @Override
        public String toString() {
            return "Applied[explanation=" + explanation() + "]";
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
