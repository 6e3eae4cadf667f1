package dev.siyu.attribution.transfer;

/** How a departing guide's customers are shared among the takers (离职继承). */
public enum DepartureRule {
    /** Guides of the leaver's counter first (least loaded among them), then the rest of the store. */
    SAME_COUNTER,
    /** Each customer to the eligible guide serving the fewest customers at that moment (ties by guide id). */
    LEAST_LOADED,
    /** Customers dealt in turn to the eligible guides sorted by id. */
    ROUND_ROBIN
}
