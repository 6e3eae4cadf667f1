package dev.siyu.coupons.redemption;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.OperationId;
import java.util.Objects;

/** How a coupon command ended. Business refusals are values, never exceptions. */
public sealed interface CouponOutcome {

    /** Why a command was refused. */
    enum Reason {
        TEMPLATE_ENDED,
        MEMBER_LIMIT_REACHED,
        ISSUE_LIMIT_REACHED,
        REDEMPTION_LIMIT_REACHED,
        BUDGET_EXHAUSTED,
        COUPON_UNKNOWN,
        NOT_YET_VALID,
        EXPIRED,
        ALREADY_USED,
        RESERVED_ELSEWHERE,
        INSUFFICIENT_BALANCE,
        NOT_RESERVED,
        RESERVATION_EXPIRED,
        ALREADY_COMMITTED,
        NOT_REDEEMED_ON_ORDER,
        POINTS_REFUSED
    }

    /** The command took effect. */
    record Applied(Explanation explanation) implements CouponOutcome {
        public Applied {
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** The command was refused; nothing changed. */
    record Rejected(Reason reason, Explanation explanation) implements CouponOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** The operation had already been applied; nothing changed. */
    record Duplicate(OperationId operation) implements CouponOutcome {
        public Duplicate {
            Objects.requireNonNull(operation, "operation");
        }
    }

    /** The operation id was already used with another payload; nothing changed. */
    record Conflict(OperationId operation, String detail) implements CouponOutcome {
        public Conflict {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Whether the command's effect is in place (applied now or before). */
    default boolean succeeded() {
        return this instanceof Applied || this instanceof Duplicate;
    }
}
