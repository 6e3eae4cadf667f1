package dev.siyu.attribution;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.OperationId;
import java.util.Objects;

/**
 * How a command of the attribution module came out. Business refusals are values here, never
 * exceptions. Immutable values.
 */
public sealed interface Outcome {

    /** Whether the command took effect now (not a replay, refusal or conflict). */
    default boolean isApplied() {
        return this instanceof Applied;
    }

    /**
     * The command took effect.
     *
     * @param explanation what decided it
     */
    record Applied(Explanation explanation) implements Outcome {
        public Applied {
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * The command was refused; the aggregate is unchanged except for the operation record, so a
     * replay is refused the same way.
     *
     * @param reason the stable reason code
     * @param explanation the values that decided it
     */
    record Rejected(RejectReason reason, Explanation explanation) implements Outcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * The same command (same operation id, same payload) was handled before; nothing changed.
     *
     * @param recorded the outcome recorded the first time
     */
    record Duplicate(Outcome recorded) implements Outcome {
        public Duplicate {
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    /**
     * The operation id was already used with a different payload; nothing changed.
     *
     * @param operation the operation id
     * @param recorded the outcome recorded for the first payload
     */
    record Conflict(OperationId operation, Outcome recorded) implements Outcome {
        public Conflict {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    /** An applied outcome with only a code. */
    static Outcome applied(String code) {
        return new Applied(Explanation.of(code));
    }

    /** A rejection whose explanation code is the reason's name. */
    static Outcome rejected(RejectReason reason, Explanation.Builder facts) {
        return new Rejected(reason, facts.build());
    }
}
