package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.OperationId;
import java.time.YearMonth;

/**
 * A persistent (shared-tail) list of the operations a ledger handled in its open periods: O(1) to
 * add, O(n) to look up, n being the operations of the open periods; pruned at settlement. An
 * accrual or clawback is remembered by its id, a 64-bit fingerprint of its payload and the period
 * it was booked in (about 100 bytes with the id); its outcome is rebuilt from the replayed payload,
 * which the fingerprint shows to be the same. Other commands keep their outcome.
 */
final class OpLog {

    static final OpLog EMPTY = new OpLog(null, 0, null, null, null, 0, new long[0]);

    final OperationId id;
    final long fingerprint;
    final Outcome outcome;
    final YearMonth period;
    final OpLog next;
    final int size;
    /** Sorted 64-bit hashes of the ids in this log: a miss is answered without walking the list. */
    private final long[] index;

    private OpLog(OperationId id, long fingerprint, Outcome outcome, YearMonth period, OpLog next, int size,
            long[] index) {
        this.id = id;
        this.fingerprint = fingerprint;
        this.outcome = outcome;
        this.period = period;
        this.next = next;
        this.size = size;
        this.index = index;
    }

    OpLog add(OperationId id, long fingerprint, Outcome outcome, YearMonth period) {
        long h = hash(id.value());
        int at = java.util.Arrays.binarySearch(index, h);
        int insert = at >= 0 ? at : -at - 1;
        long[] next = new long[index.length + 1];
        System.arraycopy(index, 0, next, 0, insert);
        next[insert] = h;
        System.arraycopy(index, insert, next, insert + 1, index.length - insert);
        return new OpLog(id, fingerprint, outcome, period, this, size + 1, next);
    }

    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    OpLog find(OperationId id) {
        String text = id.value();
        if (java.util.Arrays.binarySearch(index, hash(text)) < 0) {
            return null;
        }
        int hash = text.hashCode();
        for (OpLog at = this; at.id != null; at = at.next) {
            String other = at.id.value();
            if (other.hashCode() == hash && other.equals(text)) {
                return at;
            }
        }
        return null;
    }

    /** This log without the operations booked in {@code period} or earlier. */
    OpLog prune(YearMonth period) {
        java.util.ArrayDeque<OpLog> keep = new java.util.ArrayDeque<>();
        for (OpLog at = this; at.id != null; at = at.next) {
            if (at.period.isAfter(period)) {
                keep.push(at);
            }
        }
        OpLog out = EMPTY;
        while (!keep.isEmpty()) {
            OpLog e = keep.pop();
            out = out.add(e.id, e.fingerprint, e.outcome, e.period);
        }
        return out;
    }

    /** FNV-1a, 64 bits, over the parts' text and numbers. */
    static long fingerprint(Object... parts) {
        long h = 0xcbf29ce484222325L;
        for (Object part : parts) {
            if (part instanceof Long n) {
                for (int i = 0; i < 8; i++) {
                    h = (h ^ ((n >>> (8 * i)) & 0xff)) * 0x100000001b3L;
                }
            } else {
                String text = String.valueOf(part);
                for (int i = 0; i < text.length(); i++) {
                    h = (h ^ text.charAt(i)) * 0x100000001b3L;
                }
            }
            h = (h ^ 0x1f) * 0x100000001b3L;
        }
        return h;
    }
}
