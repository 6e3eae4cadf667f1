package dev.siyu.coupons.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Limits;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Failure modes F1, F2, F5: limits, per-coupon use and stored value under 16 concurrent threads. */
class CouponLedgerStressTest {

    static final int THREADS = 16;
    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final CouponTemplateId TEN = CouponTemplateId.of("ten");

    static CouponLedger ledger(Limits limits, Benefit benefit) {
        CouponTemplate t = CouponTemplate.builder(TEN, benefit)
                .validity(Validity.daysAfterIssue(7, ZoneId.of("Asia/Shanghai"))).limits(limits).build();
        return new CouponLedger(List.of(t), new InMemoryVersionedStore<>(), new InMemoryVersionedStore<>());
    }

    static AppliedCoupon use(Coupon c, Money amount) {
        return new AppliedCoupon(c, amount, List.of(new LineShare(1, amount)));
    }

    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(5)
    void sixteen_members_racing_for_a_limit_of_k_redemptions_get_exactly_k() throws Exception {
        int k = 5;
        CouponLedger ledger = ledger(new Limits(0, 0, k, Optional.of(Money.cny("1000"))),
                new Benefit.NoThreshold(Money.cny("10")));
        List<Callable<CouponResult>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            MemberId m = MemberId.of("m" + i);
            CouponId id = CouponId.of("c" + i);
            ledger.issue(OperationId.of("issue-" + i), m, id, TEN, T0);
            Coupon c = ledger.wallet(m).coupon(id).orElseThrow().coupon();
            int n = i;
            tasks.add(() -> ledger.redeem(OperationId.of("order-" + n), m, OrderId.of("O" + n), use(c, Money.cny("10")), T0));
        }
        List<CouponResult> results = race(tasks);
        assertThat(results.stream().filter(r -> r.outcome() instanceof CouponOutcome.Applied).count()).isEqualTo(k);
        assertThat(results).filteredOn(r -> r.outcome() instanceof CouponOutcome.Rejected)
                .allSatisfy(r -> assertThat(((CouponOutcome.Rejected) r.outcome()).reason())
                        .isEqualTo(CouponOutcome.Reason.REDEMPTION_LIMIT_REACHED));
        TemplateUsage u = ledger.usage(TEN);
        assertThat(u.redeemed()).isEqualTo(k);
        assertThat(u.spent()).isEqualTo(Money.cny("50"));
        assertThat(u.holds()).isEmpty();
    }

    @RepeatedTest(5)
    void a_budget_of_k_discounts_admits_exactly_k() throws Exception {
        int k = 7;
        CouponLedger ledger = ledger(new Limits(0, 0, 0, Optional.of(Money.cny("70"))),
                new Benefit.NoThreshold(Money.cny("10")));
        List<Callable<CouponResult>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            MemberId m = MemberId.of("m" + i);
            CouponId id = CouponId.of("c" + i);
            ledger.issue(OperationId.of("issue-" + i), m, id, TEN, T0);
            Coupon c = ledger.wallet(m).coupon(id).orElseThrow().coupon();
            int n = i;
            tasks.add(() -> ledger.redeem(OperationId.of("order-" + n), m, OrderId.of("O" + n), use(c, Money.cny("10")), T0));
        }
        assertThat(race(tasks).stream().filter(r -> r.outcome().succeeded()).count()).isEqualTo(k);
        assertThat(ledger.usage(TEN).spent()).isEqualTo(Money.cny("70"));
    }

    @RepeatedTest(5)
    void sixteen_orders_racing_for_one_coupon_use_it_once() throws Exception {
        CouponLedger ledger = ledger(Limits.none(), new Benefit.NoThreshold(Money.cny("10")));
        MemberId m = MemberId.of("m");
        ledger.issue(OperationId.of("issue"), m, CouponId.of("c"), TEN, T0);
        Coupon c = ledger.wallet(m).coupon(CouponId.of("c")).orElseThrow().coupon();
        List<Callable<CouponResult>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            tasks.add(() -> ledger.redeem(OperationId.of("order-" + n), m, OrderId.of("O" + n), use(c, Money.cny("10")), T0));
        }
        assertThat(race(tasks).stream().filter(r -> r.outcome().succeeded()).count()).isEqualTo(1);
        assertThat(ledger.usage(TEN).redeemed()).isEqualTo(1);
        assertThat(ledger.usage(TEN).holds()).isEmpty();
    }

    @Test
    void concurrent_spends_of_a_stored_value_voucher_never_overdraw_it() throws Exception {
        CouponLedger ledger = ledger(Limits.none(), new Benefit.StoredValue(Money.cny("750"), Money.cny("600")));
        MemberId m = MemberId.of("m");
        ledger.issue(OperationId.of("issue"), m, CouponId.of("v"), TEN, T0);
        Coupon v = ledger.wallet(m).coupon(CouponId.of("v")).orElseThrow().coupon();
        List<Callable<CouponResult>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            tasks.add(() -> {
                // each thread retries from the freshest balance until it succeeds or the balance is too low;
                // a busy voucher (reserved by another thread) is retried, bounded by time not attempts
                long deadline = System.nanoTime() + 20_000_000_000L;
                for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
                    Coupon fresh = ledger.wallet(m).coupon(v.id()).orElseThrow().coupon();
                    if (fresh.balance().isLessThan(Money.cny("100"))) {
                        return CouponResult.of(new CouponOutcome.Rejected(CouponOutcome.Reason.INSUFFICIENT_BALANCE,
                                dev.siyu.core.explain.Explanation.of("INSUFFICIENT_BALANCE")));
                    }
                    CouponResult r = ledger.redeem(OperationId.of("order-" + n + "-" + attempt), m, OrderId.of("O" + n),
                            use(fresh, Money.cny("100")), T0);
                    if (r.outcome().succeeded()) {
                        return r;
                    }
                    Thread.yield();
                }
                throw new AssertionError("no progress");
            });
        }
        long ok = race(tasks).stream().filter(r -> r.outcome().succeeded()).count();
        assertThat(ok).isEqualTo(7);
        assertThat(ledger.wallet(m).coupon(v.id()).orElseThrow().coupon().balance()).isEqualTo(Money.cny("50"));
    }
}
