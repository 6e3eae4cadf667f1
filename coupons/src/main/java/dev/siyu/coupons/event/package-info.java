/**
 * Coupon domain events: {@link dev.siyu.coupons.event.CouponEvent} and its records, which serialise
 * with {@link dev.siyu.core.event.Events#toJson} and read back with
 * {@link dev.siyu.coupons.event.CouponEvent#fromJson}.
 */
package dev.siyu.coupons.event;
