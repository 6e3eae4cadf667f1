package dev.siyu.testkit.points;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.VersionedStore;
import dev.siyu.core.store.WriteResult;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A store decorator that fails like infrastructure does: a write may throw before reaching the
 * store, or reach it (commit) and then throw, so the caller does not learn it succeeded.
 */
final class FaultyStore<K, V> implements VersionedStore<K, V> {

    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private final VersionedStore<K, V> delegate;
    private final RandomGenerator random;
    private final int percentBefore;
    private final int percentAfter;
    int failedBefore;
    int failedAfter;

    FaultyStore(VersionedStore<K, V> delegate, RandomGenerator random, int percentBefore, int percentAfter) {
        this.delegate = delegate;
        this.random = random;
        this.percentBefore = percentBefore;
        this.percentAfter = percentAfter;
    }

    @Override
    public Optional<Versioned<V>> load(K key) {
        return delegate.load(key);
    }

    @Override
    public WriteResult write(K key, long expectedVersion, V value, OperationId operation) {
        if (random.nextInt(100) < percentBefore) {
            failedBefore++;
            throw new Failure("connection lost before write of " + operation);
        }
        WriteResult result = delegate.write(key, expectedVersion, value, operation);
        if (random.nextInt(100) < percentAfter) {
            failedAfter++;
            throw new Failure("connection lost after write of " + operation + " (" + result + ")");
        }
        return result;
    }

    @Override
    public boolean isApplied(K key, OperationId operation) {
        return delegate.isApplied(key, operation);
    }
}
