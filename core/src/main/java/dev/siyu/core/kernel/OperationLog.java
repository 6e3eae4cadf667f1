package dev.siyu.core.kernel;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The operations recorded on one aggregate, for idempotency: per operation its id's
 * {@link OperationDigest}, the 64-bit fingerprint of its payload, and its outcome as a code and a
 * value whose meaning the aggregate decides (e.g. applied with a balance change, or rejected with
 * a reason). Five longs (40 bytes) per operation in one primitive array, with up to half as much
 * again of spare room; no object per entry.
 *
 * <p>Immutable and thread-safe: {@link #with} returns a new log and leaves this one as it was. The
 * logs of one lineage share their array (a new log usually writes its entry into the spare room in
 * place, amortized O(1); a log appended to twice, or full, copies), and a log that forgets its
 * oldest entries ({@link #withoutFirst}) shares it too. Entries are kept in the order they were
 * recorded; a lookup scans the digests' first words, eight to a cache line, without allocating
 * (aggregates hold tens to hundreds of operations).
 */
public final class OperationLog {

    /** Words per entry besides the digest's first: digest lo, fingerprint, code, value. */
    static final int STRIDE = 4;

    private static final OperationLog EMPTY = new OperationLog(Columns.EMPTY, 0, 0, Integer.MIN_VALUE, 0);

    private final long[] data;
    /** The slots of the shared array this log sees: {@code [start, end)}. */
    private final int start;
    private final int end;
    private final int latestDay;
    /**
     * Bit {@code hi >>> 59} of the digest of every entry in {@code [start, end)} (and perhaps of
     * some before): a digest whose bit is clear is not recorded, so looking up a new operation (every
     * command's usual case) mostly reads no array. It fills the object's padding (32 bytes either way).
     */
    private final int filter;

    private OperationLog(long[] data, int start, int end, int latestDay, int filter) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.latestDay = latestDay;
        this.filter = filter;
    }

    /** The filter bit of a digest whose first word is {@code hi}. */
    private static int bit(long hi) {
        return 1 << (hi >>> 59);
    }

    /** The filter of the slots {@code [from, to)} of {@code data}. */
    private static int filter(long[] data, int from, int to) {
        int f = 0;
        for (int i = from; i < to; i++) {
            f |= bit(Columns.hi(data, i));
        }
        return f;
    }

    /** The log with no operation. */
    public static OperationLog empty() {
        return EMPTY;
    }

    /*
     * The parts of a log, for an aggregate that holds them in its own fields instead of this
     * object, one object less per version (a points account does): the shared array, the shape
     * (start and end slots) and the marks (latest day and filter), each pair packed in a long.
     * of(array(), shape(), marks()) is a log equal in behaviour to this one.
     */

    /**
     * The array this log reads, shared with the other logs of its lineage: one of this log's parts
     * (see {@link #of}). A holder keeps it and never writes to it.
     */
    public long[] array() {
        return data;
    }

    /** The slots of {@link #array()} this log sees, packed: start in the high half, end in the low. */
    public long shape() {
        return (long) start << 32 | end;
    }

    /** The latest day (high half) and the lookup filter (low half), packed. */
    public long marks() {
        return (long) latestDay << 32 | (filter & 0xFFFF_FFFFL);
    }

    /**
     * The log whose parts are {@code array}, {@code shape} and {@code marks}, as {@link #array()},
     * {@link #shape()} and {@link #marks()} returned them: for an aggregate that holds a log's parts
     * in its fields, so that a version is one object less. A view: nothing is copied.
     *
     * @throws IllegalArgumentException if the shape does not fit the array
     */
    public static OperationLog of(long[] array, long shape, long marks) {
        Objects.requireNonNull(array, "array");
        int start = (int) (shape >>> 32);
        int end = (int) shape;
        if (start < 0 || start > end || end > Columns.capacity(array, STRIDE)) {
            throw new IllegalArgumentException("shape must be slots 0 <= start <= end <= " + Columns.capacity(array, STRIDE)
                    + " of the array: " + start + ".." + end);
        }
        return new OperationLog(array, start, end, (int) (marks >> 32), (int) marks);
    }

    /** {@link #touch()} of the log with parts {@code array} and {@code shape}, without making it. */
    public static long touch(long[] array, long shape) {
        return touchAt(array, (int) shape);
    }

    private static long touchAt(long[] array, int end) {
        long words = array[0];
        if (end < Columns.capacity(array, STRIDE)) {
            words ^= Columns.hi(array, end) ^ Columns.word(array, STRIDE, end, 0);
        }
        return words;
    }

    /**
     * Reads the words an append to this log will read and write (the claimed count, and the next
     * slot's first word and other words, where there is room) and returns them combined: a
     * software prefetch. A caller that calls this first and hands the result to {@link Prefetch#keep}
     * lets those cache misses overlap its other work, instead of meeting them one after the other
     * later. No effect on the log.
     */
    public long touch() {
        return touchAt(data, end);
    }

    /** The number of operations recorded. */
    public int size() {
        return end - start;
    }

    /**
     * The latest business day any entry recorded in this log's lineage carried in its code word
     * ({@link IdempotencyWindow#codeWord}), entries forgotten since included, {@link IdempotencyWindow#KEEP}
     * excluded; {@link Integer#MIN_VALUE} if none. Meaningful only for logs whose code words carry
     * days.
     */
    public int latestDay() {
        return latestDay;
    }

    /** The position of {@code digest}'s entry ({@code 0 <= i < size()}, in recording order), or -1. */
    public int indexOf(OperationDigest digest) {
        if ((filter & bit(digest.hi())) == 0) {
            return -1;
        }
        int slot = Columns.indexOf(data, STRIDE, start, end, digest.hi(), digest.lo());
        return slot < 0 ? -1 : slot - start;
    }

    /** Whether {@code digest} is recorded. */
    public boolean contains(OperationDigest digest) {
        return indexOf(digest) >= 0;
    }

    /** The digest of the entry at {@code index}. */
    public OperationDigest digest(int index) {
        int slot = start + Objects.checkIndex(index, size());
        return new OperationDigest(Columns.hi(data, slot), Columns.word(data, STRIDE, slot, 0));
    }

    /** The payload fingerprint of the entry at {@code index}. */
    public long fingerprint(int index) {
        return Columns.word(data, STRIDE, start + Objects.checkIndex(index, size()), 1);
    }

    /** The position in {@link #array()} of the code word of the entry at {@code index} (unchecked). */
    int codeWordAt(int index) {
        return Columns.position(data, STRIDE, start + index, 2);
    }

    /** The outcome code of the entry at {@code index}. */
    public long code(int index) {
        return Columns.word(data, STRIDE, start + Objects.checkIndex(index, size()), 2);
    }

    /** The outcome value of the entry at {@code index}. */
    public long value(int index) {
        return Columns.word(data, STRIDE, start + Objects.checkIndex(index, size()), 3);
    }

    /**
     * This log with {@code digest} recorded after its entries.
     *
     * @throws IllegalArgumentException if {@code digest} is already recorded
     */
    public OperationLog with(OperationDigest digest, long fingerprint, long code, long value) {
        Objects.requireNonNull(digest, "digest");
        if (indexOf(digest) >= 0) {
            throw new IllegalArgumentException("digest must not be recorded yet: " + digest);
        }
        int day = IdempotencyWindow.day(code);
        int latest = day == IdempotencyWindow.KEEP ? latestDay : Math.max(latestDay, day);
        long[] next = Columns.append(data, STRIDE, start, end, digest.hi(), digest.lo(), fingerprint, code, value);
        int f = filter | bit(digest.hi());
        return next == data ? new OperationLog(data, start, end + 1, latest, f)
                : new OperationLog(next, 0, end - start + 1, latest, f);
    }

    /**
     * This log without its first {@code count} entries: e.g. to forget the oldest operations of an
     * aggregate. It shares this log's array (nothing is copied; the room past the last entry is
     * taken by later entries as before), unless that array is more than four times the room the
     * kept entries need (after a burst): then the kept entries are copied into a small one. This
     * log itself if {@code count} is 0; the same latest day.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= count <= size()}
     */
    public OperationLog withoutFirst(int count) {
        Objects.checkFromToIndex(0, count, size());
        if (count == 0) {
            return this;
        }
        int kept = size() - count;
        if (Columns.capacity(data, STRIDE) > 4 * (kept + 1)) {
            long[] copy = Columns.retain(data, STRIDE, start + count, end, kept, i -> true);
            return new OperationLog(copy, 0, kept, latestDay, filter(copy, 0, kept));
        }
        // the kept entries' filter when they are few (two cache lines of first words at most); past
        // that the old filter, which still covers them
        return new OperationLog(data, start + count, end, latestDay,
                kept <= 16 ? filter(data, start + count, end) : filter);
    }

    /**
     * This log with only the entries whose index {@code keep} accepts ({@code keep} is called with
     * indexes of this log, {@code 0 <= i < size()}, and may read them through {@link #code},
     * {@link #value} and the other accessors), in the same order: e.g. to forget the operations of
     * settled periods. This log itself if every entry is kept, else a new log whose array holds just
     * the kept entries and room for one more; this log is left as it was.
     * {@code keep} is called twice per entry and must answer the same both times.
     */
    public OperationLog retainIf(IntPredicate keep) {
        Objects.requireNonNull(keep, "keep");
        int size = size();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (keep.test(i)) {
                kept++;
            }
        }
        if (kept == size) {
            return this;
        }
        long[] copy = Columns.retain(data, STRIDE, start, end, kept, keep);
        return new OperationLog(copy, 0, kept, latestDay, filter(copy, 0, kept));
    }

    /** Bytes of this log's array (shared with the other logs of its lineage): for diagnostics. */
    public long retainedBytes() {
        return 16 + 8L * data.length;
    }

    @Override
    public String toString() {
        return "OperationLog[size=" + size() + "]";
    }
}
