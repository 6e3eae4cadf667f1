package dev.siyu.core.points;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.order.Order;
import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger remembers of one order: points earned per line, units returned per line, points
 * that paid for it and how many came back. The lines are one {@code long[]}, {@value #WORDS} words a
 * line (line number, units sold, points earned, units returned), so a record is two objects.
 * Immutable; "with" methods copy the small array.
 */
final class OrderRecord {

    private static final int WORDS = 4;
    private static final long[] NO_LINES = new long[0];

    static final OrderRecord EMPTY = new OrderRecord(null, -1, null, 0, 0, 0);

    final OperationId earnOperation;
    /** The sequence of the lot the earn credited, or -1. */
    final long earnLot;
    /** Per line: lineNo, quantity, earned, returned; null until the order's lines are known. */
    private final long[] lines;
    final long redeemed;
    final long returnedPaid;
    final long refundedNet;

    private OrderRecord(OperationId earnOperation, long earnLot, long[] lines, long redeemed, long returnedPaid,
            long refundedNet) {
        this.earnOperation = earnOperation;
        this.earnLot = earnLot;
        this.lines = lines;
        this.redeemed = redeemed;
        this.returnedPaid = returnedPaid;
        this.refundedNet = refundedNet;
    }

    boolean isEarned() {
        return earnOperation != null;
    }

    private static long[] linesOf(Order order) {
        int n = order.lines().size();
        long[] out = n == 0 ? NO_LINES : new long[n * WORDS];
        for (int i = 0; i < n; i++) {
            out[i * WORDS] = order.lines().get(i).lineNo();
            out[i * WORDS + 1] = order.lines().get(i).quantity();
        }
        return out;
    }

    /** This record with the order's lines known (no points earned, nothing returned), if they were not. */
    OrderRecord withLines(Order order) {
        if (lines != null) {
            return this;
        }
        return new OrderRecord(earnOperation, earnLot, linesOf(order), redeemed, returnedPaid, refundedNet);
    }

    OrderRecord withEarned(OperationId operation, long lot, Order order, long[] perLine) {
        long[] out = lines != null ? lines.clone() : linesOf(order);
        for (int i = 0; i < perLine.length; i++) {
            out[i * WORDS + 2] = perLine[i];
        }
        return new OrderRecord(operation, lot, out, redeemed, returnedPaid, refundedNet);
    }

    OrderRecord withRedeemed(long points) {
        return new OrderRecord(earnOperation, earnLot, lines, Math.addExact(redeemed, points), returnedPaid,
                refundedNet);
    }

    /** This record with units returned per line {@code newReturned} (indexed like the lines). */
    OrderRecord withRefund(int[] newReturned, long newReturnedPaid, long newRefundedNet) {
        long[] out = lines.clone();
        for (int i = 0; i < newReturned.length; i++) {
            out[i * WORDS + 3] = newReturned[i];
        }
        return new OrderRecord(earnOperation, earnLot, out, redeemed, newReturnedPaid, newRefundedNet);
    }

    int lineCount() {
        return lines == null ? 0 : lines.length / WORDS;
    }

    int quantity(int index) {
        return (int) lines[index * WORDS + 1];
    }

    long earned(int index) {
        return lines[index * WORDS + 2];
    }

    int returned(int index) {
        return (int) lines[index * WORDS + 3];
    }

    /** Units returned per line, indexed like the lines. */
    int[] returnedCopy() {
        int[] out = new int[lineCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = returned(i);
        }
        return out;
    }

    int indexOf(int lineNo) {
        for (int i = 0; i < lineCount(); i++) {
            if (lines[i * WORDS] == lineNo) {
                return i;
            }
        }
        return -1;
    }

    Map<Integer, Integer> returnedByLine() {
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < lineCount(); i++) {
            if (returned(i) > 0) {
                map.put((int) lines[i * WORDS], returned(i));
            }
        }
        return map;
    }

    boolean allReturned() {
        for (int i = 0; i < lineCount(); i++) {
            if (returned(i) < quantity(i)) {
                return false;
            }
        }
        return true;
    }
}
