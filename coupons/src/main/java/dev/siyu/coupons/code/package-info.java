/** Readable, check-digited, collision-free coupon codes: {@link dev.siyu.coupons.code.CouponCodes}. */
package dev.siyu.coupons.code;
