package dev.siyu.core.points;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The points ledger of one {@link PointsProgram}: applies {@link PointsCommand}s to immutable
 * {@link PointsAccount}s and answers balance queries. Pure: no clock, no I/O, no global state.
 *
 * <p>Every command is idempotent by its {@link dev.siyu.core.id.OperationId}: if the account already
 * recorded the operation, a command with the same payload returns
 * {@link PointsOutcome.Duplicate} (wrapping the recorded outcome, in its recorded form: the same
 * balance change or reject reason, see {@link PointsOutcome#asRecorded()}) and one with a different
 * payload {@link PointsOutcome.Conflict}, both with the account unchanged and no events. Operation
 * ids are recorded as 128-bit digests ({@link dev.siyu.core.kernel.OperationDigest}, with its
 * collision bound) and payloads compared by a stable 64-bit fingerprint of the fields the ledger
 * reads. Rejections are recorded too, so a replay is refused the same way even if the balance
 * changed since.
 *
 * <p><b>Refunds</b> ({@link PointsCommand.RefundOrder}) work cumulatively per order, so refunding
 * every unit in any number of partial refunds nets out exactly:
 * <ul>
 *   <li>earned points reversed on a line after {@code r} of its {@code q} units were returned:
 *       {@code ceil(earnedOnLine × r / q)} in total ({@link java.math.RoundingMode#CEILING});</li>
 *   <li>points that paid for the order returned after net {@code n} of the order's net {@code N} was
 *       refunded: {@code floor(pointsPaid × n / N)} in total ({@link java.math.RoundingMode#DOWN});
 *       they are credited first, as a new lot available at once whose expiry follows the program's
 *       policy from the refund date (after repaying any overdraft or debt);</li>
 *   <li>the reversal is taken from the lot the order's earn credited first (once that lot, past its
 *       pending period, was merged with others of its expiry date, from the merged lot), then from
 *       any other unexpired lot (pending ones included) in consumption order; what cannot be taken
 *       is handled by the {@link NegativeBalancePolicy};</li>
 *   <li>with a {@link PointsProgram#refundWindowDays() refund window}, a refund of an order placed
 *       before the window is refused ({@link RejectReason#REFUND_WINDOW_CLOSED}) and changes nothing,
 *       as is an earn on such an order ({@link RejectReason#EARN_WINDOW_CLOSED}).</li>
 * </ul>
 *
 * <p><b>Expiry</b> is applied by {@link PointsCommand.Expire}; until then expired lots are simply not
 * spendable ({@link #available}) nor taken back, though they still count in
 * {@link PointsAccount#balance()}.
 *
 * <p>Example:
 * <pre>{@code
 * PointsEngine engine = PointsEngine.of(PointsProgram.builder().pendingDays(7)
 *         .expiry(ExpiryPolicy.endOfNextYear()).build());
 * PointsAccount account = PointsAccount.empty(member);
 * PointsResult earned = engine.apply(account, new PointsCommand.Earn(OperationId.of("o-1:earn"),
 *         order.placedAt(), order, profile, Optional.of(TierId.of("GOLD"))));
 * account = earned.account();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PointsEngine {

    /** The engine of {@code program}. */
    static PointsEngine of(PointsProgram program) {
        return new DefaultPointsEngine(Objects.requireNonNull(program, "program"));
    }

    /** The program this engine runs. */
    PointsProgram program();

    /**
     * Applies {@code command} to {@code account}.
     *
     * @return the new account, its events and the outcome; a refusal is an outcome, not an exception
     * @throws IllegalArgumentException for caller errors: an order of another member or currency, a
     *     refund returning more units than sold or naming an unknown line; nothing is changed
     */
    PointsResult apply(PointsAccount account, PointsCommand command);

    /** Points spendable at {@code at}: live lots past their pending period and not expired at its business date. */
    long available(PointsAccount account, Instant at);

    /** Points still pending (inside their return window) at {@code at}. */
    long pending(PointsAccount account, Instant at);

    /**
     * Live points that are still valid at {@code at} and expire within {@code days} days of its
     * business date (expiry date {@code <= date + days}), grouped by expiry date, earliest first.
     *
     * @throws IllegalArgumentException if {@code days < 0}
     */
    List<ExpiringPoints> expiringWithin(PointsAccount account, Instant at, int days);
}
