package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.store.InMemoryVersionedStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PointsLedgerFaultTest {

    private static final MemberId M = MemberId.of("M1");

    @Nested
    class WhenTheStoreFailsAroundWrites {

        @Test
        void retrying_with_the_same_operation_id_converges_to_exactly_one_effect() {
            qt().withExamples(100).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 40)),
                    gen(r -> r.nextLong()))
                    .checkAssert((program, commands, seed) -> {
                        PointsEngine engine = PointsEngine.of(program);
                        FaultyStore<MemberId, PointsAccount> faulty = new FaultyStore<>(new InMemoryVersionedStore<>(),
                                new SplittableRandom(seed), 20, 20);
                        PointsLedger ledger = new PointsLedger(engine, faulty);
                        PointsAccount reference = PointsAccount.empty(M);
                        for (PointsCommand c : commands) {
                            PointsResult expected = engine.apply(reference, c);
                            reference = expected.account();
                            PointsResult got = null;
                            for (int attempt = 0; got == null; attempt++) {
                                assertThat(attempt).as("attempts").isLessThan(200);
                                try {
                                    got = ledger.apply(M, c);
                                } catch (FaultyStore.Failure e) {
                                    // the host retries with the same operation id
                                }
                            }
                            assertThat(effective(got.outcome())).isEqualTo(effective(expected.outcome()));
                        }
                        PointsAccount stored = ledger.account(M);
                        assertThat(stored.balance()).isEqualTo(reference.balance());
                        assertThat(stored.totals()).isEqualTo(reference.totals());
                        assertThat(stored.lots()).isEqualTo(reference.lots());
                        assertThat(stored.operationCount()).isEqualTo(reference.operationCount());
                        assertThat(stored.version()).isEqualTo(reference.version());
                    });
        }

        @Test
        void a_write_that_committed_before_failing_is_reported_as_the_recorded_outcome_on_retry() {
            PointsEngine engine = PointsEngine.of(dev.siyu.core.points.PointsProgram.builder().build());
            FaultyStore<MemberId, PointsAccount> alwaysAfter = new FaultyStore<>(new InMemoryVersionedStore<>(),
                    new SplittableRandom(1), 0, 100);
            PointsLedger failing = new PointsLedger(engine, alwaysAfter);
            PointsCommand.Earn earn = PointsLedgerConcurrencyTest.earn("e1", 100);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.apply(M, earn))
                    .isInstanceOf(FaultyStore.Failure.class);
            PointsResult retry = failing.apply(M, earn);
            assertThat(retry.outcome()).isInstanceOfSatisfying(PointsOutcome.Duplicate.class,
                    d -> assertThat(d.recorded()).isInstanceOf(PointsOutcome.Applied.class));
            assertThat(failing.account(M).balance()).isEqualTo(100);
            assertThat(alwaysAfter.failedAfter).isEqualTo(1);
        }
    }

    /** Applied or Rejected in recorded form (amount or reason); a duplicate stands for the outcome it repeats. */
    private static Object effective(PointsOutcome outcome) {
        if (outcome instanceof PointsOutcome.Duplicate d) {
            return d.recorded();
        }
        if (outcome instanceof PointsOutcome.Conflict c) {
            return "conflict:" + c.operation();
        }
        return outcome.asRecorded();
    }
}
