/**
 * Coupons and promotions that never lose money: templates (满减, 无门槛, percent off with a cap,
 * first-order prices, cross-counter thresholds, stored-value group vouchers), issuance with limits
 * and budgets, best-offer choice under stacking rules, exact allocation of every discount to lines,
 * reservation and idempotent redemption, refunds and cost sharing.
 *
 * <p>Depends on {@code siyu-core} only. Entry points: {@code template.CouponTemplates} (JSON) and
 * {@code template.CouponTemplate.builder}, {@code checkout.Checkout} (validate a wallet, best
 * offer, line shares), {@code redemption.CouponLedger} (issue, reserve, commit, release, redeem,
 * refund through the host's versioned stores), {@code redemption.PointsExchange},
 * {@code settlement.Settlement}, {@code journey.Journeys}, {@code code.CouponCodes}.
 */
package dev.siyu.coupons;
