package dev.siyu.core.points;

/**
 * What a refund does when the points earned on the refunded lines must be taken back but the
 * member no longer holds them (they were spent or expired).
 *
 * <p>Points returned by the same refund (points that paid for the refunded lines) are credited
 * first and count towards what can be taken back.
 */
public enum NegativeBalancePolicy {
    /**
     * The refund's points are refused as a whole: the command is {@link PointsOutcome.Rejected}
     * with {@link RejectReason#NEGATIVE_BALANCE_DENIED} and no lot, balance or order record changes.
     * The balance never goes below zero. The host decides what else to do (e.g. charge the value).
     */
    DENY,
    /** The full amount is taken back and the balance may go negative; later credits repay it first. */
    ALLOW,
    /**
     * What the member holds is taken, the rest is recorded as {@linkplain PointsAccount#debt() debt}
     * outside the balance (which stays {@code >= 0}); later credits repay the debt first.
     */
    CLAMP
}
