package dev.siyu.attribution.credit;

/** The part a guide played in an order (Youzan's serviceGuide / salesGuide / salesman / 开卡导购). */
public enum GuideRole {
    /** The customer's exclusive (bound) guide in the line's store or brand: 专属导购. */
    SERVICE,
    /** The guide at the till who made the sale: 销售导购. */
    SALE,
    /** The guide whose link or code, shared through WeCom, the customer ordered from: 分享导购. */
    SHARER,
    /** The guide who opened the customer's membership card: 开卡导购. */
    CARD_OPENING
}
