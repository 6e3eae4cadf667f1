package dev.siyu.core.kernel;

/**
 * Amounts added up per {@code long} key (e.g. points earned per epoch day), as an append-only log
 * of {@code (key, amount)} pairs in one primitive array: 16 bytes per addition (with up to half as
 * much again of spare room), no object per entry. Immutable and thread-safe: {@link #plus} returns
 * a new value; values of one lineage share their array as {@link OperationLog}s do (amortized O(1)
 * additions). {@link #sum} scans the keys without allocating (for the tens to hundreds of
 * additions of one member).
 */
public final class KeyedAmounts {

    private static final KeyedAmounts EMPTY = new KeyedAmounts(Columns.EMPTY, 0);

    private final long[] data;
    private final int size;

    private KeyedAmounts(long[] data, int size) {
        this.data = data;
        this.size = size;
    }

    /** No amounts. */
    public static KeyedAmounts empty() {
        return EMPTY;
    }

    /** The number of additions recorded. */
    public int additions() {
        return size;
    }

    /**
     * The total added under {@code key}.
     *
     * @throws ArithmeticException if it overflows a long
     */
    public long sum(long key) {
        return Columns.sum(data, 1, size, key);
    }

    /** These amounts with {@code amount} added under {@code key}. */
    public KeyedAmounts plus(long key, long amount) {
        return new KeyedAmounts(Columns.append(data, 1, size, key, amount, 0, 0, 0), size + 1);
    }

    @Override
    public String toString() {
        return "KeyedAmounts[additions=" + size + "]";
    }
}
