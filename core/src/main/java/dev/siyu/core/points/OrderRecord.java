package dev.siyu.core.points;

import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger remembers of one order, decoded from its {@link OrderBook} entry for one command:
 * the business date it was placed, whether points were earned on it (the lot and expiry date the
 * earn credited), points earned and units returned per line, by slot (the rank of the line's number
 * in the order, see {@link #slotOf}), points that paid for it and how many came back. Lines are
 * matched by slot against the order the command carries (line numbers and units sold are the
 * order's own). Immutable; "with" methods copy the small arrays.
 */
final class OrderRecord {

    /** {@link #placedDay} when not known (only a redemption for the order was seen). */
    static final int UNKNOWN_DAY = Integer.MIN_VALUE;
    /** {@link #earnExpiry} of an earn whose points never expire, or of no earn. */
    static final long NEVER = Long.MAX_VALUE;

    static final OrderRecord EMPTY = new OrderRecord(UNKNOWN_DAY, false, -1, NEVER, null, null, 0, 0, 0);

    /** The epoch day the order was placed (business date), or {@link #UNKNOWN_DAY}. */
    final int placedDay;
    final boolean earned;
    /** The sequence of the lot the earn credited, or -1. */
    final long earnLot;
    /** The epoch day the earn's lot expires, or {@link #NEVER}. */
    final long earnExpiry;
    /** Points earned per line; null until the order's lines are known. */
    final long[] earnedByLine;
    /** Units returned per line; null while none were. */
    final int[] returnedByLine;
    final long redeemed;
    final long returnedPaid;
    final long refundedNet;

    OrderRecord(int placedDay, boolean earned, long earnLot, long earnExpiry, long[] earnedByLine,
            int[] returnedByLine, long redeemed, long returnedPaid, long refundedNet) {
        this.placedDay = placedDay;
        this.earned = earned;
        this.earnLot = earnLot;
        this.earnExpiry = earnExpiry;
        this.earnedByLine = earnedByLine;
        this.returnedByLine = returnedByLine;
        this.redeemed = redeemed;
        this.returnedPaid = returnedPaid;
        this.refundedNet = refundedNet;
    }

    boolean isEarned() {
        return earned;
    }

    /** This record with the order's lines known (no points earned, nothing returned) and its day, if they were not. */
    OrderRecord withLines(Order order, int day) {
        if (earnedByLine != null) {
            if (earnedByLine.length != order.lines().size()) {
                throw new IllegalArgumentException("order must have the lines of the order as first seen "
                        + order.id() + ": " + earnedByLine.length + " lines, not " + order.lines().size());
            }
            return placedDay == UNKNOWN_DAY ? withDay(day) : this;
        }
        return new OrderRecord(placedDay == UNKNOWN_DAY ? day : placedDay, earned, earnLot, earnExpiry,
                new long[order.lines().size()], returnedByLine, redeemed, returnedPaid, refundedNet);
    }

    private OrderRecord withDay(int day) {
        return new OrderRecord(day, earned, earnLot, earnExpiry, earnedByLine, returnedByLine, redeemed,
                returnedPaid, refundedNet);
    }

    OrderRecord withEarned(long lot, long expiry, int day, long[] perLine) {
        return new OrderRecord(placedDay == UNKNOWN_DAY ? day : placedDay, true, lot, expiry, perLine,
                returnedByLine, redeemed, returnedPaid, refundedNet);
    }

    OrderRecord withRedeemed(long points, int day) {
        return new OrderRecord(placedDay == UNKNOWN_DAY ? day : placedDay, earned, earnLot, earnExpiry,
                earnedByLine, returnedByLine, Math.addExact(redeemed, points), returnedPaid, refundedNet);
    }

    /** This record with units returned per line {@code newReturned} (indexed like the lines). */
    OrderRecord withRefund(int[] newReturned, long newReturnedPaid, long newRefundedNet) {
        return new OrderRecord(placedDay, earned, earnLot, earnExpiry, earnedByLine, newReturned, redeemed,
                newReturnedPaid, newRefundedNet);
    }

    int lineCount() {
        return earnedByLine == null ? 0 : earnedByLine.length;
    }

    long earned(int index) {
        return earnedByLine[index];
    }

    int returned(int index) {
        return returnedByLine == null ? 0 : returnedByLine[index];
    }

    /** Units returned per line, indexed like the lines. */
    int[] returnedCopy() {
        return returnedByLine == null ? new int[lineCount()] : returnedByLine.clone();
    }

    /** Units returned per line number of {@code order} (the order these lines are of). */
    Map<Integer, Integer> returnedByLine(Order order) {
        int[] index = indexBySlot(order);
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < lineCount(); i++) {
            if (returned(i) > 0) {
                map.put(order.lines().get(index == null ? i : index[i]).lineNo(), returned(i));
            }
        }
        return map;
    }

    boolean allReturned(Order order) {
        int[] index = indexBySlot(order);
        for (int i = 0; i < lineCount(); i++) {
            if (returned(i) < order.lines().get(index == null ? i : index[i]).quantity()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The slot of the line at {@code index} of {@code order}: the rank of its line number among the
     * order's (line numbers are unique within an order). Records are kept by slot, so a host that
     * lists an order's lines in another sequence at refund time than at earn time still refunds the
     * right lines.
     */
    static int slotOf(Order order, int index) {
        List<OrderLine> lines = order.lines();
        int lineNo = lines.get(index).lineNo();
        int rank = 0;
        for (OrderLine line : lines) {
            if (line.lineNo() < lineNo) {
                rank++;
            }
        }
        return rank;
    }

    /**
     * For each slot (see {@link #slotOf}), the index of its line in {@code order}'s lines; null when
     * the lines are listed by line number, so that a slot is its index.
     */
    static int[] indexBySlot(Order order) {
        List<OrderLine> lines = order.lines();
        if (inLineNoOrder(lines)) {
            return null;
        }
        int n = lines.size();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            // line number in the high 32 bits (offset to keep the sign order), index in the low bits
            keyed[i] = ((long) lines.get(i).lineNo() - Integer.MIN_VALUE) << 32 | i;
        }
        java.util.Arrays.sort(keyed);
        int[] index = new int[n];
        for (int k = 0; k < n; k++) {
            index[k] = (int) (keyed[k] & 0xffffffffL);
        }
        return index;
    }

    /** {@code perLine} (indexed like {@code order}'s lines) rearranged by slot; the same array if already so. */
    static long[] bySlot(Order order, long[] perLine) {
        int[] index = indexBySlot(order);
        if (index == null) {
            return perLine;
        }
        long[] out = new long[perLine.length];
        for (int k = 0; k < perLine.length; k++) {
            out[k] = perLine[index[k]];
        }
        return out;
    }

    private static boolean inLineNoOrder(List<OrderLine> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).lineNo() >= lines.get(i).lineNo()) {
                return false;
            }
        }
        return true;
    }
}
