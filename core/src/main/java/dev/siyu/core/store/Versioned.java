package dev.siyu.core.store;

import java.util.Objects;

/**
 * A stored value and its version. Versions start at 1 for the first write and grow by one per
 * write; 0 stands for "absent" in {@link VersionedStore#write}.
 *
 * @param value the stored aggregate
 * @param version its version, {@code >= 1}
 */
public record Versioned<V>(V value, long version) {

    public Versioned {
        Objects.requireNonNull(value, "value");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
    }
}
