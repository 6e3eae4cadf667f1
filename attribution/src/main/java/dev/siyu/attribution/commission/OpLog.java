package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.kernel.OperationDigest;
import dev.siyu.core.kernel.OperationLog;
import dev.siyu.core.kernel.PayloadHasher;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * The operations a ledger handled in its open periods: the kernel's {@link OperationLog} (per
 * operation the 128-bit {@link OperationDigest} of its id, the {@link PayloadHasher} fingerprint of
 * its payload, the month it was booked in as the outcome code, and as the outcome value the serial
 * of its kept outcome or -1; 40 bytes), plus the outcomes kept for other commands than accruals
 * and clawbacks (settlements, departures, refusals, batches: a few per month), in a small sorted
 * array copied on each such command. Pruned at settlement ({@link OperationLog#retainIf}), so the
 * log is bounded by the operations of the open periods.
 *
 * <p>The kernel log is persistent (versions share an append-only array; amortized O(1) to add,
 * O(n) to look up). Two ids of one ledger's open periods share a digest with probability at most
 * n² / 2¹²⁹. Immutable; thread-safe.
 */
final class OpLog {

    /** Outcome value of an entry without a kept outcome (accruals and clawbacks). */
    private static final long NO_OUTCOME = -1;

    static final OpLog EMPTY = new OpLog(OperationLog.empty(), new long[0], new Outcome[0]);

    private final OperationLog log;
    /** Serials of the kept outcomes, ascending (serials grow with each outcome added). */
    private final long[] serials;
    private final Outcome[] outcomes;
    /** The number of operations remembered. */
    final int size;

    private OpLog(OperationLog log, long[] serials, Outcome[] outcomes) {
        this.log = log;
        this.serials = serials;
        this.outcomes = outcomes;
        this.size = log.size();
    }

    OpLog add(OperationId id, long fingerprint, Outcome outcome, YearMonth period) {
        return add(OperationDigest.of(id.value()), fingerprint, outcome, period);
    }

    /** {@link #add(OperationId, long, Outcome, YearMonth)} with the id's digest computed by the caller. */
    OpLog add(OperationDigest digest, long fingerprint, Outcome outcome, YearMonth period) {
        long month = period.getYear() * 12L + period.getMonthValue() - 1;
        if (outcome == null) {
            return new OpLog(log.with(digest, fingerprint, month, NO_OUTCOME), serials, outcomes);
        }
        int n = serials.length;
        long serial = n == 0 ? 0 : serials[n - 1] + 1;
        long[] nextSerials = Arrays.copyOf(serials, n + 1);
        nextSerials[n] = serial;
        Outcome[] nextOutcomes = Arrays.copyOf(outcomes, n + 1);
        nextOutcomes[n] = outcome;
        return new OpLog(log.with(digest, fingerprint, month, serial), nextSerials, nextOutcomes);
    }

    /** The slot of {@code id}, -1 if it is not remembered. */
    int find(OperationId id) {
        return find(OperationDigest.of(id.value()));
    }

    /** The slot of the operation whose id has {@code digest}, -1 if it is not remembered. */
    int find(OperationDigest digest) {
        return log.indexOf(digest);
    }

    long fingerprint(int slot) {
        return log.fingerprint(slot);
    }

    /** The outcome recorded at {@code slot}, null for an accrual or clawback (rebuilt from the payload). */
    Outcome outcome(int slot) {
        long serial = log.value(slot);
        if (serial == NO_OUTCOME) {
            return null;
        }
        return outcomes[Arrays.binarySearch(serials, serial)];
    }

    YearMonth period(int slot) {
        long month = log.code(slot);
        return YearMonth.of((int) Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }

    /** This log without the operations booked in {@code period} or earlier. */
    OpLog prune(YearMonth period) {
        long last = period.getYear() * 12L + period.getMonthValue() - 1;
        OperationLog before = log;
        OperationLog kept = before.retainIf(at -> before.code(at) > last);
        if (kept == before) {
            return this;
        }
        if (kept.size() == 0) {
            return EMPTY;
        }
        int n = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.value(i) != NO_OUTCOME) {
                n++;
            }
        }
        long[] keptSerials = new long[n];
        Outcome[] keptOutcomes = new Outcome[n];
        for (int i = 0, k = 0; i < kept.size(); i++) {
            long serial = kept.value(i);
            if (serial != NO_OUTCOME) {
                keptSerials[k] = serial;
                keptOutcomes[k++] = outcomes[Arrays.binarySearch(serials, serial)];
            }
        }
        return new OpLog(kept, keptSerials, keptOutcomes);
    }

    /** The fingerprint of a payload given as its kind and its text form. */
    static long fingerprint(String kind, String text) {
        return PayloadHasher.hash(PayloadHasher.text(PayloadHasher.text(PayloadHasher.SEED, kind), text));
    }
}
