package dev.siyu.benchmarks.attribution;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongUnaryOperator;

/**
 * Compares builds of {@link AttributionCommissionBenchmark#attributeComputeAndBatch} on a shared,
 * noisy machine: each benchmark jar given is loaded in its own class loader in this one JVM, and
 * the builds run in turn, {@code chunk} orders per thread at a time, so that they share the same
 * load; each thread's CPU time per order is summed per build. Arguments: rounds (the first three
 * are warm-up), threads, then two or more benchmark jars. Prints mean, median and minimum of the
 * per-round thread CPU per order. A tool for comparing two builds, not a replacement for JMH.
 */
public final class AttributionInterleaved {

    private static final long CHUNK = 300_000;

    private AttributionInterleaved() {
    }

    /**
     * Runs one build's orders; loaded once per jar (its bytes defined again in that jar's loader),
     * so that it binds to that jar's classes. Each pool thread keeps its own books, fresh every
     * 2 M orders like a JMH iteration at the target rate.
     */
    public static final class Chunk implements LongUnaryOperator {
        private final AttributionCommissionBenchmark b = new AttributionCommissionBenchmark();
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final ThreadLocal<AttributionCommissionBenchmark.Books> books = new ThreadLocal<>();
        private final ThreadLocal<long[]> done = ThreadLocal.withInitial(() -> new long[2]);

        public Chunk() {
            b.setUp();
        }

        /** Runs {@code orders} orders on this thread's books; returns the thread CPU nanoseconds they took. */
        @Override
        public long applyAsLong(long orders) {
            AttributionCommissionBenchmark.Books bk = books.get();
            long[] d = done.get();
            if (bk == null || d[0] >= 2_000_000) {
                bk = new AttributionCommissionBenchmark.Books();
                bk.reset(b);
                books.set(bk);
                d[0] = 0;
            }
            long sink = 0;
            long start = mx.getCurrentThreadCpuTime();
            for (long i = 0; i < orders; i++) {
                sink += b.attributeComputeAndBatch(bk);
            }
            long cpu = mx.getCurrentThreadCpuTime() - start;
            d[0] += orders;
            d[1] += sink;
            return cpu;
        }
    }

    /** A loader that defines {@link Chunk} itself and finds everything else in one jar. */
    private static final class JarLoader extends URLClassLoader {
        JarLoader(Path jar) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(Chunk.class.getName())) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    if (loaded != null) {
                        return loaded;
                    }
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = AttributionInterleaved.class.getClassLoader().getResourceAsStream(resource)) {
                        byte[] bytes = in.readAllBytes();
                        return defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
            }
            return super.loadClass(name, resolve);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int builds = args.length - 2;
        LongUnaryOperator[] runs = new LongUnaryOperator[builds];
        for (int v = 0; v < builds; v++) {
            JarLoader loader = new JarLoader(Path.of(args[2 + v]));
            runs[v] = (LongUnaryOperator) loader.loadClass(Chunk.class.getName()).getConstructor().newInstance();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<List<Double>> perRound = new ArrayList<>();
        for (int v = 0; v < builds; v++) {
            perRound.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < builds; k++) {
                int v = r % 2 == 0 ? k : builds - 1 - k;
                List<Callable<Long>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    tasks.add(() -> runs[v].applyAsLong(CHUNK));
                }
                long cpu = 0;
                for (var f : pool.invokeAll(tasks)) {
                    cpu += f.get();
                }
                if (r >= 3) {
                    perRound.get(v).add(cpu / (double) (CHUNK * threads));
                }
            }
        }
        pool.shutdown();
        for (int v = 0; v < builds; v++) {
            double[] per = perRound.get(v).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: mean %.0f ns thread CPU per order, median %.0f, min %.0f (%d rounds of %,d"
                    + " orders x %d threads)%n", args[2 + v], Arrays.stream(per).average().orElse(0), per[per.length / 2],
                    per[0], per.length, CHUNK, threads);
        }
    }
}
