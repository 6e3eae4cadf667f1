package dev.siyu.core.tier;

import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * The operations applied to a tier status, for idempotency: per operation the two words of its
 * id's {@link OperationDigest}, the 64-bit fingerprint of its payload and its code word
 * ({@link IdempotencyWindow#codeWord}: the business day it is dated by and the outcome's code), four
 * longs (32 bytes) an operation in one primitive array; no object per entry.
 *
 * <p>A version is the array and the range {@code [start, end)} of its slots, in recording order; a
 * {@link TierStatus} holds the three itself (no object of this class per version: an instance is a
 * view made for a command). The versions of one lineage share the array: word 0 counts the slots
 * claimed, and appending to a version whose end is that count claims the next slot with a
 * compare-and-set and writes it in place; any other append (to an older version, or when the array
 * is full) copies the version's entries to the front of a new array with room for twice as many.
 * Forgetting the oldest entries (the usual case: operations are dated roughly in the order they are
 * recorded) moves {@code start} on in the same array and copies nothing; forgetting entries that are
 * not a prefix, or keeping few entries of a large array, copies the kept ones. Slots a version can
 * see are written before it is constructed and never again, and versions reach the array through a
 * final field, so every version reads a complete, fixed range from any thread.
 *
 * <p>The forgetting rule is the kernel's ({@link IdempotencyWindow#forgetting}), the one
 * {@link dev.siyu.core.kernel.OperationLog}s follow; entries dated {@link IdempotencyWindow#KEEP}
 * stay.
 */
final class OperationRows {

    private static final int STRIDE = 4;
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    /** The array of the empty log, shared (no room: the first append copies). */
    static final long[] NO_ROWS = {0};
    static final OperationRows EMPTY = new OperationRows(NO_ROWS, 0, 0);

    private final long[] data;
    private final int start;
    private final int end;

    /** The view of slots {@code start..end - 1} of {@code data}. */
    OperationRows(long[] data, int start, int end) {
        this.data = data;
        this.start = start;
        this.end = end;
    }

    long[] data() {
        return data;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int size() {
        return end - start;
    }

    private static int capacity(long[] data) {
        return (data.length - 1) / STRIDE;
    }

    /**
     * Reads the words an append to the rows of {@code data} ending at slot {@code end} will read and
     * write (the claimed count and the next slot's first word, if any), combined: a software
     * prefetch (see {@code OperationLog.touch}).
     */
    static long touch(long[] data, int end) {
        int next = word(end);
        return data[0] ^ (next < data.length ? data[next] : 0);
    }

    /** The first word of slot {@code slot}. */
    private static int word(int slot) {
        return 1 + slot * STRIDE;
    }

    private int entry(int index) {
        return word(start + Objects.checkIndex(index, end - start));
    }

    /** The position of {@code digest}'s entry ({@code 0 <= i < size()}, in recording order), or -1. */
    int indexOf(OperationDigest digest) {
        long hi = digest.hi();
        long lo = digest.lo();
        for (int i = start; i < end; i++) {
            int w = word(i);
            if (data[w] == hi && data[w + 1] == lo) {
                return i - start;
            }
        }
        return -1;
    }

    boolean contains(OperationDigest digest) {
        return indexOf(digest) >= 0;
    }

    OperationDigest digest(int index) {
        int w = entry(index);
        return new OperationDigest(data[w], data[w + 1]);
    }

    long fingerprint(int index) {
        return data[entry(index) + 2];
    }

    /** The code word ({@link IdempotencyWindow#codeWord}) of the entry at {@code index}. */
    long codeWord(int index) {
        return data[entry(index) + 3];
    }

    /**
     * These operations with {@code digest} recorded after them.
     *
     * @throws IllegalArgumentException if {@code digest} is already recorded
     */
    OperationRows with(OperationDigest digest, long fingerprint, long codeWord) {
        Objects.requireNonNull(digest, "digest");
        if (indexOf(digest) >= 0) {
            throw new IllegalArgumentException("digest must not be recorded yet: " + digest);
        }
        if (end < capacity(data) && WORD.compareAndSet(data, 0, (long) end, (long) end + 1)) {
            // this version's next slot was unclaimed: write it in place
            write(data, end, digest, fingerprint, codeWord);
            return new OperationRows(data, start, end + 1);
        }
        int live = end - start;
        // twice the entries it holds: with an idempotency window a status holds a few live entries
        // and the oldest go as new ones come, so the array stays small and is copied every few orders
        int room = 2 * (live + 1);
        long[] out = new long[1 + room * STRIDE];
        out[0] = live + 1;
        System.arraycopy(data, word(start), out, 1, live * STRIDE);
        write(out, live, digest, fingerprint, codeWord);
        return new OperationRows(out, 0, live + 1);
    }

    private static void write(long[] data, int slot, OperationDigest digest, long fingerprint, long codeWord) {
        int w = word(slot);
        data[w] = digest.hi();
        data[w + 1] = digest.lo();
        data[w + 2] = fingerprint;
        data[w + 3] = codeWord;
    }

    /**
     * These operations as {@link IdempotencyWindow#forgetting} leaves a log when the latest day
     * recorded is {@code latestDay}: the leading entries past the window dropped by moving the start
     * (unless the array is more than four times the room the kept entries need: then they are
     * copied), or the log rewritten keeping the entries dated on or after the first accepted day;
     * else these operations themselves.
     */
    OperationRows forget(IdempotencyWindow window, int latestDay) {
        int leading = window.forgetting(data, word(start) + 3, STRIDE, size(), latestDay);
        if (leading == 0) {
            return this;
        }
        if (leading > 0 && capacity(data) <= 4 * (size() - leading + 1)) {
            return new OperationRows(data, start + leading, end);
        }
        // a prefix of a large array (after a burst), or a rewrite: the kept entries copied
        int first = leading > 0 ? Integer.MIN_VALUE : window.firstAcceptedDay(latestDay);
        int from = start + Math.max(0, leading);
        int kept = 0;
        for (int i = from; i < end; i++) {
            if (IdempotencyWindow.day(data[word(i) + 3]) >= first) {
                kept++;
            }
        }
        int room = kept + 1 + (kept >> 1);
        long[] out = new long[1 + room * STRIDE];
        out[0] = kept;
        int k = 0;
        for (int i = from; i < end; i++) {
            if (IdempotencyWindow.day(data[word(i) + 3]) >= first) {
                System.arraycopy(data, word(i), out, word(k), STRIDE);
                k++;
            }
        }
        return new OperationRows(out, 0, kept);
    }

    @Override
    public String toString() {
        return "OperationRows[size=" + size() + "]";
    }
}
