package dev.siyu.core.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The storage of an append-only log shared by its versions: digest {@code hi} words in one array
 * (scanned on lookups: eight entries a cache line) and the entries' other words, {@code stride}
 * per entry, in another. A version is this storage and a size; the versions of one lineage share it.
 *
 * <p>Appending to a version whose size is the storage's fill claims the next slot with a
 * compare-and-set and writes it in place; any other append (from an older version, or when full)
 * copies the version's entries into new storage, 1.5 times larger. Slots a version can see are
 * written before the version is constructed and never again, and versions reach the arrays through
 * final fields, so every version reads a complete, fixed prefix from any thread.
 */
final class Columns {

    private static final VarHandle FILLED;

    static {
        try {
            FILLED = MethodHandles.lookup().findVarHandle(Columns.class, "filled", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final long[] his;
    final long[] words;
    final int stride;
    /** Slots claimed so far; only grows, by compare-and-set. */
    @SuppressWarnings("unused") // through FILLED
    private volatile int filled;

    private Columns(int capacity, int stride, int filled) {
        this.his = new long[capacity];
        this.words = new long[capacity * stride];
        this.stride = stride;
        this.filled = filled;
    }

    static Columns empty(int stride) {
        return new Columns(0, stride, 0);
    }

    int capacity() {
        return his.length;
    }

    /** The index of {@code hi, lo} among the first {@code size} entries (lo is word 0), or -1. */
    int indexOf(int size, long hi, long lo) {
        long[] h = his;
        for (int i = 0; i < size; i++) {
            if (h[i] == hi && words[i * stride] == lo) {
                return i;
            }
        }
        return -1;
    }

    /** The sum of word 0 over the first {@code size} entries whose first word is {@code hi}. */
    long sum(int size, long hi) {
        long[] h = his;
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (h[i] == hi) {
                sum = Math.addExact(sum, words[i * stride]);
            }
        }
        return sum;
    }

    /**
     * Storage holding ({@code stride} is 1 or 4: the words past it are ignored) the first {@code size} entries of this one plus the entry {@code hi, w}: this
     * storage with the slot written if {@code size} is its fill and it has room, else a copy.
     */
    Columns append(int size, long hi, long w0, long w1, long w2, long w3) {
        Columns target = this;
        if (size >= his.length || !FILLED.compareAndSet(this, size, size + 1)) {
            int capacity = Math.max(4, size + (size >> 1) + 1);
            target = new Columns(capacity, stride, size + 1);
            System.arraycopy(his, 0, target.his, 0, size);
            System.arraycopy(words, 0, target.words, 0, size * stride);
        }
        int at = size * stride;
        long[] w = target.words;
        w[at] = w0;
        if (stride > 1) {
            w[at + 1] = w1;
            w[at + 2] = w2;
            w[at + 3] = w3;
        }
        target.his[size] = hi;
        return target;
    }

    /** Bytes held: both arrays with headers and this object. */
    long bytes() {
        return 24 + 16 + 8L * his.length + 16 + 8L * words.length;
    }
}
