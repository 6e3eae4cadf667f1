/**
 * Checkout: validate a wallet against a basket with a reason per coupon, choose the exact best
 * combination under stacking rules and allocate every discount to lines. Entry point:
 * {@link dev.siyu.coupons.checkout.Checkout}.
 */
package dev.siyu.coupons.checkout;
