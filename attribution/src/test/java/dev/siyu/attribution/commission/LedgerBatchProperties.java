package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.AttributionGenerators;
import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerBatchProperties {

    static final CommissionLedger ENGINE = CommissionLedger.of(CommissionPlan.builder().build());

    static final org.quicktheories.core.Gen<List<Accrual>> ACCRUALS = gen(r -> {
        List<Accrual> out = new ArrayList<>();
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
            YearMonth period = YearMonth.of(2026, 1 + r.nextInt(3));
            LocalDate day = period.atDay(1 + r.nextInt(28));
            out.add(new Accrual(GuideId.of("G" + r.nextInt(4)), MemberId.of("M" + i), OrderId.of("O" + i),
                    Instant.parse(day + "T04:00:00Z"), period, day.plusDays(7), Money.cnyMinor(r.nextInt(5000)),
                    Money.cnyMinor(r.nextInt(500_000)), 1));
        }
        return out;
    });

    @Test
    void a_batch_books_the_same_periods_as_one_by_one_accruals_and_a_second_finish_changes_nothing() {
        qt().withExamples(200).forAll(ACCRUALS).checkAssert(accruals -> {
            Map<GuideId, GuideLedger> single = new HashMap<>();
            LedgerBatch batch = ENGINE.batch(Map.of());
            for (int i = 0; i < accruals.size(); i++) {
                Accrual a = accruals.get(i);
                GuideLedger l = single.computeIfAbsent(a.guide(), ENGINE::open);
                LedgerResult r = ENGINE.accrue(l, a, OperationId.of("a" + i));
                assertThat(r.outcome()).isInstanceOf(Outcome.Applied.class);
                single.put(a.guide(), r.ledger());
                batch.accrue(a);
            }
            List<GuideLedger> batched = batch.finish(OperationId.of("batch-1"));
            assertThat(batched).hasSize(single.size());
            Map<GuideId, GuideLedger> byGuide = new HashMap<>();
            for (GuideLedger l : batched) {
                assertThat(l.open()).isEqualTo(single.get(l.guide()).open());
                byGuide.put(l.guide(), l);
            }
            LedgerBatch again = ENGINE.batch(byGuide);
            accruals.forEach(again::accrue);
            for (GuideLedger l : again.finish(OperationId.of("batch-1"))) {
                assertThat(l).isSameAs(byGuide.get(l.guide()));
            }
        });
    }

    /** Orders of a few lines under random plans, credits and networks, some in a settled month. */
    record Orders(CommissionPlan plan, List<OrderCommission> commissions, boolean settleFebruary) {
    }

    static final org.quicktheories.core.Gen<Orders> ORDERS = gen(r -> {
        CommissionPlan plan = AttributionGenerators.plan(r);
        DistributionNetwork network = AttributionGenerators.network(r, 5);
        List<OrderCommission> out = new ArrayList<>();
        int n = r.nextInt(25);
        for (int i = 0; i < n; i++) {
            Instant at = Instant.parse("2026-0" + (2 + r.nextInt(2)) + "-1" + r.nextInt(10) + "T04:00:00Z");
            Order order = OrderGenerators.order(r, OrderId.of("O" + i), MemberId.of("M" + r.nextInt(5)), at, 5);
            out.add(plan.commission(order, AttributionGenerators.credits(r, order, 5), network));
        }
        return new Orders(plan, out, r.nextBoolean());
    });

    @Test
    void booking_an_orders_commission_at_once_equals_booking_its_accruals_one_by_one() {
        qt().withExamples(300).forAll(ORDERS).checkAssert(c -> {
            CommissionLedger engine = CommissionLedger.of(c.plan());
            Map<GuideId, GuideLedger> base = new HashMap<>();
            if (c.settleFebruary()) {
                for (int g = 0; g < 6; g++) {
                    GuideId guide = GuideId.of("G" + g);
                    LedgerResult settled = engine.settle(engine.open(guide), YearMonth.of(2026, 2),
                            Instant.parse("2026-03-31T04:00:00Z"), OperationId.of("settle-" + g));
                    assertThat(settled.outcome()).isInstanceOf(Outcome.Applied.class);
                    base.put(guide, settled.ledger());
                }
            }
            LedgerBatch byAccrual = engine.batch(base);
            LedgerBatch byOrder = engine.batch(base);
            for (OrderCommission commission : c.commissions()) {
                commission.accruals().forEach(byAccrual::accrue);
                byOrder.accrue(commission);
            }
            assertThat(byOrder.guides()).isEqualTo(byAccrual.guides());
            List<GuideLedger> expected = byAccrual.finish(OperationId.of("b"));
            List<GuideLedger> actual = byOrder.finish(OperationId.of("b"));
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).guide()).isEqualTo(expected.get(i).guide());
                assertThat(actual.get(i).open()).isEqualTo(expected.get(i).open());
                assertThat(actual.get(i).version()).isEqualTo(expected.get(i).version());
            }
        });
    }
}
