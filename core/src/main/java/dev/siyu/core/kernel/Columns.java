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
 * <p>A version sees the slots {@code [start, end)}: a version that forgets its oldest entries only
 * moves its start, sharing the array. Appending to a version whose end is the array's claimed count
 * claims the next slot with a compare-and-set on word 0 and writes it in place; any other append
 * (from an older version, or when full) copies the version's entries into a new array, from slot 0,
 * with 1.5 times the room (two slots at least). Slots a version can see are written before the version is constructed
 * and never again, and versions reach the array through a final field, so every version reads a
 * complete, fixed range from any thread. Static functions only.
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
        return data[position(data, stride, i, k)];
    }

    /** The position in {@code data} of word {@code k} of entry {@code i}'s other words (entry i + 1's is {@code stride} on). */
    static int position(long[] data, int stride, int i, int k) {
        return 1 + capacity(data, stride) + i * stride + k;
    }

    /** The slot of {@code hi, lo} among the slots {@code [start, end)} (lo is word 0), or -1. */
    static int indexOf(long[] data, int stride, int start, int end, long hi, long lo) {
        int words = 1 + capacity(data, stride);
        for (int i = start; i < end; i++) {
            if (data[1 + i] == hi && data[words + i * stride] == lo) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An array holding the slots {@code [start, end)} of {@code data} plus the entry
     * {@code hi, w0..w3} ({@code stride} is 1 or 4: words past it are ignored): {@code data} itself
     * with slot {@code end} written if {@code end} is its claimed count and it has room, else a copy
     * holding them from slot 0 (so the new version's range is {@code [0, end - start + 1)}).
     */
    static long[] append(long[] data, int stride, int start, int end, long hi, long w0, long w1, long w2, long w3) {
        int capacity = capacity(data, stride);
        long[] target = data;
        int at = end;
        if (end >= capacity || !WORD.compareAndSet(data, 0, (long) end, (long) end + 1)) {
            int size = end - start;
            // at least two slots: a log that forgets as fast as it records (one operation a month,
            // a 30-day window) then holds two entries' room, not four, and copies every other append
            int room = Math.max(2, size + (size >> 1) + 1);
            target = new long[1 + room * (1 + stride)];
            target[0] = size + 1;
            System.arraycopy(data, 1 + start, target, 1, size);
            System.arraycopy(data, 1 + capacity + start * stride, target, 1 + room, size * stride);
            capacity = room;
            at = size;
        }
        int w = 1 + capacity + at * stride;
        target[w] = w0;
        if (stride > 1) {
            target[w + 1] = w1;
            target[w + 2] = w2;
            target[w + 3] = w3;
        }
        target[1 + at] = hi;
        return target;
    }

    /**
     * A new array holding, in order from slot 0, those of the slots {@code [start, end)} of
     * {@code data} whose position {@code i} ({@code 0 <= i < end - start}, slot {@code start + i})
     * {@code keep} accepts, and room for one more (so that the append that usually follows a pruning
     * writes in place); {@code kept} is their number (counted by the caller with the same predicate).
     */
    static long[] retain(long[] data, int stride, int start, int end, int kept, IntPredicate keep) {
        int capacity = capacity(data, stride);
        int room = kept + 1;
        long[] target = new long[1 + room * (1 + stride)];
        target[0] = kept;
        int k = 0;
        for (int i = 0; i < end - start && k < kept; i++) {
            if (keep.test(i)) {
                target[1 + k] = data[1 + start + i];
                System.arraycopy(data, 1 + capacity + (start + i) * stride, target, 1 + room + k * stride, stride);
                k++;
            }
        }
        if (k != kept) {
            throw new IllegalStateException("kept entries must be " + kept + ": " + k);
        }
        return target;
    }
}
