package dev.siyu.attribution;

/** Stable reason codes of business refusals in the attribution module. */
public enum RejectReason {
    /** Another guide holds the customer inside the protection period (保护期). */
    PROTECTED,
    /** First-add binding: the customer already has a valid guide in this scope. */
    ALREADY_BOUND,
    /** The binding mode does not bind on this kind of touch. */
    TOUCH_DOES_NOT_BIND,
    /** The customer has no guide in this scope. */
    NOT_BOUND,
    /** A transfer to the guide who already holds the customer. */
    SAME_GUIDE_TRANSFER,
    /** On-duty transfer: the customer was already transferred twice in the last 90 days. */
    TRANSFER_LIMIT,
    /** On-duty transfer: a transfer of this customer in this scope is still waiting its 24 hours. */
    TRANSFER_PENDING,
    /** Settlement: orders of the period are still inside the return window. */
    RETURN_WINDOW_OPEN,
    /** Settlement: the period was already settled. */
    ALREADY_SETTLED,
    /** Settlement: an earlier period is still open and must be settled first. */
    EARLIER_PERIOD_OPEN,
    /** Settlement: the ledger has no entry for the period. */
    NOTHING_TO_SETTLE,
    /** Departure: no active guide can take the customers. */
    NO_TAKER
}
