package dev.siyu.core.kernel;

import java.util.Objects;

/**
 * A set of {@link OperationDigest}s in one sorted {@code long[]}: 16 bytes per digest, no object
 * per entry. Immutable: {@link #with} copies the array with one more digest (sets hold the
 * operations of one key, tens to hundreds), so readers on other threads always see a complete
 * set. Thread-safe.
 */
public final class DigestSet {

    private static final DigestSet EMPTY = new DigestSet(new long[0]);

    private final long[] digests;

    private DigestSet(long[] digests) {
        this.digests = digests;
    }

    /** The empty set. */
    public static DigestSet empty() {
        return EMPTY;
    }

    /** The number of digests. */
    public int size() {
        return digests.length / 2;
    }

    /** Whether {@code digest} is in the set. */
    public boolean contains(OperationDigest digest) {
        return search(digest.hi(), digest.lo()) >= 0;
    }

    /** This set with {@code digest} added; this set itself if it is already in. */
    public DigestSet with(OperationDigest digest) {
        Objects.requireNonNull(digest, "digest");
        int found = search(digest.hi(), digest.lo());
        if (found >= 0) {
            return this;
        }
        int pos = (-found - 1) * 2;
        long[] out = new long[digests.length + 2];
        System.arraycopy(digests, 0, out, 0, pos);
        out[pos] = digest.hi();
        out[pos + 1] = digest.lo();
        System.arraycopy(digests, pos, out, pos + 2, digests.length - pos);
        return new DigestSet(out);
    }

    private int search(long hi, long lo) {
        int low = 0;
        int high = digests.length / 2 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = OperationDigest.compare(digests[mid * 2], digests[mid * 2 + 1], hi, lo);
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

    @Override
    public String toString() {
        return "DigestSet[size=" + size() + "]";
    }
}
