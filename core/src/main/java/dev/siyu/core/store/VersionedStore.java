package dev.siyu.core.store;

import dev.siyu.core.id.OperationId;
import java.util.Optional;

/**
 * Where a host keeps Siyu's aggregates (a member's points account, tier status …), keyed by id.
 *
 * <p>The contract, checked by {@code dev.siyu.testkit.store.VersionedStoreContract} in
 * {@code siyu-testkit}, which every host implementation should extend:
 * <ul>
 *   <li><b>conditional write</b>: {@link #write} stores the value only if the stored version is
 *       {@code expectedVersion} (0 when the key is absent), atomically;</li>
 *   <li><b>operation recorded in the same write</b>: a written operation id is never applied again
 *       to the key, whatever version the caller expects ({@link WriteResult#ALREADY_APPLIED});</li>
 *   <li><b>read your writes</b>: after {@code WRITTEN}, {@link #load} on any thread returns that
 *       value (or a later one).</li>
 * </ul>
 * Implementations must be thread-safe. A relational host maps {@code write} to
 * {@code UPDATE … WHERE version = ?} plus an insert into a unique operation-id table in one
 * transaction. Implementations may throw unchecked exceptions on infrastructure failure; callers
 * then retry with the same operation id.
 *
 * @param <K> the key type, e.g. {@code MemberId}
 * @param <V> the aggregate type, immutable
 */
public interface VersionedStore<K, V> {

    /** The current value and version of {@code key}, or empty if never written. */
    Optional<Versioned<V>> load(K key);

    /**
     * Writes {@code value} as version {@code expectedVersion + 1} if the stored version is
     * {@code expectedVersion} and {@code operation} was never recorded for {@code key}.
     */
    WriteResult write(K key, long expectedVersion, V value, OperationId operation);

    /** Whether {@code operation} was recorded by a successful write to {@code key}. */
    boolean isApplied(K key, OperationId operation);
}
