package dev.siyu.attribution.commission;

/**
 * What happens to a departing guide's frozen (not yet settled) commission. Either way history is
 * immutable and the customers' future orders credit the taker; refunds of the leaver's orders keep
 * following the leaver's attribution, so nothing is paid twice.
 */
public enum PendingOnDeparture {
    /** The leaver keeps it; it is settled and paid (e.g. with the final payroll) when its periods close. */
    KEEP_WITH_LEAVER,
    /** The leaver forfeits it; the frozen amounts are written off with an event. Debts (negative carry) stay. */
    FORFEIT
}
