package dev.siyu.core.churn;

/** A member's sleeping level (沉睡等级), from least to most severe; ordinals are stable (batch output). */
public enum ChurnLevel {
    /** Buying as expected. */
    ACTIVE,
    /** Overdue or likely drifting away: worth a reminder. */
    AT_RISK,
    /** Sleeping (沉睡会员): a wake-up campaign target. */
    SLEEPING,
    /** Most likely gone. */
    LOST
}
