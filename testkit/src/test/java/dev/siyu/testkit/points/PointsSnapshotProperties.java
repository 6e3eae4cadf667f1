package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.order.Order;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.points.PointsSnapshot;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * An account written to JSON as a {@link PointsSnapshot} and restored behaves as the account it came
 * from: on random programs (most with a refund window, which drops order records, and an idempotency
 * window, which forgets operations) and random command sequences (earns,
 * redemptions, refunds, expiry, exact replays and conflicting reuses of ids), the account is
 * snapshotted, written, read and restored after every step, and the next command is applied to
 * both; outcomes, balances, lots, totals and the next snapshot are the same, a replay of any
 * earlier command gives the same recorded outcome on both, and so do late earns under new ids dated
 * as earlier ones (of new orders, and of orders already earned).
 */
class PointsSnapshotProperties {

    private static final MemberId M = MemberId.of("M1");

    @Test
    void a_restored_snapshot_behaves_as_the_account_it_was_taken_from_at_every_step() {
        qt().withExamples(200).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 60)),
                SourceDSL.integers().between(0, 60), SourceDSL.integers().between(0, 40))
                .checkAssert((generated, commands, days, refundDays) -> {
                    PointsProgram.Builder program = generated.toBuilder();
                    if (refundDays > 0) {
                        program.refundWindowDays(refundDays);
                    }
                    if (days > 0) {
                        program.idempotencyWindow(IdempotencyWindow.ofDays(Math.max(days, refundDays)));
                    }
                    PointsEngine engine = PointsEngine.of(program.build());
                    PointsAccount account = PointsAccount.empty(M);
                    for (int i = 0; i < commands.size(); i++) {
                        PointsCommand c = commands.get(i);
                        String where = "before step " + i + " " + c.operation();
                        PointsAccount restored = roundTrip(account);
                        assertThat(restored.snapshot()).as(where).isEqualTo(account.snapshot());
                        SameAccounts.assertSameState(restored, account, where);
                        assertThat(restored.version()).as(where).isEqualTo(account.version());
                        PointsResult ra = engine.apply(account, c);
                        PointsResult rb = engine.apply(restored, c);
                        SameAccounts.assertSameOutcome(rb, ra, where);
                        assertThat(rb.outcome().getClass()).as(where).isEqualTo(ra.outcome().getClass());
                        if (ra.outcome() instanceof PointsOutcome.Duplicate d) {
                            assertThat(((PointsOutcome.Duplicate) rb.outcome()).recorded()).as(where)
                                    .isEqualTo(d.recorded());
                        }
                        assertThat(rb.account().snapshot()).as(where).isEqualTo(ra.account().snapshot());
                        account = ra.account();
                    }
                    // every command once more: each is a replay (or too old) on both, the same way
                    PointsAccount restored = roundTrip(account);
                    for (PointsCommand c : commands) {
                        PointsResult ra = engine.apply(account, c);
                        PointsResult rb = engine.apply(restored, c);
                        assertThat(rb.outcome()).as("replay " + c.operation()).isEqualTo(ra.outcome());
                    }
                    // late commands under new ids, dated as the earlier ones: an earn of an order of
                    // that date, the same order earned again, dropped records and windows decide
                    int late = 0;
                    for (PointsCommand c : commands) {
                        if (c instanceof PointsCommand.Earn e) {
                            Order fresh = PointsGenerators.order(new SplittableRandom(late), M, OrderId.of("LATE-" + late),
                                    e.at());
                            for (PointsCommand l : List.of(
                                    new PointsCommand.Earn(OperationId.of("late-" + late), e.at(), fresh, e.profile(), e.tier()),
                                    new PointsCommand.Earn(OperationId.of("again-" + late), e.at(), e.order(), e.profile(),
                                            e.tier()))) {
                                PointsResult ra = engine.apply(account, l);
                                PointsResult rb = engine.apply(restored, l);
                                SameAccounts.assertSameOutcome(rb, ra, "late " + l.operation());
                                assertThat(rb.account().snapshot()).as("late " + l.operation())
                                        .isEqualTo(ra.account().snapshot());
                                account = ra.account();
                                restored = rb.account();
                            }
                            late++;
                        }
                    }
                });
    }

    @Test
    void a_snapshot_of_a_busy_account_reads_back_equal_from_json() {
        qt().withExamples(50).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 120)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsAccount account = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        account = engine.apply(account, c).account();
                    }
                    PointsSnapshot snapshot = account.snapshot();
                    String json = SiyuJson.write(snapshot);
                    assertThat(SiyuJson.read(json, PointsSnapshot.class)).isEqualTo(snapshot);
                    assertThat(snapshot.lots()).hasSize(account.lots().size());
                    assertThat(snapshot.operations()).hasSize(account.operationCount());
                });
    }

    private static PointsAccount roundTrip(PointsAccount account) {
        String json = SiyuJson.write(account.snapshot());
        return PointsAccount.restore(SiyuJson.read(json, PointsSnapshot.class));
    }
}
