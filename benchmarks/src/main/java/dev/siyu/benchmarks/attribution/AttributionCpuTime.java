package dev.siyu.benchmarks.attribution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time per order of {@link AttributionCommissionBenchmark}'s paths, measured with thread and
 * process CPU clocks instead of wall time, so that other processes on a shared machine change the
 * figures little. Same state and methods as the JMH benchmark; each of {@code threads} threads runs
 * its own {@code Books} (fresh every 2 M orders, as a JMH iteration at the target rate) for
 * {@code seconds} of warm-up then {@code seconds} of measurement.
 * Prints, per path, the benchmark threads' CPU nanoseconds per order and the whole process's (which
 * adds GC and JIT work). Arguments: path ({@code batch}, {@code compute} or {@code book}), threads,
 * seconds. A sanity check beside JMH on a loaded machine, not a replacement for it.
 */
public final class AttributionCpuTime {

    private AttributionCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        String path = args.length > 0 ? args[0] : "batch";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        AttributionCommissionBenchmark b = new AttributionCommissionBenchmark();
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 2; round++) {
            boolean measure = round == 1;
            AtomicLong ops = new AtomicLong();
            AtomicLong cpu = new AtomicLong();
            AtomicLong sink = new AtomicLong();
            long processBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = new Thread(() -> {
                    AttributionCommissionBenchmark.Books books = new AttributionCommissionBenchmark.Books();
                    long n = 0;
                    long s = 0;
                    long cpuTotal = 0;
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    for (int chunk = 0; System.nanoTime() < end; chunk++) {
                        if (chunk % 20 == 0) {
                            books.reset(b);
                        }
                        long cpuStart = mx.getCurrentThreadCpuTime();
                        for (int i = 0; i < 100_000; i++) {
                            s += switch (path) {
                                case "compute" -> b.attributeAndCompute(books);
                                case "book" -> b.attributeComputeAndBook(books);
                                default -> b.attributeComputeAndBatch(books);
                            };
                        }
                        cpuTotal += mx.getCurrentThreadCpuTime() - cpuStart;
                        n += 100_000;
                    }
                    cpu.addAndGet(cpuTotal);
                    ops.addAndGet(n);
                    sink.addAndGet(s);
                });
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
            long wall = System.nanoTime() - wallBefore;
            long process = os.getProcessCpuTime() - processBefore;
            if (measure) {
                System.out.printf(Locale.ROOT, "%s, %d threads: %,d orders in %.1f s wall (%,.0f orders/s);"
                        + " %.0f ns thread CPU per order, %.0f ns process CPU per order"
                        + " (%.2f M orders/s if %d cores were ours: threads x 1e9 / process CPU per order) [%d]%n",
                        path, threads, ops.get(), wall / 1e9, ops.get() / (wall / 1e9), cpu.get() / (double) ops.get(),
                        process / (double) ops.get(), threads * 1e3 / (process / (double) ops.get()), threads,
                        sink.get() & 1);
            }
        }
    }
}
