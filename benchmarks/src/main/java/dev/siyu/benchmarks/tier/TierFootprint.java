package dev.siyu.benchmarks.tier;

import static dev.siyu.benchmarks.points.MemberFootprint.settledUsed;

import dev.siyu.benchmarks.replay.YearReplay;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.order.Order;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.testkit.member.MemberGenerators;
import dev.siyu.testkit.order.OrderGenerators;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A diagnostic, not a JMH benchmark: what {@link TierProgram#record} keeps per order, with the year
 * replay's tier program ({@link YearReplay#TIERS}). Over {@code members} members (enrolled at the
 * start of the replayed year) it records {@code orders} orders each, round-robin in date order, and
 * prints, from {@link Runtime} used memory after {@link System#gc()} (repeated until it settles):
 * <ul>
 *   <li>the heap an enrolled status (no activity) holds;</li>
 *   <li>the heap each member's latest status holds after the orders (the live size the replay keeps);</li>
 *   <li>the heap each <em>version</em> adds when every version is kept (what an order leaves behind
 *       for the old generation in the replay, where a version lives until the member's next order):
 *       the status, its parts not shared with the version before, and their growth copies;</li>
 *   <li>bytes allocated and thread CPU time per record, from the thread MX bean.</li>
 * </ul>
 * Orders and profiles are made before the first measurement, so only statuses are counted.
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.siyu.benchmarks.tier.TierFootprint [members] [orders]
 * }</pre>
 */
public final class TierFootprint {

    private TierFootprint() {
    }

    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int perMember = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        TierProgram tiers = TierProgram.fromJson(YearReplay.TIERS);
        MemberProfile[] profiles = new MemberProfile[members];
        Order[][] orders = new Order[members][perMember];
        long[][] points = new long[members][perMember];
        for (int m = 0; m < members; m++) {
            SplittableRandom random = new SplittableRandom(m * 0x9E3779B97F4A7C15L + 1);
            MemberId member = MemberId.of("M" + m);
            profiles[m] = MemberGenerators.profile(random, member, YearReplay.START.minusDays(1), 3 * 365);
            for (int j = 0; j < perMember; j++) {
                int day = j * 365 / perMember + random.nextInt(Math.max(1, 365 / perMember));
                Instant at = YearReplay.FROM.plusSeconds(day * 86_400L + 36_000 + random.nextInt(11 * 3600));
                orders[m][j] = OrderGenerators.order(random, OrderId.of(member.value() + "-" + j), member, at, 3);
                points[m][j] = orders[m][j].net().minor() / 100;
            }
        }
        TierStatus[] statuses = new TierStatus[members];
        TierStatus[][] versions = new TierStatus[members][perMember];
        long empty = settledUsed();
        for (int m = 0; m < members; m++) {
            statuses[m] = tiers.enroll(profiles[m], YearReplay.FROM).status();
        }
        long enrolled = settledUsed();

        // pass 1: only the latest version of each member is kept
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        TierStatus[] first = statuses.clone();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long alloc0 = threads.getThreadAllocatedBytes(tid);
        for (int j = 0; j < perMember; j++) {
            for (int m = 0; m < members; m++) {
                Order order = orders[m][j];
                statuses[m] = tiers.record(statuses[m], QualifyingActivity.of(order, points[m][j]), order.placedAt())
                        .status();
            }
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long allocated = threads.getThreadAllocatedBytes(tid) - alloc0;
        long latest = settledUsed();
        long check = statuses[members - 1].version() + statuses[0].activityCount();

        // pass 2: the same orders from the enrolled statuses again, every version kept
        java.util.Arrays.fill(statuses, null);
        long base = settledUsed();
        for (int j = 0; j < perMember; j++) {
            for (int m = 0; m < members; m++) {
                Order order = orders[m][j];
                TierStatus before = j == 0 ? first[m] : versions[m][j - 1];
                versions[m][j] = tiers.record(before, QualifyingActivity.of(order, points[m][j]), order.placedAt())
                        .status();
            }
        }
        long all = settledUsed();
        check += versions[members - 1][perMember - 1].version();

        double n = (double) members * perMember;
        System.out.printf(Locale.ROOT, "%,d members x %d orders (%s)%n", members, perMember, Runtime.version());
        System.out.printf(Locale.ROOT, "enrolled status: %,.0f B a member%n", (enrolled - empty) / (double) members);
        System.out.printf(Locale.ROOT, "latest status only: %,.0f B a member after %d orders (%,.0f B an order)%n",
                (latest - enrolled) / (double) members, perMember, (latest - enrolled) / n);
        System.out.printf(Locale.ROOT, "every version kept: %,.0f B a version (what an order leaves for the old generation)%n",
                (all - base) / n);
        System.out.printf(Locale.ROOT, "record: %,.0f B allocated, %.2f us thread CPU an order (cold included)%n",
                allocated / n, cpu / n / 1000);
        System.out.println("check " + (check + first[0].version() + profiles.length + orders[0].length));
    }
}
