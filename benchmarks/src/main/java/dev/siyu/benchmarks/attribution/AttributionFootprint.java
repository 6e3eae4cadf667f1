package dev.siyu.benchmarks.attribution;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.attribution.commission.Accrual;
import dev.siyu.attribution.commission.CommissionLedger;
import dev.siyu.attribution.commission.CommissionPlan;
import dev.siyu.attribution.commission.DistributionNetwork;
import dev.siyu.attribution.commission.GuideLedger;
import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.order.Order;
import dev.siyu.testkit.order.OrderGenerators;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Live heap of the attribution state, after a full GC: (1) customers' bindings built like the year
 * replay's enrolment (a store-S0 binding and a third of the time S1 and S2, each by an ADD touch
 * with its own scope and operation id); (2) 40,000 guide ledgers booked order by order (attribute,
 * compute, accrue each recipient under a fresh operation id) for a month of 1.5 M orders (18 M a
 * year), then for a second month after the first is settled. Arguments: members (default 400,000),
 * orders per month (default 1,500,000), binding shape ({@code mixed} as above, or {@code one} or
 * {@code two} bindings per member, then no ledgers). Run with {@code -Xmx4g}; uses public API only.
 */
public final class AttributionFootprint {

    static final int GUIDES = 40_000;

    private AttributionFootprint() {
    }

    static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        int ordersPerMonth = args.length > 1 ? Integer.parseInt(args[1]) : 1_500_000;
        String shape = args.length > 2 ? args[2] : "mixed";
        SplittableRandom random = new SplittableRandom(20_261_122L);
        GuideId[] guides = new GuideId[GUIDES];
        for (int g = 0; g < GUIDES; g++) {
            guides[g] = GuideId.of("G" + g);
        }
        MemberId[] ids = new MemberId[members];
        for (int m = 0; m < members; m++) {
            ids[m] = MemberId.of("M" + m);
        }
        BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());
        Instant bound = Instant.parse("2026-01-01T02:00:00Z");
        long before = liveHeap();
        CustomerBinding[] bindings = new CustomerBinding[members];
        long touches = 0;
        for (int m = 0; m < members; m++) {
            CustomerBinding c = CustomerBinding.empty(ids[m]);
            for (int s = 0; s < 3; s++) {
                boolean bind = switch (shape) {
                    case "one" -> s == 0;
                    case "two" -> s < 2;
                    default -> s == 0 || random.nextInt(3) == 0;
                };
                if (bind) {
                    c = engine.touch(c, new Touch(ids[m], guides[random.nextInt(GUIDES)],
                            BindingScope.store(StoreId.of("S" + s)), TouchKind.ADD, bound), OperationId.of("add" + s))
                            .binding();
                    touches++;
                }
            }
            bindings[m] = c;
        }
        long after = liveHeap();
        System.out.printf(Locale.ROOT, "bindings: %,d members, %,d bindings, %,d bytes live, %.0f bytes per member"
                + " (with its scopes and operation ids), reference array included%n", members, touches, after - before,
                (after - before) / (double) members);
        if (!shape.equals("mixed")) {
            System.out.println("kept: " + bindings.length);
            return;
        }

        AttributionPolicy policy = AttributionPolicy.ofDefaults();
        CommissionPlan plan = CommissionPlan.fromJson("""
                {"schemaVersion": 1, "defaultRate": 1.5,
                 "rules": [{"brand": "B1", "rate": 3}, {"brand": "B2", "fixedPerUnit": "CNY 5.00"},
                           {"category": "cosmetics", "rate": 2.5}],
                 "levels": [{"share": 90}, {"share": 10}], "returnWindowDays": 7}
                """);
        CommissionLedger ledger = CommissionLedger.of(plan);
        Map<GuideId, Integer> guideIndex = new HashMap<>();
        Map<GuideId, GuideId> uplines = new HashMap<>();
        for (int g = 0; g < GUIDES; g++) {
            guideIndex.put(guides[g], g);
            if (g >= 1000 && random.nextInt(4) == 0) {
                uplines.put(guides[g], guides[random.nextInt(1000)]);
            }
        }
        DistributionNetwork network = DistributionNetwork.of(uplines);
        GuideLedger[] ledgers = new GuideLedger[GUIDES];
        for (int g = 0; g < GUIDES; g++) {
            ledgers[g] = ledger.open(guides[g]);
        }
        long empty = liveHeap();
        System.out.printf(Locale.ROOT, "ledgers: %,d empty, %,d bytes live%n", GUIDES, empty - after);
        YearMonth march = YearMonth.of(2026, 3);
        long booked = 0;
        for (int month = 0; month < 2; month++) {
            YearMonth period = march.plusMonths(month);
            Instant start = period.atDay(1).atStartOfDay(plan.zone()).toInstant();
            for (int i = 0; i < ordersPerMonth; i++) {
                int member = random.nextInt(members);
                Order order = OrderGenerators.order(random, OrderId.of("O" + month + "-" + i), ids[member],
                        start.plusSeconds(random.nextInt(28 * 86_400)), 3);
                OrderTouches t = random.nextInt(3) == 0 ? OrderTouches.none().withSaleGuide(guides[random.nextInt(GUIDES)])
                        : OrderTouches.none();
                OrderCommission commission = plan.commission(order, policy.attribute(order, t, bindings[member]),
                        network);
                for (Accrual accrual : commission.accruals()) {
                    int g = guideIndex.get(accrual.guide());
                    ledgers[g] = ledger.accrue(ledgers[g], accrual,
                            OperationId.of(order.id().value() + ":" + g)).ledger();
                    booked++;
                }
                if (i == ordersPerMonth / 2 - 1) {
                    long half = liveHeap();
                    System.out.printf(Locale.ROOT, "ledgers: %s half booked (%,d accruals so far), %,d bytes live,"
                            + " %.0f per guide%n", period, booked, half - after, (half - after) / (double) GUIDES);
                }
            }
            long full = liveHeap();
            System.out.printf(Locale.ROOT, "ledgers: %s fully booked (%,d accruals so far), %,d bytes live,"
                    + " %.0f per guide%n", period, booked, full - after, (full - after) / (double) GUIDES);
            Instant settleAt = period.plusMonths(1).atDay(9).atStartOfDay(plan.zone()).toInstant();
            for (int g = 0; g < GUIDES; g++) {
                ledgers[g] = ledger.settle(ledgers[g], period, settleAt, OperationId.of("settle-" + period + "-" + g))
                        .ledger();
            }
            long settled = liveHeap();
            System.out.printf(Locale.ROOT, "ledgers: %s settled, %,d bytes live, %.0f per guide%n", period,
                    settled - after, (settled - after) / (double) GUIDES);
        }
        System.out.println("kept: " + bindings.length + " " + ledgers.length);
    }
}
