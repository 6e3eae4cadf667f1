package dev.siyu.testkit.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.store.InMemoryVersionedStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PointsLedgerConcurrencyTest {

    static final MemberId M = MemberId.of("M1");

    /** An order of one line worth {@code yuan}, paid by card. */
    static Order order(String id, long yuan) {
        Money net = Money.cnyMinor(yuan * 100);
        return new Order(OrderId.of(id), M, PointsGenerators.START, StoreId.of("S1"), SalesChannel.STORE,
                List.of(OrderLine.of(1, StoreId.of("S1"), BrandId.of("B"), CategoryId.of("C"), SkuId.of("K"), 1, net)),
                List.of(Tender.of(TenderType.CARD, net)));
    }

    static PointsCommand.Earn earn(String id, long yuan) {
        return new PointsCommand.Earn(OperationId.of(id), PointsGenerators.START, order(id, yuan),
                MemberProfile.of(M, LocalDate.of(2020, 1, 1), AcquisitionChannel.STORE_TILL), Optional.empty());
    }

    @Nested
    class EightThreadsRedeemingFromOneAccount {

        @Test
        void never_spend_more_than_was_available_and_record_each_success_once() throws Exception {
            PointsEngine engine = PointsEngine.of(PointsProgram.builder().build());
            InMemoryVersionedStore<MemberId, PointsAccount> store = new InMemoryVersionedStore<>();
            PointsLedger ledger = new PointsLedger(engine, store, 10_000);
            ledger.apply(M, earn("fund", 10_000));
            int threads = 8;
            int perThread = 150;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            Map<OperationId, Long> successes = new ConcurrentHashMap<>();
            Map<OperationId, PointsOutcome> outcomes = new ConcurrentHashMap<>();
            try {
                List<Future<?>> futures = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        SplittableRandom random = new SplittableRandom(thread);
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            long points = random.nextLong(1, 120);
                            OperationId op = OperationId.of("t" + thread + "-" + i);
                            PointsCommand.RedeemForReward cmd = new PointsCommand.RedeemForReward(op,
                                    PointsGenerators.START.plus(Duration.ofDays(1)), "GIFT", points);
                            PointsResult r = ledger.apply(M, cmd);
                            outcomes.put(op, r.outcome());
                            if (r.outcome() instanceof PointsOutcome.Applied) {
                                assertThat(successes.put(op, points)).isNull();
                            }
                            if (i % 10 == 0) {
                                PointsResult replay = ledger.apply(M, cmd);
                                assertThat(replay.outcome()).isEqualTo(new PointsOutcome.Duplicate(r.outcome().asRecorded()));
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            PointsAccount account = ledger.account(M);
            long spent = successes.values().stream().mapToLong(Long::longValue).sum();
            assertThat(spent).isLessThanOrEqualTo(10_000);
            assertThat(account.balance()).isEqualTo(10_000 - spent).isGreaterThanOrEqualTo(0);
            assertThat(account.totals().redeemed()).isEqualTo(spent);
            assertThat(account.balance()).isEqualTo(account.totals().net());
            assertThat(successes).isNotEmpty();
            assertThat(outcomes).hasSize(threads * perThread);
            outcomes.forEach((op, outcome) -> assertThat(account.outcomeOf(op)).contains(outcome.asRecorded()));
            assertThat(account.operationCount()).isEqualTo(1 + threads * perThread);
        }
    }
}
