package dev.siyu.core.tier;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A member's qualifying facts, sorted by business epoch day, with prefix sums of spend (minor
 * units), points earned and orders, in one primitive array of three longs a fact: the day in the
 * upper half of the first word and the orders prefix in its lower half, then the spend and points
 * prefixes. Row 0 holds the empty prefix; row {@code i + 1} fact {@code i}. The sum of a metric over
 * any date range is two binary searches and a subtraction, with no allocation.
 *
 * <p>Immutable, and the histories of one lineage share their array: word 0 counts the rows claimed,
 * and a fact dated on or after the last one (the usual case: orders arrive in date order) is written
 * into the spare room in place, claiming its row with a compare-and-set, so recording an order
 * neither copies the history nor leaves a new array for the collector to move. A fact dated earlier,
 * an append to an older version, or a full array copies (with twice as much room). Rows a
 * version can see are written before it is constructed and never again, and versions reach the
 * array through a final field, so every version reads a complete, fixed prefix from any thread.
 *
 * <p>A {@link TierStatus} holds the array and its size itself (no object of this class per
 * version): the static functions work on such a pair, and an instance is a view of one, made for a
 * command and left as young garbage.
 */
final class QualifyingHistory {

    private static final int ROW = 3;
    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    /** The rows of the empty history, shared: word 0 counts rows claimed (1 = just the empty prefix). */
    static final long[] NO_ROWS = {1, 0, 0, 0};

    /** Word 0: rows claimed (1 = just the empty prefix); row r at words 1 + 3r .. 3 + 3r. */
    static final QualifyingHistory EMPTY = new QualifyingHistory(NO_ROWS, 0);

    private final long[] rows;
    private final int size;

    /** The view of the first {@code size} facts of {@code rows}. */
    QualifyingHistory(long[] rows, int size) {
        this.rows = rows;
        this.size = size;
    }

    int size() {
        return size;
    }

    /**
     * Reads the words an append to the first {@code size} facts of {@code rows} will read and write
     * (the claimed count and the next fact's first word, if any), combined: a software prefetch (see
     * {@code OperationLog.touch}).
     */
    static long touch(long[] rows, int size) {
        int next = 1 + (size + 1) * ROW;
        return rows[0] ^ (next < rows.length ? rows[next] : 0);
    }

    /** The array this history reads (shared with the other versions of its lineage). */
    long[] rows() {
        return rows;
    }

    /** The epoch day of the {@code i}-th fact in date order. */
    int day(int i) {
        return day(rows, i);
    }

    /** The epoch day of the {@code i}-th fact of {@code rows} in date order. */
    static int day(long[] rows, int i) {
        return dayOfRow(rows, i + 1);
    }

    private static int dayOfRow(long[] rows, int row) {
        return (int) (rows[1 + row * ROW] >> 32);
    }

    /** The prefix of {@code metric} through row {@code row} (row 0: nothing). */
    private static long prefix(long[] rows, Metric metric, int row) {
        return switch (metric) {
            case SPEND -> rows[2 + row * ROW];
            case POINTS_EARNED -> rows[3 + row * ROW];
            case ORDER_COUNT -> (int) rows[1 + row * ROW];
        };
    }

    /** The {@code metric} value of the {@code i}-th fact in date order. */
    long delta(Metric metric, int i) {
        return delta(rows, metric, i);
    }

    /** The {@code metric} value of the {@code i}-th fact of {@code rows} in date order. */
    static long delta(long[] rows, Metric metric, int i) {
        return prefix(rows, metric, i + 1) - prefix(rows, metric, i);
    }

    /** This history with one more fact on epoch day {@code day}, after any fact of the same day. */
    QualifyingHistory plus(int day, long spendDelta, long pointsDelta, long ordersDelta) {
        return new QualifyingHistory(plus(rows, size, day, spendDelta, pointsDelta, ordersDelta), size + 1);
    }

