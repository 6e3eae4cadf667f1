package dev.siyu.core.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.IntPredicate;

/**
 * The storage of an append-only log shared by its versions, in one {@code long[]} so that a lookup
 * touches one object: word 0 counts the slots claimed, then the digests' first words (scanned on
 * lookups: eight entries a cache line), then the entries' other words, {@code stride} per entry. A
 * version is such an array and a size; the versions of one lineage share it.
 *
 * <p>Appending to a version whose size is the array's claimed count claims the next slot with a
 * compare-and-set on word 0 and writes it in place; any other append (from an older version, or
 * when full) copies the version's entries into a new array with 1.5 times the room. Slots a version
 * can see are written before the version is constructed and never again, and versions reach the
 * array through a final field, so every version reads a complete, fixed prefix from any thread.
 * Static functions only.
 */
final class Columns {

    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    /** The array of an empty log. */
    static final long[] EMPTY = new long[1];

    private Columns() {
    }

    static int capacity(long[] data, int stride) {
        return (data.length - 1) / (1 + stride);
    }

    /** The first word of entry {@code i}. */
    static long hi(long[] data, int i) {
        return data[1 + i];
    }

    /** Word {@code k} of entry {@code i}'s other words. */
    static long word(long[] data, int stride, int i, int k) {
        return data[1 + capacity(data, stride) + i * stride + k];
    }

    /** The index of {@code hi, lo} among the first {@code size} entries (lo is word 0), or -1. */
    static int indexOf(long[] data, int stride, int size, long hi, long lo) {
        int words = 1 + capacity(data, stride);
        for (int i = 0; i < size; i++) {
            if (data[1 + i] == hi && data[words + i * stride] == lo) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An array holding the first {@code size} entries of {@code data} plus the entry
     * {@code hi, w0..w3} ({@code stride} is 1 or 4: words past it are ignored): {@code data} itself
     * with the slot written if {@code size} is its claimed count and it has room, else a copy.
     */
    static long[] append(long[] data, int stride, int size, long hi, long w0, long w1, long w2, long w3) {
        int capacity = capacity(data, stride);
        long[] target = data;
        if (size >= capacity || !WORD.compareAndSet(data, 0, (long) size, (long) size + 1)) {
            int room = Math.max(4, size + (size >> 1) + 1);
            target = new long[1 + room * (1 + stride)];
            target[0] = size + 1;
            System.arraycopy(data, 1, target, 1, size);
            System.arraycopy(data, 1 + capacity, target, 1 + room, size * stride);
            capacity = room;
        }
        int at = 1 + capacity + size * stride;
        target[at] = w0;
        if (stride > 1) {
            target[at + 1] = w1;
            target[at + 2] = w2;
            target[at + 3] = w3;
        }
        target[1 + size] = hi;
        return target;
    }

    /**
     * A new array holding, in order, those of the first {@code size} entries of {@code data} whose
     * index {@code keep} accepts, and room for one more (so that the append that usually follows a
     * pruning writes in place); {@code kept} is their number (counted by the caller with the same
     * predicate).
     */
    static long[] retain(long[] data, int stride, int size, int kept, IntPredicate keep) {
        int capacity = capacity(data, stride);
        int room = kept + 1;
        long[] target = new long[1 + room * (1 + stride)];
        target[0] = kept;
        int k = 0;
        for (int i = 0; i < size && k < kept; i++) {
            if (keep.test(i)) {
                target[1 + k] = data[1 + i];
                System.arraycopy(data, 1 + capacity + i * stride, target, 1 + room + k * stride, stride);
                k++;
            }
        }
        if (k != kept) {
            throw new IllegalStateException("kept entries must be " + kept + ": " + k);
        }
        return target;
    }
}
