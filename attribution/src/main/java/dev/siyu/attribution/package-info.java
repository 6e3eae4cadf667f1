/**
 * Shopping-guide (导购) attribution and commission: customer–guide binding, roles on an order,
 * transfers on departure and on duty, commission plans with freeze and clawback, KPIs and targets.
 *
 * <p>Subpackages: {@code binding} (who a customer belongs to, with protection, validity, history
 * and on-duty transfers), {@code credit} (which guides an order's lines are credited to, by role
 * and configurable precedence), {@code commission} (plans, per-order commission records, the
 * per-guide ledger with freeze, settlement and clawback), {@code transfer} (离职继承),
 * {@code target} and {@code kpi} (targets split exactly, progress, forecasts, leaderboards),
 * {@code view} (guide-facing customer views with masked phone numbers), {@code event} (the events
 * hosts publish). Commands return results with a sealed {@link dev.siyu.attribution.Outcome};
 * engines are immutable and thread-safe and never read the clock. Depends on {@code siyu-core} only.
 */
package dev.siyu.attribution;
