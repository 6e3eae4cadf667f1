package dev.siyu.core.points;

/** Why a points command was refused; the stable code of a {@link PointsOutcome.Rejected}. */
public enum RejectReason {
    /** The member's available (spendable, not pending, not expired) points are fewer than asked. */
    INSUFFICIENT_POINTS,
    /** The available points are below the program's minimum balance for redeeming. */
    BELOW_MINIMUM_BALANCE,
    /** The points to redeem are not a multiple of the program's redemption step. */
    NOT_A_MULTIPLE_OF_STEP,
    /** The value of the points exceeds the program's maximum share of the order. */
    ABOVE_MAX_SHARE,
    /** Points were already earned on this order (under another operation id). */
    ORDER_ALREADY_EARNED,
    /** Under {@link NegativeBalancePolicy#DENY}, the refund's reversal would take the balance below zero. */
    NEGATIVE_BALANCE_DENIED,
    /**
     * The program has a refund window ({@link PointsProgram#refundWindowDays()}) and the order was
     * placed more days before the refund than it allows.
     */
    REFUND_WINDOW_CLOSED,
    /**
     * The program has a refund window and the order was placed more days before the earn than it
     * allows: past the window the ledger no longer remembers the order, so it could not tell a
     * second earn from a first one, and refuses both.
     */
    EARN_WINDOW_CLOSED,
    /**
     * The program has an idempotency window ({@link PointsProgram#idempotencyWindow()}) and the
     * command is dated more days before the latest command the account recorded than it allows:
     * the account may have applied it and forgotten it since, so it refuses it rather than risk
     * applying it twice.
     */
    OUTSIDE_IDEMPOTENCY_WINDOW
}
