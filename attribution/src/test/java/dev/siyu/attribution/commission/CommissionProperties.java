package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.AttributionGenerators;
import dev.siyu.attribution.Outcome;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.testkit.order.OrderGenerators;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommissionProperties {

    record Case(CommissionPlan plan, Order order, OrderCommission record, List<Refund> refunds,
            DistributionNetwork network) {
    }

    static final org.quicktheories.core.Gen<Case> CASES = gen(r -> {
        CommissionPlan plan = AttributionGenerators.plan(r);
        Order order = OrderGenerators.order(r, OrderId.of("O1"), MemberId.of("M1"),
                Instant.parse("2026-03-10T04:00:00Z"), 5);
        DistributionNetwork network = AttributionGenerators.network(r, 4);
        OrderCommission record = plan.commission(order, AttributionGenerators.credits(r, order, 4), network);
        return new Case(plan, order, record, OrderGenerators.refunds(r, order, r.nextBoolean()), network);
    });

    @Test
    void an_orders_commission_is_the_plan_applied_to_its_net_after_any_refunds_rounded_once_per_line() {
        qt().withExamples(400).forAll(CASES).checkAssert(c -> {
            Map<GuideId, Long> booked = new HashMap<>();
            for (Accrual a : c.record().accruals()) {
                assertThat(a.amount().isNegative()).isFalse();
                booked.merge(a.guide(), a.amount().minor(), Long::sum);
            }
            OrderCommission record = c.record();
            Map<Integer, Integer> returned = new HashMap<>();
            for (Refund refund : c.refunds()) {
                RefundCommission r = c.plan().refund(record, c.order(), refund);
                for (Clawback cb : r.clawbacks()) {
                    booked.merge(cb.guide(), -cb.amount().minor(), Long::sum);
                }
                record = r.after();
                refund.lines().forEach(l -> returned.merge(l.lineNo(), l.quantity(), Integer::sum));
            }
            for (LineCommission line : record.lines()) {
                OrderLine sold = c.order().line(line.lineNo()).orElseThrow();
                int back = returned.getOrDefault(line.lineNo(), 0);
                long net = sold.net().minor() - sold.netForUnits(0, back).minor();
                RateRule rule = c.plan().ruleFor(sold).orElse(null);
                long expected = rule != null && rule.fixedPerUnit().isPresent()
                        ? rule.fixedPerUnit().get().minor() * (sold.quantity() - back)
                        : BigDecimal.valueOf(net).multiply(rule == null ? c.plan().defaultPercent() : rule.percent().get())
                                .movePointLeft(2).setScale(0, c.plan().rounding()).longValueExact();
                assertThat(line.pool()).as("line %d pool", line.lineNo()).isEqualTo(expected);
                assertThat(line.shares().stream().mapToLong(s -> s.amount().minor()).sum()).isEqualTo(line.pool());
                assertThat(line.shares().stream().mapToLong(s -> s.salesBase().minor()).sum()).isEqualTo(net);
            }
            Map<GuideId, Long> now = new HashMap<>();
            record.byGuide().forEach((g, m) -> now.put(g, m.minor()));
            booked.values().removeIf(v -> v == 0);
            now.values().removeIf(v -> v == 0);
            assertThat(booked).isEqualTo(now);
        });
    }

    @Test
    void refunds_follow_the_original_attribution_and_replaying_one_changes_nothing() {
        qt().withExamples(200).forAll(CASES).checkAssert(c -> {
            OrderCommission record = c.record();
            for (Refund refund : c.refunds()) {
                RefundCommission r = c.plan().refund(record, c.order(), refund);
                r.clawbacks().forEach(cb -> assertThat(c.record().byGuide()).containsKey(cb.guide()));
                RefundCommission again = c.plan().refund(r.after(), c.order(), refund);
                assertThat(again.duplicate()).isTrue();
                assertThat(again.after()).isSameAs(r.after());
                record = r.after();
            }
        });
    }

    /** One guide's month-by-month life: accruals, refunds (some after payout), settlements. */
    record Life(List<long[]> orders, long minimum) {
    }

    static final org.quicktheories.core.Gen<Life> LIVES = gen(r -> {
        int n = r.nextInt(40);
        List<long[]> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long day = r.nextInt(180);
            long amount = r.nextInt(20_000);
            long refundDay = r.nextBoolean() ? day + r.nextInt(90) : -1;
            long refunded = refundDay < 0 ? 0 : r.nextLong(amount + 1);
            orders.add(new long[] {day, amount, refundDay, refunded});
        }
        return new Life(orders, r.nextBoolean() ? 0 : r.nextInt(5_000));
    });

    @Test
    void a_clawback_is_never_lost_payouts_plus_the_final_carry_equal_accruals_less_clawbacks() {
        qt().withExamples(300).forAll(LIVES).checkAssert(life -> {
            CommissionPlan.Builder b = CommissionPlan.builder().returnWindowDays(7).zone(ZoneOffset.UTC);
            if (life.minimum() > 0) {
                b.minimumPayout(Money.cnyMinor(life.minimum()));
            }
            CommissionLedger engine = CommissionLedger.of(b.build());
            GuideId g = GuideId.of("G");
            LocalDate start = LocalDate.of(2026, 1, 1);
            GuideLedger ledger = engine.open(g);
            long accrued = 0;
            long clawed = 0;
            long paid = 0;
            YearMonth nextToSettle = YearMonth.from(start);
            for (int day = 0; day < 400; day++) {
                LocalDate date = start.plusDays(day);
                Instant at = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
                for (int i = 0; i < life.orders().size(); i++) {
                    long[] o = life.orders().get(i);
                    LocalDate placed = start.plusDays(o[0]);
                    if (o[0] == day) {
                        ledger = engine.accrue(ledger, new Accrual(g, MemberId.of("M"), OrderId.of("O" + i),
                                placed.atTime(10, 0).toInstant(ZoneOffset.UTC), YearMonth.from(placed),
                                placed.plusDays(7), Money.cnyMinor(o[1]), Money.cnyMinor(o[1] * 10),
                                1), OperationId.of("a" + i)).ledger();
                        accrued += o[1];
                    }
                    if (o[2] == day) {
                        ledger = engine.clawback(ledger, new Clawback(g, MemberId.of("M"), OrderId.of("O" + i),
                                RefundId.of("R" + i), at, YearMonth.from(placed), Money.cnyMinor(o[3]),
                                Money.cnyMinor(o[3] * 10), Explanation.of("GEN")), OperationId.of("c" + i)).ledger();
                        clawed += o[3];
                    }
                }
                LedgerResult settle = engine.settle(ledger, nextToSettle, at, OperationId.of("s" + nextToSettle + "@" + day));
                if (settle.outcome() instanceof Outcome.Applied) {
                    Statement s = settle.statement().orElseThrow();
                    assertThat(s.payout().isNegative()).isFalse();
                    paid += s.payout().minor();
                    nextToSettle = nextToSettle.plusMonths(1);
                }
                ledger = settle.ledger();
            }
            assertThat(ledger.open()).isEmpty();
            assertThat(paid + ledger.carried().minor()).isEqualTo(accrued - clawed);
        });
    }
}
