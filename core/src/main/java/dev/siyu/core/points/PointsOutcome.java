package dev.siyu.core.points;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.OperationId;
import java.util.Objects;

/**
 * How a {@link PointsCommand} came out. Business refusals are values here, never exceptions.
 * Immutable values.
 */
public sealed interface PointsOutcome {

    /** The code of the explanation of a recorded outcome: see {@link #asRecorded()}. */
    String RECORDED_OUTCOME = "RECORDED_OUTCOME";

    /**
     * This outcome as an account records it and gives it back in {@link Duplicate},
     * {@link Conflict} and {@link PointsAccount#outcomeOf}: an {@link Applied} with the same balance
     * change, or a {@link Rejected} with the same reason, each with a {@value #RECORDED_OUTCOME}
     * explanation in place of the one that decided it (accounts keep a few bytes per operation,
     * not explanations). A duplicate or a conflict is returned as it is.
     */
    default PointsOutcome asRecorded() {
        if (this instanceof Applied a) {
            return Applied.recorded(a.balanceChange());
        }
        if (this instanceof Rejected r) {
            return Rejected.recorded(r.reason());
        }
        return this;
    }

    /**
     * The command took effect.
     *
     * @param balanceChange the signed change of {@link PointsAccount#balance()} it made, in points
     * @param explanation what decided the amounts (rates, multipliers, caps, rounding, lots)
     */
    record Applied(long balanceChange, Explanation explanation) implements PointsOutcome {
        public Applied {
            Objects.requireNonNull(explanation, "explanation");
        }

        /** The recorded form of an applied outcome, see {@link PointsOutcome#asRecorded()}. */
        static Applied recorded(long balanceChange) {
            return new Applied(balanceChange, Explanation.builder(RECORDED_OUTCOME).fact("outcome", "applied")
                    .fact("balanceChange", balanceChange).build());
        }
    }

    /**
     * The command was refused; nothing but the operation record changed (a replay is refused the same way).
     *
     * @param reason the stable reason code
     * @param explanation the values that decided it
     */
    record Rejected(RejectReason reason, Explanation explanation) implements PointsOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }

        /** The recorded form of a refusal, see {@link PointsOutcome#asRecorded()}. */
        static Rejected recorded(RejectReason reason) {
            return new Rejected(reason, Explanation.builder(RECORDED_OUTCOME).fact("outcome", "rejected")
                    .fact("reason", reason.name()).build());
        }
    }

    /**
     * The operation id was already used with a different payload; nothing changed.
     *
     * @param operation the operation id
     * @param recorded the outcome recorded for the first payload, in its recorded form
     *     ({@link PointsOutcome#asRecorded()}: amount or reason, no original explanation)
     */
    record Conflict(OperationId operation, PointsOutcome recorded) implements PointsOutcome {
        public Conflict {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    /**
     * The same command was applied before; nothing changed and no event was produced.
     *
     * <p>The account keeps a compact record of each operation (a digest of its id, a fingerprint of
     * its payload, the balance change or reject reason), not the explanation returned the first
     * time. So {@code recorded} is the first outcome in its recorded form
     * ({@link PointsOutcome#asRecorded()}): an {@link Applied} with the same balance change or a
     * {@link Rejected} with the same reason, explained by a {@value PointsOutcome#RECORDED_OUTCOME}
     * explanation saying it is the recorded result. Hosts that need the original explanation keep the
     * event or the first result.
     *
     * @param recorded the outcome recorded the first time ({@link Applied} or {@link Rejected}), in
     *     its recorded form
     */
    record Duplicate(PointsOutcome recorded) implements PointsOutcome {
        public Duplicate {
            Objects.requireNonNull(recorded, "recorded");
        }
    }
}
