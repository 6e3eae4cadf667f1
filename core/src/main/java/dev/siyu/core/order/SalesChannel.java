package dev.siyu.core.order;

/** Where an order was placed. */
public enum SalesChannel {
    /** At a till in a store or at a counter. */
    STORE,
    /** In the retailer's WeChat mini-program (小程序), including the mini-program cashier. */
    MINI_PROGRAM,
    /** In an online mall or app. */
    ONLINE,
    /** Through a guide's shared link or WeCom conversation (导购分销). */
    GUIDE_SHARE,
    /** In a live stream. */
    LIVE_STREAM
}
