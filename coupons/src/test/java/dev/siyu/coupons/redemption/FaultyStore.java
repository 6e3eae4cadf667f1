package dev.siyu.coupons.redemption;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.VersionedStore;
import dev.siyu.core.store.WriteResult;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A store decorator that fails writes on demand: before the write reaches the store (a crash) or
 * after it was applied (an unknown outcome). Passes everything through when no fault is armed.
 */
final class FaultyStore<K, V> implements VersionedStore<K, V> {

    enum When { BEFORE_WRITE, AFTER_WRITE }

    record Fault(When when, Predicate<OperationId> matches) {
    }

    static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }

    private final VersionedStore<K, V> delegate;
    private final AtomicReference<Fault> armed = new AtomicReference<>();

    FaultyStore(VersionedStore<K, V> delegate) {
        this.delegate = delegate;
    }

    /** Fails the next write whose operation matches, once. */
    void failNext(When when, Predicate<OperationId> matches) {
        armed.set(new Fault(when, matches));
    }

    @Override
    public Optional<Versioned<V>> load(K key) {
        return delegate.load(key);
    }

    @Override
    public WriteResult write(K key, long expectedVersion, V value, OperationId operation) {
        Fault fault = armed.get();
        if (fault != null && fault.matches().test(operation) && armed.compareAndSet(fault, null)) {
            if (fault.when() == When.BEFORE_WRITE) {
                throw new InjectedFault("crash before writing " + operation);
            }
            delegate.write(key, expectedVersion, value, operation);
            throw new InjectedFault("lost reply after writing " + operation);
        }
        return delegate.write(key, expectedVersion, value, operation);
    }

    @Override
    public boolean isApplied(K key, OperationId operation) {
        return delegate.isApplied(key, operation);
    }
}
