package dev.siyu.attribution.commission;

/** How a tier schedule turns monthly sales into a bonus. */
public enum TierMethod {
    /** Each band's rate applies to the part of sales inside the band (like income tax). */
    MARGINAL,
    /** The rate of the band the whole amount falls in applies to the whole amount (OCA "section"). */
    WHOLE_AMOUNT
}
