/**
 * Coupon templates: benefit, eligibility, validity, stacking, limits, funding and refund policy,
 * built in Java ({@link dev.siyu.coupons.template.CouponTemplate#builder}) or read from JSON
 * ({@link dev.siyu.coupons.template.CouponTemplates#parse}).
 */
package dev.siyu.coupons.template;
