package dev.siyu.attribution.commission;

import java.util.Map;

/**
 * Values by id text, for the few ids a plan names (its rate rules by SKU, brand and category): an
 * open-addressing table at most half full, each slot's id hash beside it in an int array, so that
 * an id without a value (most lines, for most targets) is answered by comparing hashes, without
 * the division of an immutable map's probe or a comparison of texts; ids are compared by identity
 * before their text. The same answers as {@code Map.get} on the map it was made from. Immutable
 * after construction, so thread-safe.
 *
 * @param <V> the values
 */
final class IdTable<V> {

    private final int size;
    private final int[] hashes;
    private final String[] ids;
    private final Object[] values;
    private final int mask;

    /** A table of {@code values}' entries (ids and values not null). */
    IdTable(Map<String, V> values) {
        this.size = values.size();
        int capacity = Integer.highestOneBit(Math.max(1, size) * 2) * 2;
        this.hashes = new int[capacity];
        this.ids = new String[capacity];
        this.values = new Object[capacity];
        this.mask = capacity - 1;
        values.forEach((id, value) -> {
            int h = id.hashCode();
            int i = spread(h) & mask;
            while (ids[i] != null) {
                i = (i + 1) & mask;
            }
            hashes[i] = h;
            ids[i] = id;
            this.values[i] = value;
        });
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** Whether the table has no id. */
    boolean isEmpty() {
        return size == 0;
    }

    /** The value of {@code id}, null if none. */
    @SuppressWarnings("unchecked")
    V get(String id) {
        int h = id.hashCode();
        for (int i = spread(h) & mask;; i = (i + 1) & mask) {
            String known = ids[i];
            if (known == null) {
                return null;
            }
            if (hashes[i] == h && (known == id || known.equals(id))) {
                return (V) values[i];
            }
        }
    }
}
