package dev.siyu.core.points;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * An account's order records ({@link OrderRecord}), keyed by a 64-bit digest of the order id, in one
 * append-only {@code long[]}: no order id, string or object per order is kept. A record is two
 * words (the key, then the placed day, line count and flags) followed by the words its flags call
 * for: the earn's lot and expiry (one word of two ints; two words if the lot's sequence does not fit an int), money (3: redeemed, returned, refunded net), points earned per
 * line (one a line) and units returned per line (two lines a word). An earned order of two lines
 * without redemption or refund is five words (40 bytes).
 *
 * <p>{@link #with} appends a new version of a record; the latest version of a key wins. Versions of
 * one lineage share their array as the kernel's operation logs do: appending to the newest version
 * claims the room in place with a compare-and-set on word 0; any other append copies. A copy keeps
 * only the latest version of each record, and drops records placed before {@code cutoff} (the refund
 * window, when the program has one), so the array stays bounded by the records in the window;
 * {@link #horizon()} is the latest cutoff any append was given (orders placed before it may have
 * been dropped), whether or not that append copied: so it depends on the appends alone, not on when
 * the array happened to be full.
 *
 * <p>Two order ids of one account share a key with probability at most {@code n(n-1)/2 × 2^-64} for
 * {@code n} orders (about {@code 2.7 × 10^-14} for a thousand orders on one member). Immutable and
 * thread-safe.
 */
final class OrderBook {

    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    private static final int EARNED = 1;
    private static final int MONEY = 2;
    private static final int RETURNED = 4;
    private static final int LINES = 8;
    /** The earn's lot sequence does not fit an int: lot and expiry take a word each instead of sharing one. */
    private static final int WIDE = 16;
    private static final int MAX_LINES = (1 << 24) - 1;

    private static final OrderBook EMPTY = new OrderBook(new long[1], 0, Integer.MIN_VALUE, 0);

    /** Word 0: words claimed in the shared array; then records. */
    private final long[] data;
    /** Words of records this version sees (after word 0). */
    private final int size;
    private final int horizon;
    /**
     * Two one-int filters in a word: in the low half, bit {@code key >>> 59} of each key this version
     * holds; in the high half, bit {@code day & 31} of each placed day of its records. A key or day
     * whose bit is clear is absent, so looking up a new order (an earn's usual case), or the points
     * earned on a day with no order yet (the daily cap's usual case), touches no array.
     */
    private final long filter;

    /** The book of these parts (as an account holds them: see {@link PointsAccount}). */
    OrderBook(long[] data, int size, int horizon, long filter) {
        this.data = data;
        this.size = size;
        this.horizon = horizon;
        this.filter = filter;
    }

    /** The filter bit of {@code key}. */
    private static long bit(long key) {
        return 1L << (key >>> 59);
    }

    /** The filter bit of placed day {@code day} (an epoch day, or {@link OrderRecord#UNKNOWN_DAY}). */
    private static long dayBit(int day) {
        return 1L << (32 + (day & 31));
    }

    /** The filter bits of the record at {@code at} of {@code d}. */
    private static long bits(long[] d, int at) {
        return bit(d[at]) | dayBit((int) (d[at + 1] >>> 32));
    }

    static OrderBook empty() {
        return EMPTY;
    }

    /** The array (shared with the other versions of its lineage). */
    long[] data() {
        return data;
    }

    /** The filter word. */
    long filter() {
        return filter;
    }

    /** The epoch day before which records may have been dropped, or {@code Integer.MIN_VALUE}. */
    int horizon() {
        return horizon;
    }

    /**
     * Reads the words an append to the book of array {@code data} and {@code size} words will read
     * and write (the claimed count and the next free word, if any), combined: a software prefetch
     * (see {@code OperationLog.touch}).
     */
    static long touch(long[] data, int size) {
        return data[0] ^ (1 + size < data.length ? data[1 + size] : 0);
    }

    /** Words in use, with superseded versions (an account holds this as one of the book's parts). */
    int words() {
        return size;
    }

    private static int length(long meta) {
        int flags = (int) meta & 0xFF;
        int lines = (int) (meta >>> 8) & MAX_LINES;
        return 2 + ((flags & EARNED) != 0 ? ((flags & WIDE) != 0 ? 2 : 1) : 0) + ((flags & MONEY) != 0 ? 3 : 0)
                + ((flags & LINES) != 0 ? lines : 0) + ((flags & RETURNED) != 0 ? (lines + 1) / 2 : 0);
    }

    /** The offset of the latest record of {@code key}, or -1. */
    private int find(long key) {
        if ((filter & bit(key)) == 0) {
            return -1;
        }
        int found = -1;
        int at = 1;
        int end = 1 + size;
        while (at < end) {
            if (data[at] == key) {
                found = at;
            }
            at += length(data[at + 1]);
        }
        return found;
    }

    /**
     * The points earned by the orders placed on epoch day {@code day}: over the latest record of each
     * earned order placed that day, the sum of its points per line (what the earn credited after its
     * caps; later versions carry them unchanged). For the daily cap: an earn is refused for an order
     * placed before {@link #horizon()}, so every record of a day it asks about is still here.
     */
    long earnedOn(int day) {
        if ((filter & dayBit(day)) == 0) {
            return 0;
        }
        long sum = 0;
        int end = 1 + size;
        for (int at = 1; at < end; at += length(data[at + 1])) {
            long meta = data[at + 1];
            int flags = (int) meta & 0xFF;
            if ((int) (meta >>> 32) != day || (flags & EARNED) == 0 || (flags & LINES) == 0 || superseded(at)) {
                continue;
            }
            int p = at + 2 + ((flags & WIDE) != 0 ? 2 : 1) + ((flags & MONEY) != 0 ? 3 : 0);
            int lines = (int) (meta >>> 8) & MAX_LINES;
            for (int i = 0; i < lines; i++) {
                sum = Math.addExact(sum, data[p + i]);
            }
        }
        return sum;
    }

    /** Whether a later version of the record at {@code at} follows it. */
    private boolean superseded(int at) {
        long key = data[at];
        int end = 1 + size;
        for (int next = at + length(data[at + 1]); next < end; next += length(data[next + 1])) {
            if (data[next] == key) {
                return true;
            }
        }
        return false;
    }

    /** Receives the records of a book. */
    interface Visitor {
        void record(long key, OrderRecord record);
    }

    /**
     * Calls {@code visitor} with the latest record of each key (orders placed before the horizon
     * left out, as {@link #get} leaves them out), in the order those were written.
     */
    void forEachLatest(Visitor visitor) {
        int[] starts = starts();
        boolean[] latest = latest(starts, 0, false);
        for (int i = 0; i < starts.length; i++) {
            if (latest[i] && !beforeHorizon(starts[i])) {
                visitor.record(data[starts[i]], decode(data, starts[i]));
            }
        }
    }

    /** The offsets of this book's records, in the order they were written. */
    private int[] starts() {
        int[] starts = new int[Math.max(1, size / 2)];
        int count = 0;
        for (int at = 1; at < 1 + size; at += length(data[at + 1])) {
            starts[count++] = at;
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * Which of the records at {@code starts} are the latest of their key; with {@code rewritten},
     * none of key {@code written} is (that key is about to be written again). A member has a few
     * records: a quadratic scan for later versions allocates nothing; a set past that.
     */
    private boolean[] latest(int[] starts, long written, boolean rewritten) {
        int count = starts.length;
        Set<Long> seen = count > 64 ? new HashSet<>() : null;
        if (seen != null && rewritten) {
            seen.add(written);
        }
        boolean[] latest = new boolean[count];
        for (int i = count - 1; i >= 0; i--) {
            long key = data[starts[i]];
            if (seen != null) {
                latest[i] = seen.add(key);
            } else {
                boolean last = !rewritten || key != written;
                for (int j = i + 1; j < count && last; j++) {
                    last = data[starts[j]] != key;
                }
                latest[i] = last;
            }
        }
        return latest;
    }

    /**
     * The book holding {@code records[i]} under {@code keys[i]} (distinct keys), with horizon
     * {@code horizon}: a book as {@link #forEachLatest} and {@link #horizon()} described it.
     */
    static OrderBook restored(long[] keys, OrderRecord[] records, int horizon) {
        OrderBook book = EMPTY;
        for (int i = 0; i < keys.length; i++) {
            book = book.with(keys[i], records[i], Integer.MIN_VALUE);
        }
        return new OrderBook(book.data, book.size, horizon, book.filter);
    }

    /** The record of {@code key}, or null; null too for an order placed before the horizon (dropped, or as good as). */
    OrderRecord get(long key) {
        int at = find(key);
        return at < 0 || beforeHorizon(at) ? null : decode(data, at);
    }

    /**
     * Whether the record at {@code at} is of an order placed before {@link #horizon()}: one a copy
     * drops, treated as dropped before that, so that what a book holds does not depend on when its
     * array was copied.
     */
    private boolean beforeHorizon(int at) {
        int day = (int) (data[at + 1] >>> 32);
        return day != OrderRecord.UNKNOWN_DAY && day < horizon;
    }

    private static OrderRecord decode(long[] d, int at) {
        long meta = d[at + 1];
        int flags = (int) meta & 0xFF;
        int lines = (int) (meta >>> 8) & MAX_LINES;
        int day = (int) (meta >>> 32);
        int p = at + 2;
        long lot = -1;
        long expiry = OrderRecord.NEVER;
        if ((flags & WIDE) != 0) {
            lot = d[p++];
            expiry = d[p++];
        } else if ((flags & EARNED) != 0) {
            long w = d[p++];
            lot = (int) w;
            int expiryDay = (int) (w >>> 32);
            expiry = expiryDay == Integer.MAX_VALUE ? OrderRecord.NEVER : expiryDay;
        }
        long redeemed = 0;
        long returnedPaid = 0;
        long refundedNet = 0;
        if ((flags & MONEY) != 0) {
            redeemed = d[p++];
            returnedPaid = d[p++];
            refundedNet = d[p++];
        }
        long[] earned = null;
        if ((flags & LINES) != 0) {
            earned = Arrays.copyOfRange(d, p, p + lines);
            p += lines;
        }
        int[] returned = null;
        if ((flags & RETURNED) != 0) {
            returned = new int[lines];
            for (int i = 0; i < lines; i++) {
                returned[i] = (int) (d[p + i / 2] >>> (32 * (i & 1)));
            }
        }
        return new OrderRecord(day, (flags & EARNED) != 0, lot, expiry, earned, returned, redeemed, returnedPaid,
                refundedNet);
    }

    /** The meta word of {@code r}'s entry (placed day, line count, flags); its length is {@link #length}. */
    private static long meta(OrderRecord r) {
        int lines = r.lineCount();
        if (lines > MAX_LINES) {
            throw new IllegalArgumentException("order lines must be at most " + MAX_LINES + ": " + lines);
        }
        boolean money = r.redeemed != 0 || r.returnedPaid != 0 || r.refundedNet != 0;
        boolean returned = false;
        if (r.returnedByLine != null) {
            for (int x : r.returnedByLine) {
                returned |= x != 0;
            }
        }
        boolean wide = r.earned && (r.earnLot != (int) r.earnLot
                || (r.earnExpiry != OrderRecord.NEVER && r.earnExpiry != (int) r.earnExpiry)
                || r.earnExpiry == Integer.MAX_VALUE);
        int flags = (wide ? WIDE : 0) | (r.earned ? EARNED : 0) | (money ? MONEY : 0) | (returned ? RETURNED : 0)
                | (r.earnedByLine != null ? LINES : 0);
        return (long) r.placedDay << 32 | (long) lines << 8 | flags;
    }

    /** Writes {@code r}'s entry, meta word {@code meta}, at {@code out[at]}; the words there are zero. */
    private static void encode(long key, OrderRecord r, long meta, long[] out, int at) {
        int flags = (int) meta & 0xFF;
        int lines = r.lineCount();
        boolean wide = (flags & WIDE) != 0;
        boolean money = (flags & MONEY) != 0;
        boolean returned = (flags & RETURNED) != 0;
        out[at] = key;
        out[at + 1] = meta;
        int p = at + 2;
        if (wide) {
            out[p++] = r.earnLot;
            out[p++] = r.earnExpiry;
        } else if (r.earned) {
            long day = r.earnExpiry == OrderRecord.NEVER ? Integer.MAX_VALUE : r.earnExpiry;
            out[p++] = day << 32 | (r.earnLot & 0xFFFFFFFFL);
        }
        if (money) {
            out[p++] = r.redeemed;
            out[p++] = r.returnedPaid;
            out[p++] = r.refundedNet;
        }
        if (r.earnedByLine != null) {
            System.arraycopy(r.earnedByLine, 0, out, p, lines);
            p += lines;
        }
        if (returned) {
            for (int i = 0; i < lines; i++) {
                out[p + i / 2] |= (r.returnedByLine[i] & 0xFFFFFFFFL) << (32 * (i & 1));
            }
        }
    }

    /**
     * This book with {@code record} as the latest version of {@code key}; when the array must be
     * copied, records placed before {@code cutoff} (an epoch day; {@code Integer.MIN_VALUE} for none)
     * are dropped.
     */
    OrderBook with(long key, OrderRecord record, int cutoff) {
        long meta = meta(record);
        int n = length(meta);
        if (1 + size + n <= data.length && WORD.compareAndSet(data, 0, (long) size, (long) size + n)) {
            // the claimed words were never written: arrays are zeroed and each slot is claimed once
            encode(key, record, meta, data, 1 + size);
            return new OrderBook(data, size + n, Math.max(horizon, cutoff), filter | bit(key) | dayBit(record.placedDay));
        }
        // Copy: latest versions only, placed within the window; then the new entry.
        int[] starts = starts();
        int count = starts.length;
        boolean[] keep = latest(starts, key, true);
        int words = 0;
        for (int i = 0; i < count; i++) {
            int day = (int) (data[starts[i] + 1] >>> 32);
            keep[i] &= day == OrderRecord.UNKNOWN_DAY || day >= cutoff;
            if (keep[i]) {
                words += length(data[starts[i] + 1]);
            }
        }
        int used = words + n;
        // Room for half as much again, and at least for one more record like this one: an account
        // that keeps one record in its window (an order a month, a 30-day refund window) copies
        // every other order, not on every one.
        long[] target = new long[1 + Math.max(8, used + Math.max(used >> 1, n))];
        int p = 1;
        long kept = bit(key) | dayBit(record.placedDay);
        for (int i = 0; i < count; i++) {
            if (keep[i]) {
                kept |= bits(data, starts[i]);
                int len = length(data[starts[i] + 1]);
                System.arraycopy(data, starts[i], target, p, len);
                p += len;
            }
        }
        encode(key, record, meta, target, p);
        target[0] = used;
        return new OrderBook(target, used, Math.max(horizon, cutoff), kept);
    }
}
