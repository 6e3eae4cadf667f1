package dev.siyu.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.VersionedStore;
import dev.siyu.core.store.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link VersionedStore}, as JUnit 5 tests. A host checks its own store (a SQL
 * table, Redis, …) by extending this class and supplying a fresh store, keys and values:
 *
 * <pre>{@code
 * class MyPointsStoreTest extends VersionedStoreContract<MemberId, PointsAccount> {
 *     protected VersionedStore<MemberId, PointsAccount> newStore() { return new MySqlPointsStore(dataSource); }
 *     protected MemberId key(int i) { return MemberId.of("contract-" + i); }
 *     protected PointsAccount value(int i) { return … a distinct account for each i … ; }
 * }
 * }</pre>
 *
 * It checks conditional writes, read-your-writes, that an operation id is applied at most once per
 * key, and both under concurrency.
 *
 * @param <K> key type
 * @param <V> value type; {@link #value(int)} must give values that are equal exactly when their
 *     numbers are equal
 */
public abstract class VersionedStoreContract<K, V> {

    /** A store holding nothing, isolated from the stores of other tests. */
    protected abstract VersionedStore<K, V> newStore();

    /** Distinct keys for distinct numbers. */
    protected abstract K key(int i);

    /** Distinct values for distinct numbers. */
    protected abstract V value(int i);

    /** Threads used by the concurrency checks. */
    protected int threads() {
        return 8;
    }

    private static OperationId op(String name) {
        return OperationId.of("contract:" + name);
    }

    @Test
    void an_absent_key_loads_empty() {
        assertThat(newStore().load(key(1))).isEmpty();
    }

    @Test
    void the_first_write_expects_version_zero() {
        VersionedStore<K, V> store = newStore();
        assertThat(store.write(key(1), 1, value(1), op("a"))).isEqualTo(WriteResult.VERSION_CONFLICT);
        assertThat(store.load(key(1))).isEmpty();
        assertThat(store.write(key(1), 0, value(1), op("a"))).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.load(key(1))).contains(new Versioned<>(value(1), 1));
    }

    @Test
    void a_write_at_a_stale_version_changes_nothing() {
        VersionedStore<K, V> store = newStore();
        store.write(key(1), 0, value(1), op("a"));
        store.write(key(1), 1, value(2), op("b"));
        assertThat(store.write(key(1), 1, value(3), op("c"))).isEqualTo(WriteResult.VERSION_CONFLICT);
        assertThat(store.load(key(1))).contains(new Versioned<>(value(2), 2));
        assertThat(store.isApplied(key(1), op("c"))).isFalse();
    }

    @Test
    void reads_see_the_latest_write() {
        VersionedStore<K, V> store = newStore();
        for (int i = 0; i < 20; i++) {
            assertThat(store.write(key(1), i, value(i), op("w" + i))).isEqualTo(WriteResult.WRITTEN);
            assertThat(store.load(key(1))).contains(new Versioned<>(value(i), i + 1));
        }
    }

    @Test
    void an_operation_is_applied_at_most_once_per_key() {
        VersionedStore<K, V> store = newStore();
        assertThat(store.write(key(1), 0, value(1), op("once"))).isEqualTo(WriteResult.WRITTEN);
        assertThat(store.isApplied(key(1), op("once"))).isTrue();
        assertThat(store.write(key(1), 1, value(2), op("once"))).isEqualTo(WriteResult.ALREADY_APPLIED);
        assertThat(store.load(key(1))).contains(new Versioned<>(value(1), 1));
    }

    @Test
    void operations_of_one_key_do_not_block_another() {
        VersionedStore<K, V> store = newStore();
        store.write(key(1), 0, value(1), op("shared"));
        assertThat(store.isApplied(key(2), op("shared"))).isFalse();
        assertThat(store.write(key(2), 0, value(2), op("shared"))).isEqualTo(WriteResult.WRITTEN);
    }

    @Test
    void concurrent_writers_never_lose_an_update() throws Exception {
        VersionedStore<K, V> store = newStore();
        int perThread = 200;
        AtomicInteger written = new AtomicInteger();
        AtomicInteger numbers = new AtomicInteger();
        runConcurrently(t -> {
            for (int i = 0; i < perThread; i++) {
                OperationId operation = op("t" + t + "-" + i);
                while (true) {
                    long version = store.load(key(7)).map(Versioned::version).orElse(0L);
                    WriteResult result = store.write(key(7), version, value(numbers.incrementAndGet()), operation);
                    if (result == WriteResult.WRITTEN) {
                        written.incrementAndGet();
                        break;
                    }
                    assertThat(result).isEqualTo(WriteResult.VERSION_CONFLICT);
                }
            }
        });
        assertThat(written.get()).isEqualTo(threads() * perThread);
        assertThat(store.load(key(7)).orElseThrow().version()).isEqualTo((long) threads() * perThread);
    }

    @Test
    void concurrent_retries_of_one_operation_apply_it_once() throws Exception {
        VersionedStore<K, V> store = newStore();
        store.write(key(3), 0, value(0), op("seed"));
        AtomicInteger written = new AtomicInteger();
        AtomicInteger already = new AtomicInteger();
        runConcurrently(t -> {
            while (true) {
                long version = store.load(key(3)).orElseThrow().version();
                WriteResult result = store.write(key(3), version, value(100 + t), op("the-one"));
                if (result == WriteResult.WRITTEN) {
                    written.incrementAndGet();
                    return;
                }
                if (result == WriteResult.ALREADY_APPLIED) {
                    already.incrementAndGet();
                    return;
                }
            }
        });
        assertThat(written.get()).isEqualTo(1);
        assertThat(already.get()).isEqualTo(threads() - 1);
        Optional<Versioned<V>> last = store.load(key(3));
        assertThat(last.orElseThrow().version()).isEqualTo(2);
        assertThat(store.isApplied(key(3), op("the-one"))).isTrue();
    }

    /** A task run by each of {@link #threads()} threads, given its thread number. */
    @FunctionalInterface
    protected interface ThreadTask {
        void run(int thread) throws Exception;
    }

    /** Starts {@link #threads()} threads at once on {@code task} and rethrows the first failure. */
    protected void runConcurrently(ThreadTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    task.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
