package dev.siyu.coupons.event;

import dev.siyu.core.event.EventFamily;
import java.util.Map;

/** The JSON type names of {@link CouponEvent}s. */
final class CouponEventTypes {

    static final EventFamily<CouponEvent> FAMILY = EventFamily.of(CouponEvent.class, Map.of(
            "coupon-issued", CouponEvent.CouponIssued.class,
            "coupon-reserved", CouponEvent.CouponReserved.class,
            "coupon-redeemed", CouponEvent.CouponRedeemed.class,
            "coupon-released", CouponEvent.CouponReleased.class,
            "coupon-refunded", CouponEvent.CouponRefunded.class));

    private CouponEventTypes() {
    }
}
