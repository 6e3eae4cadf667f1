/**
 * Cost sharing: who funds each discount (mall or counter, by ratio) and settlement statements per
 * counter and period. Entry point: {@link dev.siyu.coupons.settlement.Settlement}.
 */
package dev.siyu.coupons.settlement;
