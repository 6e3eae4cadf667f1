package dev.siyu.benchmarks.replay;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.attribution.commission.CommissionLedger;
import dev.siyu.attribution.commission.CommissionPlan;
import dev.siyu.attribution.commission.DistributionNetwork;
import dev.siyu.attribution.commission.GuideLedger;
import dev.siyu.attribution.commission.LedgerBatch;
import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.commission.PeriodAccount;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.event.MembershipEvent;
import dev.siyu.core.event.PointsEarned;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.Tier;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.coupons.checkout.Basket;
import dev.siyu.coupons.checkout.Checkout;
import dev.siyu.coupons.checkout.Offer;
import dev.siyu.coupons.checkout.Shopper;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Eligibility;
import dev.siyu.coupons.template.Scope;
import dev.siyu.coupons.template.Stacking;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import dev.siyu.testkit.member.MemberGenerators;
import dev.siyu.testkit.order.OrderGenerators;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A year (2026) of a retailer replayed through the library: by default 2,000,000 members and
 * 18,000,000 orders on 2 threads, every order through points earn ({@link PointsEngine#apply} on
 * the member's immutable {@link PointsAccount}), tier qualification ({@link TierProgram#record} on
 * the member's {@link TierStatus}), attribution ({@link AttributionPolicy#attribute}: the bound
 * guide of the order's store, a till guide on a third of orders) and commission
 * ({@link CommissionPlan#commission} with brand rules and a two-level network of 40,000 guides,
 * booked through one {@link LedgerBatch} per thread), and one order in ten through a coupon
 * checkout ({@link Checkout#best} on a four-coupon wallet). Not a JMH benchmark: a whole year is one
 * measurement of about a minute.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -q -B -pl benchmarks -am package -DskipTests &amp;&amp; java -Xmx4g -XX:-G1UseAdaptiveIHOP \
 *     -XX:InitiatingHeapOccupancyPercent=100 -XX:MaxTenuringThreshold=0 \
 *     -cp benchmarks/target/benchmarks.jar dev.siyu.benchmarks.replay.YearReplay 2000000 18000000 2
 * </pre>
 *
 * <p>The collector settings are a batch job's: every order leaves a new version of its member's
 * aggregates that outlives the young collection (the member array holds it) and dies in the old
 * generation a month later. G1's concurrent marking of the 2.5 GB live set (started by default at an
 * adaptive occupancy) then runs a dozen times a year for little; with marking never started
 * ({@code InitiatingHeapOccupancyPercent=100}) the old generation is compacted when full, a few
 * times a year (pauses of about two seconds), and with {@code MaxTenuringThreshold=0} a version is
 * copied once, into the old generation, instead of through the survivor spaces. An online host with
 * pause targets keeps G1's defaults. See {@code docs/BENCHMARKS.md} for the runs with and without.
 *
 * <p>Arguments: members (default 2,000,000), orders (default 18,000,000), threads (default 2).
 *
 * <p>Everything is generated deterministically from a fixed seed and streamed: members' points
 * accounts, tier statuses and bindings are kept (they are the state the library holds for a year),
 * profiles are the host's member table and are regenerated from their seed when an order needs one,
 * and orders are made on the fly, one member-month at a time, from a random stream seeded by member
 * and order number, and dropped once booked. Member {@code m} places {@code orders / members}
 * orders (one more for the first {@code orders % members} members), spread evenly over the year
 * from a random phase. Threads own disjoint members and disjoint guides, as a host shards its
 * members: thread {@code t} owns the members of the {@code t}-th of {@code threads} contiguous
 * ranges of member numbers (so the threads never write to the same cache lines of the member
 * arrays), and they are bound only to guides {@code g} with {@code g % threads == t}, whose uplines
 * and till guides are in the same class, so each thread's ledger batch touches its own guides only.
 *
 * <p>Memory: a {@link PointsAccount} keeps a 40-byte operation record per command of the last 30
 * days (the programs' idempotency window; older ones are forgotten and older commands refused) and
 * a compact order record per order of the last 30 days (the refund window), a {@link TierStatus}
 * 32-byte operation rows for the same window and a 24-byte qualifying fact per order. Measured on
 * 2026-11-22 (see {@code docs/BENCHMARKS.md}): about 0.5 KB a member at enrolment and about 1.3 KB
 * a member after 9 orders; the full 2 M / 18 M ends with about 2.5 GB live and runs in
 * {@code -Xmx4g}. {@link VersionBytes} shows what each order adds to a member's retained state. {@code -Dreplay.skip=points,tier,attribution,coupons} (any of
 * them) leaves stages out to see what each costs.
 *
 * <p>Prints progress every 5 seconds, the phase times, orders/s, heap used (live after a full
 * collection, and the peak of the heap pools) and the totals that show the work was done.
 */
public final class YearReplay {

    static final long SEED = 20_261_122L;
    static final int GUIDES = 40_000;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The first day of the replayed year. */
    public static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final int DAYS = 365;
    /** The start of the replayed year in Shanghai. */
    public static final Instant FROM = START.atStartOfDay(ZONE).toInstant();
    static final Instant UNTIL = START.plusYears(1).atStartOfDay(ZONE).toInstant();

    /** The department store's five-tier ladder (JSON). */
    public static final String TIERS = """
            {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai", "metric": "spend",
             "window": {"kind": "rolling", "months": 12}, "grace": {"days": 30}, "downgrade": "one-tier",
             "idempotency": {"windowDays": 30},
             "tiers": [
              {"id": "BASIC", "name": "普卡", "threshold": 0},
              {"id": "SILVER", "name": "银卡", "threshold": "CNY 3000.00", "retention": "CNY 2000.00",
               "benefits": {"earnMultiplier": 1.2}},
              {"id": "GOLD", "name": "金卡", "threshold": "CNY 10000.00", "retention": "CNY 7000.00",
               "benefits": {"earnMultiplier": 1.5}},
              {"id": "PLATINUM", "name": "白金卡", "threshold": "CNY 30000.00", "retention": "CNY 20000.00",
               "benefits": {"earnMultiplier": 2}},
              {"id": "DIAMOND", "name": "钻石卡", "threshold": "CNY 80000.00", "retention": "CNY 60000.00",
               "benefits": {"earnMultiplier": 3}}]}
            """;

    /** The points program (JSON); {@link #pointsEngine} adds the tiers' earn multipliers. */
    public static final String POINTS = """
            {"schemaVersion": 1,
             "earn": {"rate": 1, "categoryMultipliers": {"cosmetics": 2}, "birthdayMultiplier": 2,
              "campaigns": [{"code": "ANNIVERSARY-2026", "from": "2026-09-19", "to": "2026-09-27", "multiplier": 3}],
              "maxPerOrder": 20000},
             "lots": {"pendingDays": 7, "expiry": {"policy": "end-of-next-year"}, "refundWindowDays": 30},
             "redemption": {"rate": 100, "maxSharePercent": 50, "minimumBalance": 100, "step": 100},
             "negativeBalance": "clamp", "idempotency": {"windowDays": 30}}
            """;

    static final String COMMISSION = """
            {"schemaVersion": 1, "defaultRate": 1.5,
             "rules": [{"brand": "B1", "rate": 3}, {"brand": "B2", "fixedPerUnit": "CNY 5.00"},
                       {"category": "cosmetics", "rate": 2.5}],
             "levels": [{"share": 90}, {"share": 10}], "returnWindowDays": 7}
            """;

    final int members;
    final long orders;
    final int threads;
    final TierProgram tiers = TierProgram.fromJson(TIERS);
    final PointsEngine points;
    final CommissionPlan plan = CommissionPlan.fromJson(COMMISSION);
    final CommissionLedger commissionLedger = CommissionLedger.of(plan);
    final AttributionPolicy credit = AttributionPolicy.ofDefaults();
    final BindingEngine bindingEngine = BindingEngine.of(BindingPolicy.ofDefaults());
    final DistributionNetwork network;
    final GuideId[] guides = new GuideId[GUIDES];
    final List<CouponTemplate> templates = new ArrayList<>();
    final Checkout checkout;
    /** The day of the year (0-based) each month starts on, and the end of the year. */
    final int[] monthStart = new int[13];

    // per-member state, indexed by member number: what the library keeps for a member. Profiles are
    // the host's member table, not library state: they are regenerated from their seed when an order
    // needs one (see profile(int)), as a host reads them per order.
    final PointsAccount[] accounts;
    final TierStatus[] statuses;
    final CustomerBinding[] bindings;

    final AtomicLong done = new AtomicLong();

    /** Stages left out ({@code -Dreplay.skip=points,tier,attribution,coupons}): for finding what costs. */
    static final String SKIP = System.getProperty("replay.skip", "");
    static final boolean POINTS_ON = !SKIP.contains("points");
    static final boolean TIER_ON = !SKIP.contains("tier");
    static final boolean ATTRIBUTION_ON = !SKIP.contains("attribution");
    static final boolean COUPONS_ON = !SKIP.contains("coupons");

    YearReplay(int members, long orders, int threads) {
        this.members = members;
        this.orders = orders;
        this.threads = threads;
        points = pointsEngine(tiers);
        SplittableRandom random = new SplittableRandom(SEED);
        Map<GuideId, GuideId> uplines = new HashMap<>();
        for (int g = 0; g < GUIDES; g++) {
            guides[g] = GuideId.of("G" + g);
        }
        for (int g = 1000; g < GUIDES; g++) {
            if (random.nextInt(4) == 0) {
                // an upline among the first 1,000 guides, owned by the same thread
                uplines.put(guides[g], guides[sameClass(random.nextInt(1000 / threads), g)]);
            }
        }
        network = DistributionNetwork.of(uplines);
        for (int i = 0; i < 12; i++) {
            templates.add(template(random, i));
        }
        checkout = Checkout.of(templates, 3);
        for (int month = 0; month <= 12; month++) {
            monthStart[month] = (int) (START.plusMonths(month).toEpochDay() - START.toEpochDay());
        }
        accounts = new PointsAccount[members];
        statuses = new TierStatus[members];
        bindings = new CustomerBinding[members];
    }

    /** The points engine of {@link #POINTS} with each tier's earn multiplier from {@code tiers}. */
    public static PointsEngine pointsEngine(TierProgram tiers) {
        PointsProgram.Builder program = PointsProgram.fromJson(POINTS).toBuilder();
        for (Tier tier : tiers.tiers()) {
            program.tierMultiplier(tier.id(), tier.benefits().earnMultiplier());
        }
        return PointsEngine.of(program.build());
    }

    /**
     * Member {@code m}'s profile, drawn first from its enrolment stream {@code mix(SEED, m, -1)}, so
     * enrolment and every order see the same profile without the replay holding 2 M of them.
     */
    static MemberProfile profile(SplittableRandom enrolment, MemberId member) {
        return MemberGenerators.profile(enrolment, member, LATEST_JOIN, 3 * 365);
    }

    /** The last day a member can have joined on: the day before the year. */
    private static final LocalDate LATEST_JOIN = START.minusDays(1);

    /** The orders member {@code m} places in the year. */
    long orderCount(int m) {
        return orders / members + (m < orders % members ? 1 : 0);
    }

    /** Member {@code m}'s phase in [0, 1): where in the year its evenly spread orders start. */
    static double phase(int m) {
        return (mix(SEED, m, -2) >>> 11) * 0x1p-53;
    }

    /** The day of the year (0-based) of order {@code j} of {@code count} of a member with {@code phase}. */
    static int dayOf(double phase, long j, long count) {
        return (int) ((j + phase) * DAYS / count);
    }

    /** Guide number {@code i * threads + (g % threads)}: a guide of the same thread as guide {@code g}. */
    int sameClass(int i, int g) {
        return i * threads + Math.floorMod(g, threads);
    }

    public static void main(String[] args) throws InterruptedException {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        long orders = args.length > 1 ? Long.parseLong(args[1]) : 18_000_000L;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        if (members < 1 || orders < 0 || threads < 1 || threads > GUIDES / 1000) {
            throw new IllegalArgumentException("usage: YearReplay [members >= 1] [orders >= 0] [threads 1..40]");
        }
        System.out.printf(Locale.ROOT, "Siyu year replay: %,d members, %,d orders, %d threads, %,d guides, max heap %,d MB%s%n",
                members, orders, threads, GUIDES, Runtime.getRuntime().maxMemory() >> 20,
                SKIP.isEmpty() ? "" : " (skipping " + SKIP + ")");
        long began = System.nanoTime();
        YearReplay replay = new YearReplay(members, orders, threads);
        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = replay.new Worker(t);
        }

        long t0 = System.nanoTime();
        long processCpu0 = processCpuNanos();
        long gc0 = gcMillis();
        runAll(workers, Worker::enrol);
        long t1 = System.nanoTime();
        long processCpu1 = processCpuNanos();
        long gc1 = gcMillis();
        // A diagnostic between the phases (two full collections): not counted in the totals below.
        long enrolled = liveHeap();
        System.out.printf(Locale.ROOT, "enrol: %,d members in %.1f s; heap live %,d MB (%.0f bytes a member)%n", members,
                (t1 - t0) / 1e9, enrolled >> 20, (double) enrolled / members);

        long t2 = System.nanoTime();
        long processCpu2 = processCpuNanos();
        long gc2 = gcMillis();
        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    long n = replay.done.get();
                    double s = (System.nanoTime() - t2) / 1e9;
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf(Locale.ROOT, "  %5.1f s  %,12d orders  %,10.0f orders/s  heap %,d MB%n", s, n, n / s,
                            (rt.totalMemory() - rt.freeMemory()) >> 20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        progress.setDaemon(true);
        progress.start();
        runAll(workers, Worker::replay);
        progress.interrupt();
        long t3 = System.nanoTime();
        long replayed = replay.done.get();
        System.out.printf(Locale.ROOT, "replay: %,d orders in %.1f s, %,.0f orders/s%n", replayed, (t3 - t2) / 1e9,
                replayed / ((t3 - t2) / 1e9));
        long cpu = 0;
        long allocated = 0;
        for (Worker w : workers) {
            cpu += w.replayCpuNanos;
            allocated += w.replayAllocated;
        }
        System.out.printf(Locale.ROOT, "replay thread CPU time: %.1f s, %.2f µs an order (order generation included; GC threads"
                + " not counted); load average %.2f%n", cpu / 1e9, cpu / 1e3 / Math.max(1, replayed),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "replay threads allocated %,d bytes an order (garbage included)%n",
                allocated / Math.max(1, replayed));

        runAll(workers, Worker::book);
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "book commission: %.2f s%n", (t4 - t3) / 1e9);
        long processCpu = processCpuNanos() - processCpu2 + processCpu1 - processCpu0;
        long gc = gcMillis() - gc2 + gc1 - gc0;
        long measuring = t2 - t1;
        long peak = peakHeap();
        long live = liveHeap();
        replay.report(workers);
        System.out.printf(Locale.ROOT, "%nphases: setup %.1f s, enrol %.1f s, replay %.1f s, book %.2f s; total %.1f s"
                + " (not counting the %.1f s of measuring the live heap after enrolment)%n",
                (t0 - began) / 1e9, (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - began - measuring) / 1e9,
                measuring / 1e9);
        System.out.printf(Locale.ROOT, "orders/s over enrol+replay+book: %,.0f%n", replayed / ((t4 - t0 - measuring) / 1e9));
        System.out.printf(Locale.ROOT, "process CPU over enrol+replay+book: %.1f s (all threads: workers, collector, compiler); "
                + "collector pauses and cycles %.1f s%n", processCpu / 1e9, gc / 1e3);
        System.out.printf(Locale.ROOT, "heap: live at end %,d MB (%.0f bytes a member), peak of heap pools %,d MB, max %,d MB%n",
                live >> 20, (double) live / members, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private interface Phase {
        void run(Worker w);
    }

    private static void runAll(Worker[] workers, Phase phase) throws InterruptedException {
        Thread[] running = new Thread[workers.length];
        Throwable[] failed = new Throwable[1];
        for (int t = 0; t < workers.length; t++) {
            Worker w = workers[t];
            running[t] = new Thread(() -> phase.run(w), "replay-" + t);
            running[t].setUncaughtExceptionHandler((th, e) -> {
                synchronized (failed) {
                    failed[0] = e;
                }
            });
            running[t].start();
        }
        for (Thread t : running) {
            t.join();
        }
        synchronized (failed) {
            if (failed[0] != null) {
                throw new IllegalStateException("a replay thread failed", failed[0]);
            }
        }
    }

    /** One thread's share: the members {@code from <= m < to} and the guides {@code g % threads == id}. */
    final class Worker {
        final int id;
        final int from;
        final int to;
        final LedgerBatch batch = commissionLedger.batch(Map.of());
        List<GuideLedger> ledgers = List.of();
        long pointsEarned;
        long ordersNet;
        long commission;
        long checkouts;
        long couponsApplied;
        long discount;
        /** This thread's CPU time in {@link #replay}, nanoseconds (other processes' load does not count). */
        long replayCpuNanos;
        /** Bytes this thread allocated in {@link #replay} (garbage included). */
        long replayAllocated;

        Worker(int id) {
            this.id = id;
            this.from = (int) ((long) members * id / threads);
            this.to = (int) ((long) members * (id + 1) / threads);
        }

        void enrol() {
            for (int m = from; m < to; m++) {
                SplittableRandom random = new SplittableRandom(mix(SEED, m, -1));
                MemberId member = MemberId.of("M" + m);
                MemberProfile profile = profile(random, member);
                statuses[m] = tiers.enroll(profile, FROM).status();
                accounts[m] = PointsAccount.empty(member);
                CustomerBinding binding = CustomerBinding.empty(member);
                Instant bound = profile.joinedOn().atStartOfDay(ZONE).toInstant();
                for (int s = 0; s < 3; s++) {
                    if (s == 0 || random.nextInt(3) == 0) {
                        GuideId guide = guides[sameClass(random.nextInt(GUIDES / threads), id)];
                        binding = bindingEngine.touch(binding, new Touch(member, guide, BindingScope.store(StoreId.of("S" + s)),
                                TouchKind.ADD, bound), OperationId.of("add" + s)).binding();
                    }
                }
                bindings[m] = binding;
            }
        }

        void replay() {
            long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long allocated0 = allocatedBytes();
            long pending = 0;
            for (int month = 0; month < 12; month++) {
                int firstDay = monthStart[month];
                int endDay = monthStart[month + 1];
                for (int m = from; m < to; m++) {
                    long count = orderCount(m);
                    if (count == 0) {
                        continue;
                    }
                    double phase = phase(m);
                    // order j falls on day dayOf(phase, j, count): the first j on or after firstDay
                    long j = Math.max(0, (long) Math.ceil(firstDay * (double) count / DAYS - phase) - 1);
                    for (; j < count; j++) {
                        int day = dayOf(phase, j, count);
                        if (day < firstDay) {
                            continue;
                        }
                        if (day >= endDay) {
                            break;
                        }
                        order(m, j, day);
                        pending++;
                    }
                    if (pending >= 4096) {
                        done.addAndGet(pending);
                        pending = 0;
                    }
                }
            }
            done.addAndGet(pending);
            replayCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
            replayAllocated = allocatedBytes() - allocated0;
        }

        void order(int m, long j, int day) {
            // the member's state first, as a host loads it when the order arrives
            PointsAccount account = accounts[m];
            TierStatus status = statuses[m];
            CustomerBinding binding = bindings[m];
            MemberId member = account.member();
            TierId tier = status.tier();
            SplittableRandom random = new SplittableRandom(mix(SEED, m, j));
            MemberProfile profile = profile(new SplittableRandom(mix(SEED, m, -1)), member);
            Instant at = FROM.plusSeconds(day * 86_400L + 36_000 + random.nextInt(11 * 3600));
            OrderId orderId = OrderId.of(member.value() + "-" + j);
            Order order = OrderGenerators.order(random, orderId, member, at, 3);
            if (random.nextInt(10) == 0 && COUPONS_ON) {
                checkout(random, member, order);
            }
            long p = 0;
            if (POINTS_ON) {
                PointsResult earned = points.apply(account, new PointsCommand.Earn(OperationId.of(orderId.value() + ":earn"),
                        at, order, profile, Optional.of(tier)));
                accounts[m] = earned.account();
                for (MembershipEvent e : earned.events()) {
                    if (e instanceof PointsEarned pe) {
                        p += pe.points();
                    }
                }
            }
            pointsEarned += p;
            ordersNet += order.net().minor();
            if (TIER_ON) {
                statuses[m] = tiers.record(status, QualifyingActivity.of(order, p), at).status();
            }
            if (!ATTRIBUTION_ON) {
                return;
            }
            OrderTouches touches = random.nextInt(3) == 0
                    ? OrderTouches.none().withSaleGuide(guides[sameClass(random.nextInt(GUIDES / threads), id)])
                    : OrderTouches.none();
            OrderCommission c = plan.commission(order, credit.attribute(order, touches, binding), network);
            batch.accrue(c);
            commission += c.totalMinor();
        }

        void checkout(SplittableRandom random, MemberId member, Order order) {
            List<Coupon> wallet = new ArrayList<>(4);
            for (int i = 0; i < 4; i++) {
                CouponTemplate t = templates.get(random.nextInt(templates.size()));
                wallet.add(new Coupon(CouponId.of(member.value() + "-C" + i), t.id(), member, FROM, FROM, UNTIL,
                        Money.zero(Money.CNY)));
            }
            Offer offer = checkout.best(wallet, new Basket(Shopper.of(member), order.channel(), order.lines(),
                    order.placedAt()));
            checkouts++;
            couponsApplied += offer.applied().size();
            discount += offer.total().minor();
        }

        void book() {
            ledgers = batch.finish(OperationId.of("year-replay-2026-t" + id));
        }
    }

    private void report(Worker[] workers) {
        long pointsEarned = 0;
        long net = 0;
        long commission = 0;
        long checkouts = 0;
        long applied = 0;
        long discount = 0;
        int guidesBooked = 0;
        long accrued = 0;
        long bookedOrders = 0;
        for (Worker w : workers) {
            pointsEarned += w.pointsEarned;
            net += w.ordersNet;
            commission += w.commission;
            checkouts += w.checkouts;
            applied += w.couponsApplied;
            discount += w.discount;
            guidesBooked += w.ledgers.size();
            for (GuideLedger l : w.ledgers) {
                for (PeriodAccount p : l.open().values()) {
                    accrued += p.accrued().minor();
                    bookedOrders += p.orders();
                }
            }
        }
        long balance = 0;
        long operations = 0;
        Map<TierId, Integer> tierCounts = new TreeMap<>();
        for (Tier tier : tiers.tiers()) {
            tierCounts.put(tier.id(), 0);
        }
        for (int m = 0; m < members; m++) {
            balance += accounts[m].balance();
            operations += accounts[m].version();
            tierCounts.merge(statuses[m].tier(), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "%nTotals%n");
        System.out.printf(Locale.ROOT, "  orders net (before coupons)  %s%n", Money.cnyMinor(net));
        System.out.printf(Locale.ROOT, "  points earned                %,d (balance %,d, %,d points operations)%n", pointsEarned,
                balance, operations);
        System.out.printf(Locale.ROOT, "  tier distribution            %s%n", tierCounts);
        System.out.printf(Locale.ROOT, "  commission computed          %s; booked on %,d guides' ledgers: %s accrued, %,d accruals%n",
                Money.cnyMinor(commission), guidesBooked, Money.cnyMinor(accrued), bookedOrders);
        System.out.printf(Locale.ROOT, "  coupon checkouts             %,d, %,d coupons applied, discount %s%n", checkouts, applied,
                Money.cnyMinor(discount));
    }

    static long mix(long seed, long member, long n) {
        long z = seed + member * 0x9E3779B97F4A7C15L + n * 0xC2B2AE3D27D4EB4FL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Bytes the calling thread allocated so far (HotSpot's thread allocation counter), or 0 where unsupported. */
    static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                ? t.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }

    /** The CPU time of the whole process so far, or 0 where unsupported. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The collectors' accumulated time (pauses, and for G1 its concurrent cycles as the JVM counts them). */
    static long gcMillis() {
        long sum = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A coupon template: 满减 ladders, 无门槛, capped percents, brand scopes and stacking groups. */
    private static CouponTemplate template(SplittableRandom r, int n) {
        Benefit benefit = switch (r.nextInt(4)) {
            case 0 -> new Benefit.AmountOff(List.of(
                    new Benefit.Step(Money.cnyMinor(20_000 + r.nextLong(100_000)), Money.cnyMinor(2_000 + r.nextLong(3_000))),
                    new Benefit.Step(Money.cnyMinor(200_000 + r.nextLong(300_000)), Money.cnyMinor(20_000 + r.nextLong(30_000)))));
            case 1 -> new Benefit.NoThreshold(Money.cnyMinor(500 + r.nextLong(5_000)));
            case 2 -> new Benefit.PercentOff(BigDecimal.valueOf(5 + r.nextInt(20)),
                    Optional.of(Money.cnyMinor(50_000 + r.nextLong(500_000))), Optional.of(Money.cnyMinor(10_000 + r.nextLong(50_000))),
                    Money.CNY);
            default -> Benefit.AmountOff.over(Money.cnyMinor(30_000 + r.nextLong(50_000)), Money.cnyMinor(3_000 + r.nextLong(10_000)));
        };
        Eligibility e = Eligibility.everyone();
        if (r.nextInt(3) == 0) {
            e = e.withBrands(new Scope<>(java.util.Set.of(BrandId.of("B" + r.nextInt(6)), BrandId.of("B" + (6 + r.nextInt(6)))),
                    java.util.Set.of()));
        }
        Stacking s = switch (r.nextInt(5)) {
            case 0 -> Stacking.exclusiveCoupon();
            case 1 -> Stacking.inGroup("platform", r.nextInt(3));
            case 2 -> Stacking.inGroup("store", r.nextInt(3));
            default -> Stacking.stackable().withPriority(r.nextInt(3));
        };
        return CouponTemplate.builder(CouponTemplateId.of("T" + n), benefit).eligibility(e)
                .validity(Validity.between(FROM, UNTIL, ZONE)).stacking(s).build();
    }
}
