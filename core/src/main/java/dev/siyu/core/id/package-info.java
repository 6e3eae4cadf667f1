/**
 * Typed identifiers of the retail domain: members, guides, stores, counters, brands, categories,
 * SKUs, orders, refunds, tiers, coupon templates and operations.
 */
package dev.siyu.core.id;
