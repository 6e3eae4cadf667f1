package dev.siyu.tagging.feature;

/**
 * The type of a member feature. Every value is held as a {@code long} in a feature row: numbers as
 * themselves, money in minor units (fen), dates as epoch days, codes as dictionary indices, flags as
 * 0 or 1. A missing value (no birthday, no order yet) is {@link #MISSING}; every comparison with a
 * missing value is false, so {@code not} of a comparison is true for it.
 */
public enum FeatureType {
    /** A whole number: a count, a number of days, a points balance. */
    NUMBER,
    /** An amount in minor units of the catalogue currency; rules write {@code "CNY 500"} or {@code 500}. */
    MONEY,
    /** A business date; rules write {@code "2026-01-31"} or {@code {"daysAgo": 30}}. */
    DATE,
    /** One code out of an open set: a city, a tier, a channel; rules compare with {@code eq}, {@code ne}, {@code in}. */
    CODE,
    /** True or false. */
    FLAG;

    /** The value of a feature the member has none of. */
    public static final long MISSING = Long.MIN_VALUE;

    /** Whether {@code lt}, {@code gt}, {@code between} … apply to this type. */
    public boolean isOrdered() {
        return this == NUMBER || this == MONEY || this == DATE;
    }
}
