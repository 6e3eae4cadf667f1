package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.AttributionGenerators;
import dev.siyu.attribution.credit.Credit;
import dev.siyu.attribution.credit.GuideRole;
import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The compact lines of one-guide orders ({@link SingleCreditLines}) against the plan's general
 * split of every line ({@link CommissionPlan#commissionBySplit}), the reference: the same lines,
 * shares and amounts, the same total, accruals and booked ledgers. Guides with short and long ids
 * (packed and not), guides that are also other lines' uplines, lines sharing one credit list.
 */
class SingleCreditLinesProperties {

    /** Guide ids: short ones (packed), long and non-Latin-1 ones (not). */
    static GuideId guide(RandomGenerator r) {
        int n = r.nextInt(6);
        return switch (r.nextInt(4)) {
            case 0 -> GuideId.of("a-guide-with-a-long-id-" + n);
            case 1 -> GuideId.of("导购" + n);
            default -> GuideId.of("G" + n);
        };
    }

    record Case(CommissionPlan plan, DistributionNetwork network, List<Order> orders, List<OrderAttribution> credits) {
    }

    static final org.quicktheories.core.Gen<Case> CASES = gen(r -> {
        CommissionPlan plan = AttributionGenerators.plan(r);
        Map<GuideId, GuideId> uplines = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            GuideId g = guide(r);
            GuideId up = guide(r);
            // acyclic: a guide's upline sorts after it
            if (r.nextBoolean() && g.value().compareTo(up.value()) < 0) {
                uplines.put(g, up);
            }
        }
        DistributionNetwork network = r.nextInt(5) == 0 ? DistributionNetwork.none() : DistributionNetwork.of(uplines);
        List<Order> orders = new ArrayList<>();
        List<OrderAttribution> credits = new ArrayList<>();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            Instant at = Instant.parse("2026-0" + (1 + r.nextInt(3)) + "-1" + r.nextInt(10) + "T1" + r.nextInt(10)
                    + ":00:00Z");
            Order order = OrderGenerators.order(r, OrderId.of("O" + i), MemberId.of("M" + r.nextInt(4)), at, 5);
            List<LineCredit> lines = new ArrayList<>();
            List<Credit> previous = null;
            for (OrderLine line : order.lines()) {
                List<Credit> one;
                if (previous != null && r.nextBoolean()) {
                    one = previous;
                } else if (r.nextInt(6) == 0) {
                    one = List.of();
                } else {
                    // a fresh instance of the id now and then (equal, not the same)
                    GuideId g = guide(r);
                    one = List.of(new Credit(r.nextBoolean() ? g : GuideId.of(g.value()),
                            GuideRole.values()[r.nextInt(GuideRole.values().length)], 1 + r.nextInt(100)));
                }
                previous = one;
                lines.add(LineCredit.of(line.lineNo(), one, Explanation.of("GEN")));
            }
            if (r.nextInt(3) == 0) {
                java.util.Collections.shuffle(lines, new java.util.Random(r.nextLong()));
            }
            orders.add(order);
            credits.add(new OrderAttribution(order.id(), order.member(), order.placedAt(), lines));
        }
        return new Case(plan, network, orders, credits);
    });

    @Test
    void compact_lines_equal_the_general_split_and_book_the_same_ledgers() {
        qt().withExamples(400).forAll(CASES).checkAssert(c -> {
            CommissionLedger engine = CommissionLedger.of(c.plan());
            LedgerBatch compactBatch = engine.batch(Map.of());
            LedgerBatch referenceBatch = engine.batch(Map.of());
            for (int i = 0; i < c.orders().size(); i++) {
                Order order = c.orders().get(i);
                OrderCommission compact = c.plan().commission(order, c.credits().get(i), c.network());
                OrderCommission reference = c.plan().commissionBySplit(order, c.credits().get(i), c.network());
                boolean anyCredited = reference.lines().size() > 0;
                assertThat(compact.lines() instanceof SingleCreditLines).isEqualTo(anyCredited);
                assertThat(compact.lines()).hasSameSizeAs(reference.lines());
                for (int l = 0; l < reference.lines().size(); l++) {
                    LineCommission a = compact.lines().get(l);
                    LineCommission b = reference.lines().get(l);
                    assertThat(a).isEqualTo(b);
                    assertThat(a.shares()).isEqualTo(b.shares());
                    assertThat(a.explanation()).isEqualTo(b.explanation());
                }
                assertThat(compact).isEqualTo(reference);
                assertThat(reference).isEqualTo(compact);
                assertThat(compact.hashCode()).isEqualTo(reference.hashCode());
                assertThat(compact.totalMinor()).isEqualTo(reference.totalMinor());
                assertThat(compact.accruals()).isEqualTo(reference.accruals());
                assertThat(compact.byGuide()).isEqualTo(reference.byGuide());
                compactBatch.accrue(compact);
                referenceBatch.accrue(reference);
            }
            assertThat(compactBatch.guides()).isEqualTo(referenceBatch.guides());
            assertFinishTheSame(compactBatch, referenceBatch);
        });
    }

    @Test
    void a_batch_of_another_currency_refuses_compact_lines_as_it_refuses_shares() {
        CommissionPlan cny = CommissionPlan.builder().defaultPercent(java.math.BigDecimal.ONE).build();
        CommissionLedger usd = CommissionLedger.of(CommissionPlan.builder().currency(java.util.Currency.getInstance("USD"))
                .build());
        Order order = OrderGenerators.order(new java.util.SplittableRandom(7), OrderId.of("O1"), MemberId.of("M1"),
                Instant.parse("2026-03-10T04:00:00Z"), 1);
        OrderAttribution credit = new OrderAttribution(order.id(), order.member(), order.placedAt(),
                List.of(LineCredit.of(1, List.of(new Credit(GuideId.of("G1"), GuideRole.SALE, 1)), Explanation.of("GEN"))));
        OrderCommission compact = cny.commission(order, credit, DistributionNetwork.none());
        assertThat(compact.lines()).isInstanceOf(SingleCreditLines.class);
        assertThat(compact.totalMinor()).isEqualTo(Money.cnyMinor(order.lines().get(0).netMinor()).minor() / 100
                + (order.lines().get(0).netMinor() % 100 >= 50 ? 1 : 0));
        assertThatThrownBy(() -> usd.batch(Map.of()).accrue(compact)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Finishes both batches and checks that they book the same guides with the same open periods. */
    static void assertFinishTheSame(LedgerBatch actualBatch, LedgerBatch expectedBatch) {
        List<GuideLedger> expected = expectedBatch.finish(OperationId.of("b"));
        List<GuideLedger> actual = actualBatch.finish(OperationId.of("b"));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).guide()).isEqualTo(expected.get(i).guide());
            assertThat(actual.get(i).open()).isEqualTo(expected.get(i).open());
        }
    }
}
