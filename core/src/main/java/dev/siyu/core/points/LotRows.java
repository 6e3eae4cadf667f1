package dev.siyu.core.points;

/**
 * An account's live lots ({@link PointsLot}) packed in one {@code long[]}, five words a lot in
 * consumption order: the sequence; the earned day (high half) and the available day (low half); the
 * expiry day ({@link PointsLot#NEVER} if none); the points credited; the points remaining. An account
 * version holds one such array (40 bytes a lot, no object per lot), shared with the versions that
 * did not change a lot; {@link PointsLot} objects are made only when read through the public API.
 * Static functions only; arrays are never changed once an account holds them.
 */
final class LotRows {

    /** Words per lot. */
    static final int ROW = 5;
    /** The lots of an account with none. */
    static final long[] NONE = new long[0];

    private LotRows() {
    }

    static int count(long[] rows) {
        return rows.length / ROW;
    }

    static long sequence(long[] rows, int i) {
        return rows[i * ROW];
    }

    static int earnedDay(long[] rows, int i) {
        return (int) (rows[i * ROW + 1] >> 32);
    }

    static int availableDay(long[] rows, int i) {
        return (int) rows[i * ROW + 1];
    }

    static int expiryDay(long[] rows, int i) {
        return (int) rows[i * ROW + 2];
    }

    static long points(long[] rows, int i) {
        return rows[i * ROW + 3];
    }

    static long remaining(long[] rows, int i) {
        return rows[i * ROW + 4];
    }

    /** Whether lot {@code i} is worthless on epoch day {@code day}. */
    static boolean isExpiredOn(long[] rows, int i, long day) {
        int expiry = expiryDay(rows, i);
        return expiry != PointsLot.NEVER && day >= expiry;
    }

    /** Whether lot {@code i} can be spent on epoch day {@code day}: past its pending period and not expired. */
    static boolean isAvailableOn(long[] rows, int i, long day) {
        return day >= availableDay(rows, i) && !isExpiredOn(rows, i, day);
    }

    /** Writes lot {@code i}. */
    static void set(long[] rows, int i, long sequence, int earnedDay, int availableDay, int expiryDay, long points,
            long remaining) {
        int at = i * ROW;
        rows[at] = sequence;
        rows[at + 1] = (long) earnedDay << 32 | (availableDay & 0xFFFFFFFFL);
        rows[at + 2] = expiryDay;
        rows[at + 3] = points;
        rows[at + 4] = remaining;
    }

    /** Sets lot {@code i}'s remaining points. */
    static void setRemaining(long[] rows, int i, long remaining) {
        rows[i * ROW + 4] = remaining;
    }

    /** Adds {@code credited} to lot {@code i}'s points and remaining points. */
    static void credit(long[] rows, int i, long credited) {
        int at = i * ROW;
        rows[at + 3] = Math.addExact(rows[at + 3], credited);
        rows[at + 4] = Math.addExact(rows[at + 4], credited);
    }

    /** Lot {@code i} as a value. */
    static PointsLot lot(long[] rows, int i) {
        return new PointsLot(sequence(rows, i), earnedDay(rows, i), availableDay(rows, i), expiryDay(rows, i),
                points(rows, i), remaining(rows, i));
    }

    /** {@code lots} packed, in the same order. */
    static long[] of(PointsLot[] lots) {
        if (lots.length == 0) {
            return NONE;
        }
        long[] rows = new long[lots.length * ROW];
        for (int i = 0; i < lots.length; i++) {
            PointsLot l = lots[i];
            set(rows, i, l.sequence(), l.earnedDay(), l.availableDay(), l.expiryDay(), l.points(), l.remaining());
        }
        return rows;
    }
}
