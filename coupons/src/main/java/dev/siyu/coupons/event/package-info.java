/** Coupon domain events: {@link dev.siyu.coupons.event.CouponEvent} and its records. */
package dev.siyu.coupons.event;
