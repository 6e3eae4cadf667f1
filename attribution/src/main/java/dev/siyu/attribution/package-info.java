/**
 * Shopping-guide (导购) attribution and commission: customer–guide binding, roles on an order,
 * transfers on departure and on duty, commission plans with freeze and clawback, KPIs and targets.
 *
 * <p>Depends on {@code siyu-core} only. Filled by the attribution issue; nothing is public yet.
 */
package dev.siyu.attribution;
