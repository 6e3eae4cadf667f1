package dev.siyu.benchmarks.points;

import dev.siyu.benchmarks.replay.YearReplay;
import dev.siyu.core.event.MembershipEvent;
import dev.siyu.core.event.PointsEarned;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.order.Order;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.testkit.member.MemberGenerators;
import dev.siyu.testkit.order.OrderGenerators;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A diagnostic, not a JMH benchmark: the heap a member's points account and tier status retain
 * after {@code N} orders, and the thread CPU time per order (so other processes' load does not
 * count) of {@link PointsEngine#apply} (earn) and
 * {@link TierProgram#record}, with the year replay's programs. Heap is measured as
 * {@link Runtime} used memory after {@link System#gc()} (repeated until it settles), over
 * {@code members} members, before and after the orders; orders and profiles are made in a first
 * pass so only the state is counted.
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.siyu.benchmarks.points.MemberFootprint [members] [orders]
 * }</pre>
 */
public final class MemberFootprint {

    private MemberFootprint() {
    }

    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perMember = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        TierProgram tiers = TierProgram.fromJson(YearReplay.TIERS);
        PointsEngine points = YearReplay.pointsEngine(tiers);
        MemberProfile[] profiles = new MemberProfile[members];
        Order[][] orders = new Order[members][perMember];
        for (int m = 0; m < members; m++) {
            SplittableRandom random = new SplittableRandom(m * 0x9E3779B97F4A7C15L + 1);
            MemberId member = MemberId.of("M" + m);
            profiles[m] = MemberGenerators.profile(random, member, YearReplay.START.minusDays(1), 3 * 365);
            for (int j = 0; j < perMember; j++) {
                int day = j * 365 / perMember + random.nextInt(365 / perMember);
                Instant at = YearReplay.FROM.plusSeconds(day * 86_400L + 36_000 + random.nextInt(11 * 3600));
                orders[m][j] = OrderGenerators.order(random, OrderId.of(member.value() + "-" + j), member, at, 3);
            }
        }
        PointsAccount[] accounts = new PointsAccount[members];
        TierStatus[] statuses = new TierStatus[members];
        TierStatus[] enrolled = new TierStatus[members];
        for (int m = 0; m < members; m++) {
            accounts[m] = PointsAccount.empty(profiles[m].id());
            statuses[m] = tiers.enroll(profiles[m], YearReplay.FROM).status();
            enrolled[m] = statuses[m];
        }
        long before = settledUsed();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long pointsNanos = 0;
        long tierNanos = 0;
        long[] earnedPoints = new long[members];
        for (int j = 0; j < perMember; j++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int m = 0; m < members; m++) {
                Order order = orders[m][j];
                PointsResult earned = points.apply(accounts[m], new PointsCommand.Earn(
                        OperationId.of(order.id().value() + ":earn"), order.placedAt(), order, profiles[m],
                        Optional.of(statuses[m].tier())));
                accounts[m] = earned.account();
                long p = 0;
                for (MembershipEvent e : earned.events()) {
                    if (e instanceof PointsEarned pe) {
                        p += pe.points();
                    }
                }
                earnedPoints[m] = p;
            }
            long t1 = threads.getCurrentThreadCpuTime();
            for (int m = 0; m < members; m++) {
                Order order = orders[m][j];
                statuses[m] = tiers.record(statuses[m], QualifyingActivity.of(order, earnedPoints[m]), order.placedAt())
                        .status();
            }
            long t2 = threads.getCurrentThreadCpuTime();
            pointsNanos += t1 - t0;
            tierNanos += t2 - t1;
        }
        long after = settledUsed();
        long check = accounts[members - 1].balance() + statuses[members - 1].version();
        // drop the tier statuses' growth: what is left is the points accounts' growth
        System.arraycopy(enrolled, 0, statuses, 0, members);
        long pointsOnly = settledUsed();
        double n = (double) members * perMember;
        System.out.printf(Locale.ROOT, "%,d members x %d orders (%s)%n", members, perMember,
                Runtime.version());
        System.out.printf(Locale.ROOT, "retained per member after %d orders: points + tiers %,.0f B, points %,.0f B, "
                + "tiers %,.0f B%n", perMember, (after - before) / (double) members, (pointsOnly - before) / (double) members,
                (after - pointsOnly) / (double) members);
        System.out.printf(Locale.ROOT, "per order: points %,.0f B, tiers %,.0f B; thread CPU time per order (cold "
                + "included, the order made before): points earn %.2f us, tier record %.2f us%n", (pointsOnly - before) / n,
                (after - pointsOnly) / n, pointsNanos / n / 1000, tierNanos / n / 1000);
        // keep everything reachable until here
        System.out.println("check " + (check + accounts[0].version() + statuses[0].version() + orders[0].length
                + profiles.length));
    }

    /** Heap in use once repeated full collections stop freeing memory (to 64 KB): the live set. */
    public static long settledUsed() {
        Runtime rt = Runtime.getRuntime();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = rt.totalMemory() - rt.freeMemory();
            if (Math.abs(last - used) < (1 << 16)) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
