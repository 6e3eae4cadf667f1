package dev.siyu.coupons.redemption;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

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
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Failure modes F1-F4 as a stateful property: over random sequences of issue, reserve, commit,
 * release, redeem and the passing of time, per-member and total issuance, redemptions and the
 * budget are never exceeded, and the template counters agree with the wallets.
 */
class LedgerLimitsProperties {

    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final int MEMBERS = 4;

    record Script(Limits limits, long seed, int steps) {
    }

    static Script script(RandomGenerator r) {
        Limits limits = new Limits(1 + r.nextInt(3), 1 + r.nextInt(10), 1 + r.nextInt(6),
                r.nextBoolean() ? Optional.of(Money.cnyMinor(1_000 + r.nextLong(5_000))) : Optional.empty());
        return new Script(limits, r.nextLong(), 10 + r.nextInt(60));
    }

    static final java.util.concurrent.atomic.AtomicLong REDEMPTIONS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong REFUSALS = new java.util.concurrent.atomic.AtomicLong();

    @Test
    void limits_and_budget_hold_over_any_sequence_of_commands() {
        REDEMPTIONS.set(0);
        REFUSALS.set(0);
        run();
        // the sequences reach the limits, not only the happy path
        assertThat(REDEMPTIONS.get()).isGreaterThan(200);
        assertThat(REFUSALS.get()).isGreaterThan(50);
    }

    void run() {
        qt().withExamples(200).forAll(gen(LedgerLimitsProperties::script)).checkAssert(s -> {
            CouponTemplateId id = CouponTemplateId.of("T");
            CouponTemplate t = CouponTemplate.builder(id, new Benefit.NoThreshold(Money.cny("20")))
                    .validity(Validity.daysAfterIssue(3, ZoneId.of("Asia/Shanghai"))).limits(s.limits()).build();
            CouponLedger ledger = new CouponLedger(List.of(t), new InMemoryVersionedStore<>(), new InMemoryVersionedStore<>());
            java.util.Random r = new java.util.Random(s.seed());
            Instant now = T0;
            List<String[]> reservations = new ArrayList<>();
            int coupons = 0;
            for (int step = 0; step < s.steps(); step++) {
                MemberId m = MemberId.of("m" + r.nextInt(MEMBERS));
                List<Coupon> usable = ledger.wallet(m).usableAt(now);
                switch (r.nextInt(6)) {
                    case 0 -> count(ledger.issue(OperationId.of("i" + step), m, CouponId.of("c" + coupons++), id, now));
                    case 1, 2 -> {
                        if (!usable.isEmpty()) {
                            Coupon c = usable.get(r.nextInt(usable.size()));
                            Money amount = Money.cnyMinor(1 + r.nextInt(2_000));
                            AppliedCoupon a = new AppliedCoupon(c, amount, List.of(new LineShare(1, amount)));
                            String op = "o" + step;
                            if (r.nextBoolean()) {
                                count(ledger.redeem(OperationId.of(op), m, OrderId.of(op), a, now));
                            } else if (ledger.reserve(OperationId.of(op), m, OrderId.of(op), a, now,
                                    now.plusSeconds(60)).outcome().succeeded()) {
                                reservations.add(new String[] {op, m.value(), c.id().value()});
                            }
                        }
                    }
                    case 3 -> {
                        if (!reservations.isEmpty()) {
                            String[] x = reservations.remove(r.nextInt(reservations.size()));
                            OperationId op = OperationId.of(x[0]);
                            if (r.nextBoolean()) {
                                ledger.commit(op, MemberId.of(x[1]), CouponId.of(x[2]), now);
                            } else {
                                ledger.release(op, MemberId.of(x[1]), CouponId.of(x[2]), now);
                            }
                        }
                    }
                    case 4 -> now = now.plusSeconds(r.nextInt(90));
                    default -> ledger.issue(OperationId.of("i" + step), m, CouponId.of("c" + coupons++), id, now);
                }
                check(ledger, t, now);
            }
        });
    }

    static void count(CouponResult r) {
        if (r.outcome() instanceof CouponOutcome.Rejected) {
            REFUSALS.incrementAndGet();
        } else if (r.events().stream().anyMatch(e -> e instanceof dev.siyu.coupons.event.CouponEvent.CouponRedeemed)) {
            REDEMPTIONS.incrementAndGet();
        }
    }

    static void check(CouponLedger ledger, CouponTemplate t, Instant now) {
        TemplateUsage u = ledger.usage(t.id());
        long issued = 0;
        long redeemed = 0;
        Money spent = Money.zero(Money.CNY);
        for (int i = 0; i < MEMBERS; i++) {
            MemberCoupons w = ledger.wallet(MemberId.of("m" + i));
            assertThat(w.issuedFrom(t.id())).isLessThanOrEqualTo(t.limits().perMember());
            issued += w.coupons().size();
            for (HeldCoupon h : w.coupons().values()) {
                redeemed += h.redemptions().size();
                for (HeldCoupon.Redemption red : h.redemptions()) {
                    spent = spent.plus(red.amount());
                }
            }
        }
        assertThat(u.issued()).isEqualTo(issued).isLessThanOrEqualTo(t.limits().issuedTotal());
        assertThat(u.redeemed()).isEqualTo(redeemed);
        assertThat(u.spent()).isEqualTo(spent);
        assertThat(u.redemptionsAt(now)).isLessThanOrEqualTo(t.limits().redeemedTotal());
        t.limits().budget().ifPresent(b -> {
            assertThat(u.budgetUsedAt(now)).isLessThanOrEqualTo(b);
            assertThat(u.spent()).isLessThanOrEqualTo(b);
        });
    }
}
