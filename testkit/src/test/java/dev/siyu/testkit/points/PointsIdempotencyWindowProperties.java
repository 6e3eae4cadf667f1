package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.order.Order;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.points.RejectReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * A program with an idempotency window against the same program without one, on the same random
 * command sequences (new commands in time order, exact replays and conflicting reuses of earlier
 * ones at their original dates): a command the windowed account refuses as too old is one the
 * unbounded account also would not apply (a replay or a conflict), and leaves the account as it
 * was; every other command comes out exactly as without a window (outcome, balance, debt, lots,
 * totals). So no command is applied twice, however much the windowed account has forgotten.
 */
class PointsIdempotencyWindowProperties {

    private static final MemberId M = MemberId.of("M1");

    @Test
    void a_command_refused_as_too_old_is_one_the_unbounded_account_would_not_apply_and_everything_else_is_the_same() {
        qt().withExamples(300).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 80)),
                SourceDSL.integers().between(1, 60)).checkAssert((program, commands, days) -> {
                    PointsEngine open = PointsEngine.of(program);
                    PointsProgram.Builder windowed = program.toBuilder().idempotencyWindow(IdempotencyWindow.ofDays(
                            Math.max(days, program.refundWindowDays().orElse(0))));
                    PointsEngine bounded = PointsEngine.of(windowed.build());
                    PointsAccount a = PointsAccount.empty(M);
                    PointsAccount b = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        String where = c.operation() + " window " + days;
                        PointsResult ra = open.apply(a, c);
                        PointsResult rb = bounded.apply(b, c);
                        if (rb.outcome() instanceof PointsOutcome.Rejected x
                                && x.reason() == RejectReason.OUTSIDE_IDEMPOTENCY_WINDOW) {
                            assertThat(ra.outcome()).as(where).isInstanceOfAny(PointsOutcome.Duplicate.class,
                                    PointsOutcome.Conflict.class);
                            assertThat(rb.events()).isEmpty();
                            assertThat(rb.account().lots()).as(where).isEqualTo(b.lots());
                            assertThat(rb.account().totals()).as(where).isEqualTo(b.totals());
                            assertThat(rb.account().balance()).as(where).isEqualTo(b.balance());
                            assertThat(rb.account().debt()).as(where).isEqualTo(b.debt());
                            b = rb.account();
                            continue;
                        }
                        if (rb.outcome() instanceof PointsOutcome.Duplicate d
                                && d.recorded() instanceof PointsOutcome.Rejected x
                                && x.reason() == RejectReason.OUTSIDE_IDEMPOTENCY_WINDOW) {
                            // a replay of a command refused as too old, not forgotten yet
                            assertThat(ra.outcome()).as(where).isInstanceOfAny(PointsOutcome.Duplicate.class,
                                    PointsOutcome.Conflict.class);
                            continue;
                        }
                        assertThat(rb.outcome().getClass()).as(where).isEqualTo(ra.outcome().getClass());
                        if (ra.outcome() instanceof PointsOutcome.Applied x) {
                            assertThat(((PointsOutcome.Applied) rb.outcome()).balanceChange()).as(where)
                                    .isEqualTo(x.balanceChange());
                        } else if (ra.outcome() instanceof PointsOutcome.Rejected x) {
                            assertThat(((PointsOutcome.Rejected) rb.outcome()).reason()).as(where).isEqualTo(x.reason());
                        }
                        a = ra.account();
                        b = rb.account();
                        assertThat(b.lots()).as(where).isEqualTo(a.lots());
                        assertThat(b.totals()).as(where).isEqualTo(a.totals());
                        assertThat(b.balance()).as(where).isEqualTo(a.balance());
                        assertThat(b.debt()).as(where).isEqualTo(a.debt());
                        assertThat(b.operationCount()).as(where).isLessThanOrEqualTo(a.operationCount());
                    }
                });
    }

    @Test
    void a_year_of_daily_orders_leaves_about_a_window_of_operations_and_an_old_retry_is_refused() {
        PointsProgram program = PointsProgram.fromJson("""
                {"schemaVersion": 1, "lots": {"refundWindowDays": 30}, "idempotency": {"windowDays": 40}}""");
        PointsEngine engine = PointsEngine.of(program);
        SplittableRandom random = new SplittableRandom(7);
        PointsAccount account = PointsAccount.empty(M);
        PointsCommand.Earn first = null;
        for (int day = 0; day < 365; day++) {
            Instant at = PointsGenerators.START.plus(Duration.ofDays(day));
            Order order = PointsGenerators.order(random, M, OrderId.of("O" + day), at);
            PointsCommand.Earn earn = new PointsCommand.Earn(OperationId.of("O" + day + ":earn"), at, order,
                    PointsGenerators.profile(random, M), Optional.empty());
            first = first == null ? earn : first;
            account = engine.apply(account, earn).account();
            assertThat(account.operationCount()).isLessThanOrEqualTo(40 + 10 + 1);
        }
        PointsCommand.Earn firstEarn = first;
        PointsResult retry = engine.apply(account, firstEarn);
        assertThat(retry.outcome()).isInstanceOfSatisfying(PointsOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.OUTSIDE_IDEMPOTENCY_WINDOW);
            assertThat(r.explanation().facts()).containsEntry("windowDays", "40")
                    .containsEntry("commandOn", LocalDate.ofInstant(firstEarn.at(), program.zone()).toString());
        });
        assertThat(retry.account().balance()).isEqualTo(account.balance());
        assertThat(retry.account().totals()).isEqualTo(account.totals());
    }

    @Test
    void a_window_shorter_than_the_refund_window_is_refused_naming_its_pointer() {
        assertThatThrownBy(() -> PointsProgram.fromJson("""
                {"schemaVersion": 1, "lots": {"refundWindowDays": 30}, "idempotency": {"windowDays": 20}}"""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/idempotency/windowDays")
                .hasMessageContaining("expected at least /lots/refundWindowDays 30 but found 20");
        assertThatThrownBy(() -> PointsProgram.fromJson("""
                {"schemaVersion": 1, "idempotency": {"windowDays": -1}}"""))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/idempotency/windowDays");
        assertThatThrownBy(() -> PointsProgram.builder().refundWindowDays(30)
                .idempotencyWindow(IdempotencyWindow.ofDays(10)).build())
                .hasMessage("idempotency window days must be >= refundWindowDays 30: 10");
        assertThat(PointsProgram.fromJson("{\"schemaVersion\": 1}").idempotencyWindow().isUnbounded()).isTrue();
    }
}
