package dev.siyu.core.kernel;

import java.util.Objects;

/**
 * A set of {@link OperationDigest}s in one primitive array: 16 bytes per digest (with up to half as
 * much again of spare room), no object per entry. Immutable and thread-safe: {@link #with} returns
 * a new set; the sets of one lineage share their array as {@link OperationLog}s do (amortized O(1)
 * additions). A lookup scans the digests' first words without allocating (sets hold the operations
 * of one key, tens to hundreds).
 */
public final class DigestSet {

    private static final DigestSet EMPTY = new DigestSet(Columns.EMPTY, 0);

    private final long[] data;
    private final int size;

    private DigestSet(long[] data, int size) {
        this.data = data;
        this.size = size;
    }

    /** The empty set. */
    public static DigestSet empty() {
        return EMPTY;
    }

    /** The number of digests. */
    public int size() {
        return size;
    }

    /** Whether {@code digest} is in the set. */
    public boolean contains(OperationDigest digest) {
        return Columns.indexOf(data, 1, 0, size, digest.hi(), digest.lo()) >= 0;
    }

    /** This set with {@code digest} added; this set itself if it is already in. */
    public DigestSet with(OperationDigest digest) {
        Objects.requireNonNull(digest, "digest");
        if (contains(digest)) {
            return this;
        }
        return new DigestSet(Columns.append(data, 1, 0, size, digest.hi(), digest.lo(), 0, 0, 0), size + 1);
    }

    @Override
    public String toString() {
        return "DigestSet[size=" + size + "]";
    }
}
