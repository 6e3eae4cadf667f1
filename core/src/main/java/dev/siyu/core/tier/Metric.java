package dev.siyu.core.tier;

/**
 * What a tier ladder counts to qualify a member. Thresholds and values are whole numbers in the
 * metric's unit. In JSON the constants are written {@code spend}, {@code points-earned} and
 * {@code order-count}.
 */
public enum Metric {
    /** Net spend in minor units of the program's currency (fen for CNY); refunds reduce it. */
    SPEND,
    /** Points earned (never points spent); reversals of earned points on refund reduce it. */
    POINTS_EARNED,
    /** Orders placed; a refund of a whole order removes it, a partial refund does not. */
    ORDER_COUNT
}
