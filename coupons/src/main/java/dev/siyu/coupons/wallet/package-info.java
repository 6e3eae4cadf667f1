/** Issued coupons as members hold them: {@link dev.siyu.coupons.wallet.Coupon} and its id. */
package dev.siyu.coupons.wallet;
