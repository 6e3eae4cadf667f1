package dev.siyu.core.kernel;

import java.util.Objects;

/**
 * A set of {@link OperationDigest}s in primitive arrays: 16 bytes per digest (with up to half as
 * much again of spare room), no object per entry. Immutable and thread-safe: {@link #with} returns
 * a new set; the sets of one lineage share their arrays as {@link OperationLog}s do (amortized O(1)
 * additions). A lookup scans the digests' first words without allocating (sets hold the operations
 * of one key, tens to hundreds).
 */
public final class DigestSet {

    private static final DigestSet EMPTY = new DigestSet(Columns.empty(1), 0);

    private final Columns columns;
    private final int size;

    private DigestSet(Columns columns, int size) {
        this.columns = columns;
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
        return columns.indexOf(size, digest.hi(), digest.lo()) >= 0;
    }

    /** This set with {@code digest} added; this set itself if it is already in. */
    public DigestSet with(OperationDigest digest) {
        Objects.requireNonNull(digest, "digest");
        if (contains(digest)) {
            return this;
        }
        return new DigestSet(columns.append(size, digest.hi(), digest.lo(), 0, 0, 0), size + 1);
    }

    @Override
    public String toString() {
        return "DigestSet[size=" + size + "]";
    }
}
