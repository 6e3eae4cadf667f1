package dev.siyu.core.store;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.kernel.DigestSet;
import dev.siyu.core.kernel.OperationDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default {@link VersionedStore}: a concurrent map in the JVM's heap. Each key's
 * check-and-write is atomic ({@link ConcurrentHashMap#compute}); keys do not contend with each
 * other. Each key remembers its written operations as 128-bit digests of their ids (a
 * {@link DigestSet}, 16 bytes per operation; see {@link OperationDigest} for the collision bound).
 * Suitable for single-process hosts, tests and replays; state is lost with the process.
 * Thread-safe.
 */
public final class InMemoryVersionedStore<K, V> implements VersionedStore<K, V> {

    private record Entry<V>(V value, long version, DigestSet operations) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Versioned<V>> load(K key) {
        Objects.requireNonNull(key, "key");
        Entry<V> entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(new Versioned<>(entry.value(), entry.version()));
    }

    @Override
    public WriteResult write(K key, long expectedVersion, V value, OperationId operation) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(operation, "operation");
        OperationDigest digest = OperationDigest.of(operation.value());
        WriteResult[] result = new WriteResult[1];
        entries.compute(key, (k, entry) -> {
            long stored = entry == null ? 0 : entry.version();
            if (entry != null && entry.operations().contains(digest)) {
                result[0] = WriteResult.ALREADY_APPLIED;
                return entry;
            }
            if (stored != expectedVersion) {
                result[0] = WriteResult.VERSION_CONFLICT;
                return entry;
            }
            DigestSet operations = (entry == null ? DigestSet.empty() : entry.operations()).with(digest);
            result[0] = WriteResult.WRITTEN;
            return new Entry<>(value, stored + 1, operations);
        });
        return result[0];
    }

    @Override
    public boolean isApplied(K key, OperationId operation) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operation, "operation");
        Entry<V> entry = entries.get(key);
        return entry != null && entry.operations().contains(OperationDigest.of(operation.value()));
    }

    /** The number of keys stored. */
    public int size() {
        return entries.size();
    }
}
