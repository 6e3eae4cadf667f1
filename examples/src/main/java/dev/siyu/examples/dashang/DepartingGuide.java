package dev.siyu.examples.dashang;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.attribution.commission.Accrual;
import dev.siyu.attribution.commission.Clawback;
import dev.siyu.attribution.commission.CommissionLedger;
import dev.siyu.attribution.commission.CommissionPlan;
import dev.siyu.attribution.commission.DistributionNetwork;
import dev.siyu.attribution.commission.GuideLedger;
import dev.siyu.attribution.commission.LedgerResult;
import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.commission.RefundCommission;
import dev.siyu.attribution.commission.Statement;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.attribution.transfer.DepartureResult;
import dev.siyu.attribution.transfer.DepartureRule;
import dev.siyu.attribution.transfer.DepartureTransfer;
import dev.siyu.attribution.transfer.GuideProfile;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.WriteResult;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Dashang Tiangou (大商天狗): a guide at counter C1 of store S1 leaves on 20 March. Her 60
 * customers go to colleagues (same counter first); her March commission is kept and paid when
 * March settles on 7 April (plan: 离职 keeps pending commission); a return of one of her orders after
 * she left is clawed back from her, not from the taker; orders after the departure pay the takers.
 * Ledgers live in a {@link InMemoryVersionedStore} (the host's store SPI), written with
 * compare-and-set and the operation id. Run {@link #main} to print the statements.
 */
public final class DepartingGuide {

    static final StoreId S1 = StoreId.of("S0");
    static final GuideId LEAVER = GuideId.of("wang");
    static final Instant MARCH_1 = Instant.parse("2026-03-01T02:00:00Z");
    static final Instant DEPARTURE = Instant.parse("2026-03-20T02:00:00Z");

    private DepartingGuide() {
    }

    /** What the example shows. */
    record Result(int customers, int unboundAfter, int movedToTakers, Money commissionOfOrders, Money paid,
            Money leaverPayout, Map<GuideId, Statement> statements) {
    }

    public static void main(String[] args) {
        Result r = run();
        System.out.printf("%d customers, %d unbound after departure, %d moved%n", r.customers(), r.unboundAfter(),
                r.movedToTakers());
        r.statements().forEach((g, s) -> System.out.println(g + ": " + s.payout() + " " + s.lines()));
        System.out.println("commission of all orders after refunds " + r.commissionOfOrders() + ", paid " + r.paid());
    }

    static Result run() {
        BindingEngine bindings = BindingEngine.of(BindingPolicy.ofDefaults());
        AttributionPolicy credit = AttributionPolicy.ofDefaults();
        CommissionPlan plan = CommissionPlan.fromJson("""
                {"schemaVersion": 1, "defaultRate": 2, "rules": [{"category": "cosmetics", "rate": 4}],
                 "returnWindowDays": 7, "pendingOnDeparture": "keep-with-leaver"}
                """);
        CommissionLedger ledgers = CommissionLedger.of(plan);
        InMemoryVersionedStore<GuideId, GuideLedger> store = new InMemoryVersionedStore<>();
        List<GuideProfile> roster = List.of(GuideProfile.at(LEAVER, S1, CounterId.of("C1"), 60),
                GuideProfile.at(GuideId.of("li"), S1, CounterId.of("C1"), 40),
                GuideProfile.at(GuideId.of("zhao"), S1, CounterId.of("C1"), 20),
                GuideProfile.at(GuideId.of("chen"), S1, CounterId.of("C2"), 5));
        SplittableRandom random = new SplittableRandom(7);

        List<CustomerBinding> customers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            MemberId m = MemberId.of("M" + i);
            customers.add(bindings.touch(CustomerBinding.empty(m), new Touch(m, LEAVER, BindingScope.store(S1),
                    TouchKind.ADD, MARCH_1.minus(Duration.ofDays(100))), OperationId.of("add")).binding());
        }
        Map<OrderId, Order> orders = new HashMap<>();
        Map<OrderId, OrderCommission> records = new HashMap<>();
        // March orders before the departure: credited to the leaver
        for (int i = 0; i < 60; i++) {
            Order order = OrderGenerators.order(random, OrderId.of("A" + i), customers.get(i).member(),
                    MARCH_1.plus(Duration.ofHours(random.nextInt(18 * 24))), 2);
            book(order, credit, plan, ledgers, store, customers.get(i), orders, records);
        }
        // the departure
        DepartureResult departure = DepartureTransfer.of(bindings, DepartureRule.SAME_COUNTER)
                .depart(LEAVER, customers, roster, DEPARTURE);
        customers = departure.customers();
        apply(store, LEAVER, OperationId.of("depart:" + LEAVER), (l, op) -> ledgers.depart(l, DEPARTURE, op));
        int unbound = 0;
        for (CustomerBinding c : customers) {
            if (c.guideAt(BindingScope.store(S1), DEPARTURE).isEmpty()) {
                unbound++;
            }
        }
        // orders after the departure: credited to the takers
        for (int i = 0; i < 30; i++) {
            Order order = OrderGenerators.order(random, OrderId.of("B" + i), customers.get(i).member(),
                    DEPARTURE.plus(Duration.ofHours(1 + random.nextInt(9 * 24))), 2);
            book(order, credit, plan, ledgers, store, customers.get(i), orders, records);
        }
        // returns of the leaver's orders after she left: clawed back from her
        for (int i = 0; i < 5; i++) {
            Order order = orders.get(OrderId.of("A" + i));
            Refund refund = new Refund(RefundId.of("RA" + i), order.id(), DEPARTURE.plus(Duration.ofDays(2)),
                    List.of(new RefundLine(1, 1)));
            RefundCommission back = plan.refund(records.get(order.id()), order, refund);
            records.put(order.id(), back.after());
            for (Clawback c : back.clawbacks()) {
                apply(store, c.guide(), OperationId.of(refund.id() + ":" + c.guide()), (l, op) -> ledgers.clawback(l, c, op));
            }
        }
        // 7 April: March's return window has closed
        Instant april7 = Instant.parse("2026-04-07T02:00:00Z");
        Map<GuideId, Statement> statements = new java.util.TreeMap<>();
        Money paid = Money.zero(plan.currency());
        for (GuideProfile p : roster) {
            if (store.load(p.guide()).isEmpty()) {
                continue;
            }
            LedgerResult settled = apply(store, p.guide(), OperationId.of("settle:2026-03:" + p.guide()),
                    (l, op) -> ledgers.settle(l, YearMonth.of(2026, 3), april7, op));
            Statement s = settled.statement().orElseThrow();
            statements.put(p.guide(), s);
            paid = paid.plus(s.payout()).plus(s.carriedOut());
        }
        Money total = Money.zero(plan.currency());
        for (OrderCommission r : records.values()) {
            total = total.plus(Money.ofMinor(r.totalMinor(), plan.currency()));
        }
        return new Result(customers.size(), unbound, departure.assignments().size(), total, paid,
                statements.get(LEAVER).payout(), statements);
    }

    private static void book(Order order, AttributionPolicy credit, CommissionPlan plan, CommissionLedger ledgers,
            InMemoryVersionedStore<GuideId, GuideLedger> store, CustomerBinding customer, Map<OrderId, Order> orders,
            Map<OrderId, OrderCommission> records) {
        OrderCommission commission = plan.commission(order, credit.attribute(order, OrderTouches.none(), customer),
                DistributionNetwork.none());
        orders.put(order.id(), order);
        records.put(order.id(), commission);
        for (Accrual a : commission.accruals()) {
            apply(store, a.guide(), OperationId.of(order.id() + ":" + a.guide()), (l, op) -> ledgers.accrue(l, a, op));
        }
    }

    /** Load, apply, compare-and-set with the operation id; retry on a version conflict. */
    private static LedgerResult apply(InMemoryVersionedStore<GuideId, GuideLedger> store, GuideId guide,
            OperationId operation, BiFunction<GuideLedger, OperationId, LedgerResult> command) {
        while (true) {
            Versioned<GuideLedger> current = store.load(guide).orElse(null);
            GuideLedger ledger = current == null ? GuideLedger.empty(guide, Money.CNY) : current.value();
            long version = current == null ? 0 : current.version();
            LedgerResult result = command.apply(ledger, operation);
            WriteResult written = store.write(guide, version, result.ledger(), operation);
            if (written != WriteResult.VERSION_CONFLICT) {
                return result;
            }
        }
    }
}
