package dev.siyu.core.kernel;

import java.util.Objects;

/**
 * The operations recorded on one aggregate, for idempotency: per operation its id's
 * {@link OperationDigest}, the 64-bit fingerprint of its payload, and its outcome as a code and a
 * value whose meaning the aggregate decides (e.g. applied with a balance change, or rejected with
 * a reason). Five longs (40 bytes) per operation in one sorted array; no object per entry.
 *
 * <p>Immutable: {@link #with} copies the array with one more entry (an aggregate holds tens to
 * hundreds of operations, so a copy costs less than a tree of nodes, and old versions stay valid).
 * Lookups are binary searches without allocation. Thread-safe.
 */
public final class OperationLog {

    /** Longs per entry: digest hi, digest lo, fingerprint, code, value. */
    static final int STRIDE = 5;

    private static final OperationLog EMPTY = new OperationLog(new long[0]);

    private final long[] entries;

    private OperationLog(long[] entries) {
        this.entries = entries;
    }

    /** The log with no operation. */
    public static OperationLog empty() {
        return EMPTY;
    }

    /** The number of operations recorded. */
    public int size() {
        return entries.length / STRIDE;
    }

    /** The position of {@code digest}'s entry, or a negative number if it is not recorded. */
    public int indexOf(OperationDigest digest) {
        return search(digest.hi(), digest.lo());
    }

    /** Whether {@code digest} is recorded. */
    public boolean contains(OperationDigest digest) {
        return indexOf(digest) >= 0;
    }

    /** The digest of the entry at {@code index} ({@code 0 <= index < size()}, in digest order). */
    public OperationDigest digest(int index) {
        return new OperationDigest(entries[index * STRIDE], entries[index * STRIDE + 1]);
    }

    /** The payload fingerprint of the entry at {@code index}. */
    public long fingerprint(int index) {
        return entries[index * STRIDE + 2];
    }

    /** The outcome code of the entry at {@code index}. */
    public long code(int index) {
        return entries[index * STRIDE + 3];
    }

    /** The outcome value of the entry at {@code index}. */
    public long value(int index) {
        return entries[index * STRIDE + 4];
    }

    /**
     * This log with {@code digest} recorded.
     *
     * @throws IllegalArgumentException if {@code digest} is already recorded
     */
    public OperationLog with(OperationDigest digest, long fingerprint, long code, long value) {
        Objects.requireNonNull(digest, "digest");
        int found = search(digest.hi(), digest.lo());
        if (found >= 0) {
            throw new IllegalArgumentException("digest must not be recorded yet: " + digest);
        }
        int pos = (-found - 1) * STRIDE;
        long[] out = new long[entries.length + STRIDE];
        System.arraycopy(entries, 0, out, 0, pos);
        out[pos] = digest.hi();
        out[pos + 1] = digest.lo();
        out[pos + 2] = fingerprint;
        out[pos + 3] = code;
        out[pos + 4] = value;
        System.arraycopy(entries, pos, out, pos + STRIDE, entries.length - pos);
        return new OperationLog(out);
    }

    /** Binary search: the entry index, or {@code -(insertion index) - 1}. */
    private int search(long hi, long lo) {
        int low = 0;
        int high = entries.length / STRIDE - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = OperationDigest.compare(entries[mid * STRIDE], entries[mid * STRIDE + 1], hi, lo);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** Retained size estimate in bytes (array header and entries, not this object): for diagnostics. */
    public long retainedBytes() {
        return 16L + 8L * entries.length + 16;
    }

    @Override
    public String toString() {
        return "OperationLog[size=" + size() + "]";
    }
}
