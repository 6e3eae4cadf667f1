package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.OperationId;
import java.time.YearMonth;

/**
 * A persistent (shared-tail) list of the operations a ledger handled in its open periods: O(1) to
 * add, O(n) to look up, n being the operations of the open periods. Pruned at settlement.
 */
final class OpLog {

    static final OpLog EMPTY = new OpLog(null, null, null, null, null, 0);

    final OperationId id;
    final Object payload;
    final Outcome outcome;
    final YearMonth period;
    final OpLog next;
    final int size;

    private OpLog(OperationId id, Object payload, Outcome outcome, YearMonth period, OpLog next, int size) {
        this.id = id;
        this.payload = payload;
        this.outcome = outcome;
        this.period = period;
        this.next = next;
        this.size = size;
    }

    OpLog add(OperationId id, Object payload, Outcome outcome, YearMonth period) {
        return new OpLog(id, payload, outcome, period, this, size + 1);
    }

    OpLog find(OperationId id) {
        int hash = id.value().hashCode();
        for (OpLog at = this; at.id != null; at = at.next) {
            if (at.id.value().hashCode() == hash && at.id.equals(id)) {
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
            out = out.add(e.id, e.payload, e.outcome, e.period);
        }
        return out;
    }
}
