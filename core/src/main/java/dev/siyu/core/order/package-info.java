/**
 * Orders, their lines and tenders, and refunds by line and quantity: the facts every engine in
 * Siyu (points, tiers, coupons, attribution, churn) is fed.
 */
package dev.siyu.core.order;
