/**
 * Exact money: {@link dev.siyu.core.money.Money} (long minor units and a currency) and
 * {@link dev.siyu.core.money.Allocation}, the largest-remainder split every discount, refund and
 * points share in Siyu goes through.
 */
package dev.siyu.core.money;
