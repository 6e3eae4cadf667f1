package dev.siyu.tagging.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Feature rows of many members in one primitive array, row-major: what the engine evaluates in a
 * batch. Not thread-safe for writing; rows may be read by many threads once written.
 */
public final class FeatureTable {

    private final FeatureLayout layout;
    private final int size;
    final long[] values;

    private FeatureTable(FeatureLayout layout, int size) {
        this.layout = layout;
        this.size = size;
        this.values = new long[Math.multiplyExact(size, Math.max(1, layout.width()))];
        Arrays.fill(values, dev.siyu.tagging.feature.FeatureType.MISSING);
    }

    /**
     * A table of {@code size} rows, every value missing.
     *
     * @throws IllegalArgumentException if size is negative
     */
    public static FeatureTable of(FeatureLayout layout, int size) {
        Objects.requireNonNull(layout, "layout");
        if (size < 0) {
            throw new IllegalArgumentException("size must be non-negative: " + size);
        }
        return new FeatureTable(layout, size);
    }

    public FeatureLayout layout() {
        return layout;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    int offset(int row) {
        Objects.checkIndex(row, size);
        return row * Math.max(1, layout.width());
    }

    /** The value of column {@code slot} in row {@code row}. */
    public long get(int row, int slot) {
        Objects.checkIndex(slot, layout.width());
        return values[offset(row) + slot];
    }

    /** Sets the value of column {@code slot} in row {@code row}. */
    public void set(int row, int slot, long value) {
        Objects.checkIndex(slot, layout.width());
        values[offset(row) + slot] = value;
    }
}
