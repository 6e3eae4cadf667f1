package dev.siyu.benchmarks.replay;

import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.tier.TierStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jol.info.GraphLayout;

/**
 * What one order adds to a member's retained state in the {@link YearReplay}: for a sample of
 * members, each order's new points account and tier status are walked (JOL's object graph) and the
 * objects the previous version did not already hold are counted. Those are the bytes that survive
 * the young collection (the member array keeps the new version) and die in the old generation when
 * the member's next order replaces them, so they drive the replay's collector cost. Prints bytes and
 * objects per order for each aggregate and the classes they are made of; then what the sampled
 * members' aggregates hold at the end of their year (the live set per member; an object shared by
 * several members, such as a program's constants, counted once).
 *
 * <p>Object addresses identify objects, so run it without a moving collector:
 *
 * <pre>
 * java -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xmx8g -Djol.magicFieldOffset=true \
 *     -cp benchmarks/target/benchmarks.jar dev.siyu.benchmarks.replay.VersionBytes 20000 180000 100
 * </pre>
 *
 * <p>Arguments: members, orders (as for {@link YearReplay}), sample (every n-th member).
 */
public final class VersionBytes {

    private VersionBytes() {
    }

    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long orders = args.length > 1 ? Long.parseLong(args[1]) : 180_000;
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        YearReplay replay = new YearReplay(members, orders, 1);
        YearReplay.Worker worker = replay.new Worker(0);
        worker.enrol();
        Map<Class<?>, long[]> points = new TreeMap<>(Comparator.comparing(Class::getName));
        Map<Class<?>, long[]> tiers = new TreeMap<>(Comparator.comparing(Class::getName));
        long sampled = 0;
        for (int m = 0; m < members; m += sample) {
            long count = replay.orderCount(m);
            double phase = YearReplay.phase(m);
            for (long j = 0; j < count; j++) {
                PointsAccount account = replay.accounts[m];
                TierStatus status = replay.statuses[m];
                worker.order(m, j, YearReplay.dayOf(phase, j, count));
                count(points, GraphLayout.parseInstance(replay.accounts[m]).subtract(GraphLayout.parseInstance(account)));
                count(tiers, GraphLayout.parseInstance(replay.statuses[m]).subtract(GraphLayout.parseInstance(status)));
                sampled++;
            }
        }
        System.out.printf(Locale.ROOT, "%,d orders of %,d members (1 in %d of %,d)%n", sampled,
                (members + sample - 1) / sample, sample, members);
        report("points account", points, sampled);
        report("tier status", tiers, sampled);
        // What the sampled members hold at the end of their year (the live set per member): each
        // aggregate's objects over all sampled members, an object shared by several counted once.
        List<Object> endPoints = new ArrayList<>();
        List<Object> endTiers = new ArrayList<>();
        List<Object> endBindings = new ArrayList<>();
        for (int m = 0; m < members; m += sample) {
            endPoints.add(replay.accounts[m]);
            endTiers.add(replay.statuses[m]);
            endBindings.add(replay.bindings[m]);
        }
        System.out.printf(Locale.ROOT, "%nat the end of the year, per member (objects shared by members counted once):%n");
        report("points account", totals(GraphLayout.parseInstance(endPoints.toArray())), endPoints.size());
        report("tier status", totals(GraphLayout.parseInstance(endTiers.toArray())), endTiers.size());
        report("bindings", totals(GraphLayout.parseInstance(endBindings.toArray())), endBindings.size());
    }

    private static Map<Class<?>, long[]> totals(GraphLayout layout) {
        Map<Class<?>, long[]> totals = new TreeMap<>(Comparator.comparing(Class::getName));
        count(totals, layout);
        return totals;
    }

    /** Adds {@code added}'s bytes and objects per class to {@code totals}. */
    private static void count(Map<Class<?>, long[]> totals, GraphLayout added) {
        for (Class<?> c : added.getClasses()) {
            long[] t = totals.computeIfAbsent(c, k -> new long[2]);
            t[0] += added.getClassSizes().count(c);
            t[1] += added.getClassCounts().count(c);
        }
    }

    private static void report(String what, Map<Class<?>, long[]> totals, long orders) {
        long bytes = 0;
        long objects = 0;
        for (long[] t : totals.values()) {
            bytes += t[0];
            objects += t[1];
        }
        System.out.printf(Locale.ROOT, "%s: %.1f bytes and %.2f objects%n", what,
                (double) bytes / orders, (double) objects / orders);
        totals.forEach((c, t) -> System.out.printf(Locale.ROOT, "  %-60s %8.1f B %6.2f objects%n", c.getName(),
                (double) t[0] / orders, (double) t[1] / orders));
    }
}
