package dev.siyu.core.points;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.OperationId;
import java.util.Objects;

/**
 * How a {@link PointsCommand} came out. Business refusals are values here, never exceptions.
 * Immutable values.
 */
public sealed interface PointsOutcome {

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
    }

    /**
     * The operation id was already used with a different payload; nothing changed.
     *
     * @param operation the operation id
     * @param recorded the outcome recorded for the first payload
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
     * @param recorded the outcome recorded the first time ({@link Applied} or {@link Rejected})
     */
    record Duplicate(PointsOutcome recorded) implements PointsOutcome {
        public Duplicate {
            Objects.requireNonNull(recorded, "recorded");
        }
    }
}
