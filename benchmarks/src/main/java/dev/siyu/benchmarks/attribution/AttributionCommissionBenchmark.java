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
import dev.siyu.attribution.commission.LedgerBatch;
import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.order.Order;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Attribution and commission of one order: credit the lines by role (bound service guide per
 * store, till guide on a third of orders), compute the commission under a plan with brand rules
 * and two levels, and book each recipient's accrual in its ledger. One operation is one order.
 * 40,000 guides, 400,000 customers, 65,536 distinct orders cycled (each booking under a fresh
 * operation id). Ledgers are fresh at each iteration, so a guide's open month holds a realistic few
 * dozen operations (18 M orders a year over 40,000 guides is about 37 per guide per month); memory
 * is the 40,000 ledgers and the bindings, not the orders ({@code attributeComputeAndBatch} books
 * through a {@link LedgerBatch}, the replay shape). Target (DESIGN §6): at least 2 M orders/s
 * on 2 cores, i.e. run with {@code -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class AttributionCommissionBenchmark {

    static final int GUIDES = 40_000;
    static final int MEMBERS = 400_000;
    static final int ORDERS = 1 << 16;

    AttributionPolicy policy;
    CommissionPlan plan;
    CommissionLedger ledger;
    DistributionNetwork network;
    CustomerBinding[] bindings;
    Order[] orders;
    OrderTouches[] touches;
    Map<GuideId, Integer> guideIndex;

    /** Each thread's ledgers and cursor. */
    @State(Scope.Thread)
    public static class Books {
        GuideLedger[] ledgers;
        LedgerBatch batch;
        int next;
        long cycle;

        @Setup(Level.Iteration)
        public void reset(AttributionCommissionBenchmark b) {
            batch = b.ledger.batch(Map.of());
            ledgers = new GuideLedger[GUIDES];
            for (int g = 0; g < GUIDES; g++) {
                ledgers[g] = b.ledger.open(GuideId.of("G" + g));
            }
        }
    }

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20_261_122L);
        BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());
        policy = AttributionPolicy.ofDefaults();
        plan = CommissionPlan.fromJson("""
                {"schemaVersion": 1, "defaultRate": 1.5,
                 "rules": [{"brand": "B1", "rate": 3}, {"brand": "B2", "fixedPerUnit": "CNY 5.00"},
                           {"category": "cosmetics", "rate": 2.5}],
                 "levels": [{"share": 90}, {"share": 10}], "returnWindowDays": 7}
                """);
        ledger = CommissionLedger.of(plan);
        guideIndex = new HashMap<>();
        Map<GuideId, GuideId> uplines = new HashMap<>();
        for (int g = 0; g < GUIDES; g++) {
            guideIndex.put(GuideId.of("G" + g), g);
            if (g >= 1000 && random.nextInt(4) == 0) {
                uplines.put(GuideId.of("G" + g), GuideId.of("G" + random.nextInt(1000)));
            }
        }
        network = DistributionNetwork.of(uplines);
        Instant bound = Instant.parse("2026-01-01T02:00:00Z");
        bindings = new CustomerBinding[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            MemberId member = MemberId.of("M" + m);
            CustomerBinding c = CustomerBinding.empty(member);
            for (int s = 0; s < 3; s++) {
                if (s == 0 || random.nextInt(3) == 0) {
                    c = engine.touch(c, new Touch(member, GuideId.of("G" + random.nextInt(GUIDES)),
                            BindingScope.store(StoreId.of("S" + s)), TouchKind.ADD, bound), OperationId.of("add" + s))
                            .binding();
                }
            }
            bindings[m] = c;
        }
        orders = new Order[ORDERS];
        touches = new OrderTouches[ORDERS];
        Instant march = Instant.parse("2026-03-01T02:00:00Z");
        for (int i = 0; i < ORDERS; i++) {
            int member = random.nextInt(MEMBERS);
            orders[i] = OrderGenerators.order(random, OrderId.of("O" + i), MemberId.of("M" + member),
                    march.plusSeconds(random.nextInt(28 * 86_400)), 3);
            touches[i] = random.nextInt(3) == 0 ? OrderTouches.none().withSaleGuide(GuideId.of("G" + random.nextInt(GUIDES)))
                    : OrderTouches.none();
        }
    }

    private int memberIndex(Order order) {
        return Integer.parseInt(order.member().value(), 1, order.member().value().length(), 10);
    }

    /** Attribution and commission only (no ledger): what the order path costs. */
    @Benchmark
    public long attributeAndCompute(Books books) {
        int i = books.next++ & (ORDERS - 1);
        Order order = orders[i];
        OrderAttribution attribution = policy.attribute(order, touches[i], bindings[memberIndex(order)]);
        return plan.commission(order, attribution, network).totalMinor();
    }

    /** Attribution, commission and booking every recipient's accrual in its ledger. */
    @Benchmark
    public long attributeComputeAndBook(Books books) {
        int i = books.next++ & (ORDERS - 1);
        if (i == 0) {
            books.cycle++;
        }
        Order order = orders[i];
        OrderAttribution attribution = policy.attribute(order, touches[i], bindings[memberIndex(order)]);
        OrderCommission commission = plan.commission(order, attribution, network);
        long booked = 0;
        for (Accrual accrual : commission.accruals()) {
            int g = guideIndex.get(accrual.guide());
            books.ledgers[g] = ledger.accrue(books.ledgers[g], accrual,
                    OperationId.of(order.id().value() + "#" + books.cycle + ":" + g)).ledger();
            booked += accrual.amount().minor();
        }
        return booked;
    }

    /**
     * Attribution, commission and booking through a {@link LedgerBatch} (sums per guide and
     * period, one ledger version per guide at the end): the shape of a year replay. The order's
     * accruals go in at once ({@link LedgerBatch#accrue(OrderCommission)}, the same sums as each
     * of {@link OrderCommission#accruals()} accrued in turn); returns the amount booked.
     */
    @Benchmark
    public long attributeComputeAndBatch(Books books) {
        int i = books.next++ & (ORDERS - 1);
        Order order = orders[i];
        OrderAttribution attribution = policy.attribute(order, touches[i], bindings[memberIndex(order)]);
        OrderCommission commission = plan.commission(order, attribution, network);
        books.batch.accrue(commission);
        return commission.totalMinor();
    }
}
