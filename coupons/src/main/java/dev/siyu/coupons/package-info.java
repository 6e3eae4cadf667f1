/**
 * Coupons and promotions that never lose money: templates (满减, 无门槛, percent off with a cap,
 * first-order prices, cross-counter thresholds, stored-value group vouchers), issuance with limits
 * and budgets, best-offer choice under stacking rules, exact allocation of every discount to lines,
 * reservation and idempotent redemption, refunds and cost sharing.
 *
 * <p>Depends on {@code siyu-core} only. Filled by the coupons issue; nothing is public yet.
 */
package dev.siyu.coupons;
