package dev.siyu.core.order;

/** How part of an order was paid. */
public enum TenderType {
    /** Cash at the till. */
    CASH,
    /** Bank or credit card. */
    CARD,
    /** WeChat Pay, Alipay and other mobile wallets. */
    MOBILE,
    /** Loyalty points redeemed as payment (积分抵现). */
    POINTS,
    /** A stored-value card or group voucher balance (储值, 团券). */
    STORED_VALUE
}
