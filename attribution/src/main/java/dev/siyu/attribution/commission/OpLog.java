package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.OperationId;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operations a ledger handled in its open periods, in primitive arrays: per operation a 64-bit
 * digest of its id, a 64-bit fingerprint of its payload and the month it was booked in (20 bytes);
 * other commands than accruals and clawbacks also keep their outcome. Pruned at settlement, so the
 * log is bounded by the operations of the open periods.
 *
 * <p>Persistent: a log is a prefix of a shared append-only store. Adding to the longest log
 * sharing a store writes the next slot in place (claimed with a compare-and-set, so two threads
 * extending the same version never share a slot); adding to any other log copies its prefix into a
 * new store half as large again. Amortized O(1) to add, O(n) to look up (a scan over a long array).
 * An id is matched by its digest: two ids of one ledger's open periods collide with probability
 * about n² / 2⁶⁵ (3·10⁻¹⁶ for 100 operations). Immutable as seen from outside; thread-safe.
 */
final class OpLog {

    /** Append-only slots shared by the logs of successive ledger versions. */
    private static final class Store {
        final long[] digests;
        final long[] prints;
        final int[] months;
        /** Outcomes kept for commands other than accruals and clawbacks; null until one is. */
        volatile Outcome[] outcomes;
        final AtomicInteger used;

        Store(int capacity, int used) {
            this.digests = new long[capacity];
            this.prints = new long[capacity];
            this.months = new int[capacity];
            this.used = new AtomicInteger(used);
        }
    }

    static final OpLog EMPTY = new OpLog(new Store(0, 0), 0);

    private final Store store;
    /** The number of operations remembered. */
    final int size;

    private OpLog(Store store, int size) {
        this.store = store;
        this.size = size;
    }

    OpLog add(OperationId id, long fingerprint, Outcome outcome, YearMonth period) {
        long digest = digest(id.value());
        int month = period.getYear() * 12 + period.getMonthValue() - 1;
        Store s = store;
        if (size < s.digests.length && s.used.compareAndSet(size, size + 1)) {
            write(s, size, digest, fingerprint, month, outcome);
            return new OpLog(s, size + 1);
        }
        Store grown = new Store(Math.max(4, size + (size >> 1)), size + 1);
        System.arraycopy(s.digests, 0, grown.digests, 0, size);
        System.arraycopy(s.prints, 0, grown.prints, 0, size);
        System.arraycopy(s.months, 0, grown.months, 0, size);
        Outcome[] outcomes = s.outcomes;
        if (outcomes != null) {
            Outcome[] copy = new Outcome[grown.digests.length];
            System.arraycopy(outcomes, 0, copy, 0, size);
            grown.outcomes = copy;
        }
        write(grown, size, digest, fingerprint, month, outcome);
        return new OpLog(grown, size + 1);
    }

    private static void write(Store s, int at, long digest, long fingerprint, int month, Outcome outcome) {
        s.digests[at] = digest;
        s.prints[at] = fingerprint;
        s.months[at] = month;
        if (outcome != null) {
            Outcome[] outcomes = s.outcomes;
            if (outcomes == null) {
                synchronized (s) {
                    outcomes = s.outcomes;
                    if (outcomes == null) {
                        outcomes = new Outcome[s.digests.length];
                        s.outcomes = outcomes;
                    }
                }
            }
            outcomes[at] = outcome;
        }
    }

    /** The slot of {@code id}, -1 if it is not remembered. */
    int find(OperationId id) {
        long digest = digest(id.value());
        long[] digests = store.digests;
        for (int i = size - 1; i >= 0; i--) {
            if (digests[i] == digest) {
                return i;
            }
        }
        return -1;
    }

    long fingerprint(int slot) {
        return store.prints[slot];
    }

    /** The outcome recorded at {@code slot}, null for an accrual or clawback (rebuilt from the payload). */
    Outcome outcome(int slot) {
        Outcome[] outcomes = store.outcomes;
        return outcomes == null ? null : outcomes[slot];
    }

    YearMonth period(int slot) {
        int month = store.months[slot];
        return YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }

    /** This log without the operations booked in {@code period} or earlier. */
    OpLog prune(YearMonth period) {
        int last = period.getYear() * 12 + period.getMonthValue() - 1;
        int keep = 0;
        for (int i = 0; i < size; i++) {
            if (store.months[i] > last) {
                keep++;
            }
        }
        if (keep == 0) {
            return EMPTY;
        }
        Store out = new Store(keep, keep);
        Outcome[] outcomes = store.outcomes;
        for (int i = 0, k = 0; i < size; i++) {
            if (store.months[i] > last) {
                write(out, k++, store.digests[i], store.prints[i], store.months[i],
                        outcomes == null ? null : outcomes[i]);
            }
        }
        return new OpLog(out, keep);
    }

    /** A 64-bit digest of an operation id: FNV-1a over the characters, then a 64-bit finalizer. */
    static long digest(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= text.length();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** FNV-1a, 64 bits, over the parts' text and numbers. */
    static long fingerprint(Object... parts) {
        long h = START;
        for (Object part : parts) {
            h = part instanceof Long n ? mix(h, n.longValue()) : mix(h, String.valueOf(part));
        }
        return h;
    }

    static final long START = 0xcbf29ce484222325L;

    /** {@link #fingerprint} step for a number, without boxing. */
    static long mix(long h, long n) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((n >>> (8 * i)) & 0xff)) * 0x100000001b3L;
        }
        return (h ^ 0x1f) * 0x100000001b3L;
    }

    /** {@link #fingerprint} step for a text. */
    static long mix(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ 0x1f) * 0x100000001b3L;
    }
}