    /**
     * The rows of the history of the first {@code n} facts of {@code rows} with one more fact on
     * epoch day {@code day} (after any fact of the same day), whose size is {@code n + 1}:
     * {@code rows} itself with the fact written in place when it is in date order and this
     * version's next row is unclaimed, else a copy.
     */
    static long[] plus(long[] rows, int n, int day, long spendDelta, long pointsDelta, long ordersDelta) {
        int pos = upperBound(rows, n, day); // the new fact becomes row pos + 1
        int capacity = (rows.length - 1) / ROW - 1;
        if (pos == n && n < capacity && WORD.compareAndSet(rows, 0, (long) n + 1, (long) n + 2)) {
            // in date order, and this version's next row is unclaimed: write it in place
            write(rows, n + 1, day, rows, n, spendDelta, pointsDelta, ordersDelta);
            return rows;
        }
        // twice the room: every copy outlives young collections (the version that made it is kept
        // until the member's next order), so fewer, larger copies cost the collector less
        int room = Math.max(4, 2 * n + 1);
        long[] out = new long[1 + (room + 1) * ROW];
        out[0] = n + 2;
        System.arraycopy(rows, 1, out, 1, (pos + 1) * ROW);
        write(out, pos + 1, day, rows, pos, spendDelta, pointsDelta, ordersDelta);
        for (int r = pos + 1; r <= n; r++) {
            write(out, r + 1, dayOfRow(rows, r), out, r, delta(rows, Metric.SPEND, r - 1),
                    delta(rows, Metric.POINTS_EARNED, r - 1), delta(rows, Metric.ORDER_COUNT, r - 1));
        }
        return out;
    }

    /** Writes row {@code row} of {@code out}: {@code day} and the prefixes of row {@code prev} of {@code from} plus the deltas. */
    private static void write(long[] out, int row, int day, long[] from, int prev, long spend, long points, long orders) {
        int orderPrefix = Math.toIntExact(Math.addExact((long) (int) from[1 + prev * ROW], orders));
        long spendPrefix = Math.addExact(from[2 + prev * ROW], spend);
        long pointsPrefix = Math.addExact(from[3 + prev * ROW], points);
        out[1 + row * ROW] = (long) day << 32 | (orderPrefix & 0xffff_ffffL);
        out[2 + row * ROW] = spendPrefix;
        out[3 + row * ROW] = pointsPrefix;
    }

    /** A history of the given facts, in any order (stable by day). */
    static QualifyingHistory of(int[] day, long[] spendDelta, long[] pointsDelta, long[] ordersDelta) {
        int n = day.length;
        if (n == 0) {
            return EMPTY; // most members enrol without history: one shared empty history
        }
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            // the signed day in the high 32 bits, the index in the low bits: a stable sort by day (the
            // day offset by 2^31 here once set the sign bit of every day from 1970 on, sorting them first)
            keyed[i] = (long) day[i] << 32 | i;
        }
        Arrays.sort(keyed);
        long[] rows = new long[1 + (n + 1) * ROW];
        rows[0] = n + 1;
        for (int k = 0; k < n; k++) {
            int i = (int) (keyed[k] & 0xffffffffL);
            write(rows, k + 1, day[i], rows, k, spendDelta[i], pointsDelta[i], ordersDelta[i]);
        }
        return new QualifyingHistory(rows, n);
    }

    /** The sum of {@code metric} over facts on epoch days {@code from..to} inclusive. */
    long sum(Metric metric, int from, int to) {
        return sum(rows, size, metric, from, to);
    }

    /** The sum of {@code metric} over the first {@code size} facts of {@code rows} on epoch days {@code from..to} inclusive. */
    static long sum(long[] rows, int size, Metric metric, int from, int to) {
        if (to < from) {
            return 0;
        }
        return prefix(rows, metric, upperBound(rows, size, to)) - prefix(rows, metric, lowerBound(rows, size, from));
    }

    /** The number of facts whose day is {@code < day}: the row of the prefix before them. */
    private static int lowerBound(long[] rows, int size, int day) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dayOfRow(rows, mid + 1) < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of facts whose day is {@code <= day}: the row of the prefix through them. */
    private static int upperBound(long[] rows, int size, int day) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dayOfRow(rows, mid + 1) <= day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
