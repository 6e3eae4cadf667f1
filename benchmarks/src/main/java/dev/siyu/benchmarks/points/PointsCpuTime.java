package dev.siyu.benchmarks.points;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Thread CPU time per ledger operation of {@link PointsLedgerBenchmark}'s {@code engine} path (same
 * state, same method), measured with the thread's CPU clock instead of wall time, so that other
 * processes on a shared machine change the figure less (they still share its caches). One thread,
 * {@code seconds} of warm-up then {@code seconds} of measurement, in chunks of 10,000 rounds.
 * Prints nanoseconds of thread CPU per operation and the operations per second of thread CPU time
 * (the per-core rate). A sanity check beside JMH on a loaded machine, not a replacement for it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.siyu.benchmarks.points.PointsCpuTime 10
 * </pre>
 */
public final class PointsCpuTime {

    private PointsCpuTime() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        PointsLedgerBenchmark b = new PointsLedgerBenchmark();
        b.setUp();
        PointsLedgerBenchmark.Accounts a = new PointsLedgerBenchmark.Accounts();
        a.setUp(b);
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 2; round++) {
            long ops = 0;
            long cpu = 0;
            long wallStart = System.nanoTime();
            long end = wallStart + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long cpuStart = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < 10_000; i++) {
                    b.engine(a, bh);
                }
                cpu += mx.getCurrentThreadCpuTime() - cpuStart;
                ops += 2 * 10_000;
            }
            if (round == 1) {
                double wall = (System.nanoTime() - wallStart) / 1e9;
                System.out.printf(Locale.ROOT, "engine: %,d operations in %.1f s wall (%,.0f ops/s); %.0f ns thread CPU an"
                        + " operation (%,.0f ops per second of CPU)%n", ops, wall, ops / wall, cpu / (double) ops,
                        ops * 1e9 / cpu);
            }
        }
    }
}
