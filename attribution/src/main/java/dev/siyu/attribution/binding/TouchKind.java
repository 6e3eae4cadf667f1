package dev.siyu.attribution.binding;

/** What brought a guide and a customer together. */
public enum TouchKind {
    /** The customer added the guide on WeCom (scan, card share, store code …). */
    ADD,
    /** The customer engaged with the guide: opened a shared link, chatted, booked. */
    INTERACTION,
    /** The guide served an order of the customer. */
    ORDER
}
