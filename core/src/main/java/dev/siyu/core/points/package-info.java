/**
 * The points ledger (积分): earn rules, lots with a pending period and expiry, redemption as payment
 * or for rewards, refunds that reverse earned points and return spent ones, and an explicit
 * negative-balance policy.
 *
 * <p>Entry points: {@link dev.siyu.core.points.PointsProgram} (validated configuration, builder or
 * JSON), {@link dev.siyu.core.points.PointsEngine#of} (the pure engine over immutable
 * {@link dev.siyu.core.points.PointsAccount}s) and {@link dev.siyu.core.points.PointsLedger} (the
 * same over a host {@link dev.siyu.core.store.VersionedStore}, with conditional writes and retries).
 * Commands are {@link dev.siyu.core.points.PointsCommand}s; each returns a
 * {@link dev.siyu.core.points.PointsResult} with the new account, the
 * {@link dev.siyu.core.event.MembershipEvent}s and a sealed {@link dev.siyu.core.points.PointsOutcome}.
 *
 * <p>Invariants: {@code balance() == totals().net()} after every command (conservation); expiry
 * only removes points still left in expired lots; a command's operation id makes it idempotent.
 */
package dev.siyu.core.points;
