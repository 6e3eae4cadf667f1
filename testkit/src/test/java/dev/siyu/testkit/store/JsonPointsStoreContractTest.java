package dev.siyu.testkit.store;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.points.PointsSnapshot;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.VersionedStore;
import dev.siyu.core.store.WriteResult;
import dev.siyu.testkit.points.PointsGenerators;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A host store that keeps each member's points account as its snapshot's JSON text (as a table row
 * or a cache entry would) passes the store contract, and a {@link PointsLedger} over it applies
 * random command sequences exactly as the engine does on accounts held in memory.
 */
class JsonPointsStoreContractTest extends VersionedStoreContract<MemberId, PointsAccount> {

    private static final PointsEngine ENGINE = PointsEngine.of(PointsProgram.builder().build());

    /** A member's row: the account's JSON, its version and the operation ids written with it. */
    private record Row(String json, long version, Set<String> operations) {
    }

    /** The host's store: JSON text per member, written under the row's lock. */
    private static final class JsonPointsStore implements VersionedStore<MemberId, PointsAccount> {
        private final ConcurrentHashMap<MemberId, Row> rows = new ConcurrentHashMap<>();

        @Override
        public Optional<Versioned<PointsAccount>> load(MemberId key) {
            Row row = rows.get(key);
            return row == null ? Optional.empty()
                    : Optional.of(new Versioned<>(PointsAccount.restore(SiyuJson.read(row.json(), PointsSnapshot.class)),
                            row.version()));
        }

        @Override
        public WriteResult write(MemberId key, long expectedVersion, PointsAccount value, OperationId operation) {
            String json = SiyuJson.write(value.snapshot());
            WriteResult[] result = new WriteResult[1];
            rows.compute(key, (k, row) -> {
                if (row != null && row.operations().contains(operation.value())) {
                    result[0] = WriteResult.ALREADY_APPLIED;
                    return row;
                }
                if ((row == null ? 0 : row.version()) != expectedVersion) {
                    result[0] = WriteResult.VERSION_CONFLICT;
                    return row;
                }
                Set<String> ops = ConcurrentHashMap.newKeySet();
                if (row != null) {
                    ops.addAll(row.operations());
                }
                ops.add(operation.value());
                result[0] = WriteResult.WRITTEN;
                return new Row(json, expectedVersion + 1, ops);
            });
            return result[0];
        }

        @Override
        public boolean isApplied(MemberId key, OperationId operation) {
            Row row = rows.get(key);
            return row != null && row.operations().contains(operation.value());
        }
    }

    @Override
    protected VersionedStore<MemberId, PointsAccount> newStore() {
        return new JsonPointsStore();
    }

    @Override
    protected MemberId key(int i) {
        return MemberId.of("M" + i);
    }

    /** Member V{i}'s account after one earn: accounts of different members differ. */
    @Override
    protected PointsAccount value(int i) {
        MemberId member = MemberId.of("V" + i);
        SplittableRandom r = new SplittableRandom(i);
        PointsCommand.Earn earn = new PointsCommand.Earn(OperationId.of("earn-" + i), PointsGenerators.START,
                PointsGenerators.order(r, member, OrderId.of("O" + i), PointsGenerators.START),
                PointsGenerators.profile(r, member), Optional.empty());
        return ENGINE.apply(PointsAccount.empty(member), earn).account();
    }

    @Test
    void a_ledger_over_the_json_store_comes_out_as_the_engine_in_memory() {
        MemberId member = MemberId.of("M1");
        qt().withExamples(60).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, member, 40)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsLedger ledger = new PointsLedger(engine, new JsonPointsStore());
                    PointsAccount inMemory = PointsAccount.empty(member);
                    for (PointsCommand c : commands) {
                        PointsResult expected = engine.apply(inMemory, c);
                        PointsResult stored = ledger.apply(member, c);
                        assertThat(stored.outcome().getClass()).as("%s", c.operation())
                                .isEqualTo(expected.outcome().getClass());
                        if (expected.outcome() instanceof PointsOutcome.Applied a) {
                            assertThat(((PointsOutcome.Applied) stored.outcome()).balanceChange()).isEqualTo(a.balanceChange());
                        }
                        inMemory = expected.account();
                        assertThat(ledger.account(member)).as("%s", c.operation()).isEqualTo(inMemory);
                    }
                });
    }
}
