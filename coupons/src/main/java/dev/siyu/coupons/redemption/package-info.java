/**
 * Issuance, reservation, commit, release, idempotent redemption and refunds of coupons through the
 * host's versioned stores. Entry point: {@link dev.siyu.coupons.redemption.CouponLedger}.
 */
package dev.siyu.coupons.redemption;
