package dev.siyu.core.points;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.order.Order;
import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger remembers of one order: points earned per line, units returned per line, points
 * that paid for it and how many came back. Immutable; "with" methods copy the small arrays.
 */
final class OrderRecord {

    static final OrderRecord EMPTY = new OrderRecord(null, -1, null, null, null, null, 0, 0, 0);

    final OperationId earnOperation;
    /** The sequence of the lot the earn credited, or -1. */
    final long earnLot;
    final int[] lineNos;
    final int[] quantities;
    final long[] earned;
    final int[] returned;
    final long redeemed;
    final long returnedPaid;
    final long refundedNet;

    OrderRecord(OperationId earnOperation, long earnLot, int[] lineNos, int[] quantities, long[] earned, int[] returned,
            long redeemed, long returnedPaid, long refundedNet) {
        this.earnOperation = earnOperation;
        this.earnLot = earnLot;
        this.lineNos = lineNos;
        this.quantities = quantities;
        this.earned = earned;
        this.returned = returned;
        this.redeemed = redeemed;
        this.returnedPaid = returnedPaid;
        this.refundedNet = refundedNet;
    }

    boolean isEarned() {
        return earnOperation != null;
    }

    /** This record with the order's lines known (no points earned, nothing returned), if they were not. */
    OrderRecord withLines(Order order) {
        if (lineNos != null) {
            return this;
        }
        int n = order.lines().size();
        int[] nos = new int[n];
        int[] qty = new int[n];
        for (int i = 0; i < n; i++) {
            nos[i] = order.lines().get(i).lineNo();
            qty[i] = order.lines().get(i).quantity();
        }
        return new OrderRecord(earnOperation, earnLot, nos, qty, new long[n], new int[n], redeemed, returnedPaid, refundedNet);
    }

    OrderRecord withEarned(OperationId operation, long lot, Order order, long[] perLine) {
        if (lineNos != null) {
            return new OrderRecord(operation, lot, lineNos, quantities, perLine.clone(), returned, redeemed, returnedPaid,
                    refundedNet);
        }
        int n = order.lines().size();
        int[] nos = new int[n];
        int[] qty = new int[n];
        for (int i = 0; i < n; i++) {
            nos[i] = order.lines().get(i).lineNo();
            qty[i] = order.lines().get(i).quantity();
        }
        return new OrderRecord(operation, lot, nos, qty, perLine.clone(), new int[n], redeemed, returnedPaid, refundedNet);
    }

    OrderRecord withRedeemed(long points) {
        return new OrderRecord(earnOperation, earnLot, lineNos, quantities, earned, returned, Math.addExact(redeemed, points),
                returnedPaid, refundedNet);
    }

    OrderRecord withRefund(int[] newReturned, long newReturnedPaid, long newRefundedNet) {
        return new OrderRecord(earnOperation, earnLot, lineNos, quantities, earned, newReturned, redeemed, newReturnedPaid,
                newRefundedNet);
    }

    int indexOf(int lineNo) {
        for (int i = 0; i < lineNos.length; i++) {
            if (lineNos[i] == lineNo) {
                return i;
            }
        }
        return -1;
    }

    Map<Integer, Integer> returnedByLine() {
        Map<Integer, Integer> map = new HashMap<>();
        if (lineNos != null) {
            for (int i = 0; i < lineNos.length; i++) {
                if (returned[i] > 0) {
                    map.put(lineNos[i], returned[i]);
                }
            }
        }
        return map;
    }

    boolean allReturned() {
        for (int i = 0; i < lineNos.length; i++) {
            if (returned[i] < quantities[i]) {
                return false;
            }
        }
        return true;
    }
}
