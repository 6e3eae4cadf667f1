package dev.siyu.attribution.commission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.WriteResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LedgerConcurrencyTest {

    static final GuideId G = GuideId.of("hot");
    final CommissionLedger engine = CommissionLedger.of(CommissionPlan.builder().build());
    final InMemoryVersionedStore<GuideId, GuideLedger> store = new InMemoryVersionedStore<>();

    Outcome book(int order) {
        Accrual a = new Accrual(G, MemberId.of("M" + order), OrderId.of("O" + order),
                Instant.parse("2026-03-10T04:00:00Z"), YearMonth.of(2026, 3), LocalDate.of(2026, 3, 17),
                Money.cnyMinor(100 + order % 7), Money.cnyMinor(1000), 1);
        OperationId op = OperationId.of("O" + order + ":hot");
        while (true) {
            Versioned<GuideLedger> current = store.load(G).orElse(null);
            GuideLedger ledger = current == null ? engine.open(G) : current.value();
            LedgerResult r = engine.accrue(ledger, a, op);
            if (!(r.outcome() instanceof Outcome.Applied)) {
                return r.outcome();
            }
            WriteResult w = store.write(G, current == null ? 0 : current.version(), r.ledger(), op);
            if (w == WriteResult.WRITTEN) {
                return r.outcome();
            }
            if (w == WriteResult.ALREADY_APPLIED) {
                return new Outcome.Duplicate(r.outcome());
            }
        }
    }

    @Test
    void concurrent_bookings_and_retries_on_one_hot_guide_count_every_order_exactly_once() throws Exception {
        int orders = 400;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger applied = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < orders; i++) {
                    if (book(i) instanceof Outcome.Applied) {
                        applied.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long expected = 0;
        for (int i = 0; i < orders; i++) {
            expected += 100 + i % 7;
        }
        GuideLedger ledger = store.load(G).orElseThrow().value();
        assertThat(applied.get()).isEqualTo(orders);
        assertThat(ledger.frozen()).isEqualTo(Money.cnyMinor(expected));
        assertThat(ledger.open().get(YearMonth.of(2026, 3)).orders()).isEqualTo(orders);
    }
}
