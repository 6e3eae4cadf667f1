package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Books many accruals at once, for replays and nightly batches: per guide and period it only adds
 * numbers, and {@link #finish} turns each touched ledger into its next immutable version in one
 * step. The result equals booking the accruals one by one with {@link CommissionLedger#accrue}
 * (same periods, amounts, counts and release dates), except that the whole batch is one
 * operation: each ledger records {@code operation} once instead of one id per accrual, and no
 * per-order events are produced (the per-order record is the host's {@link OrderCommission}).
 *
 * <p>Memory is one small accumulator per guide and open period, whatever the number of orders.
 * Not thread-safe: one batch per thread (partition guides across threads).
 */
public final class LedgerBatch {

    /** Running sums of one guide's period. */
    private static class Sums {
        long accrued;
        long late;
        long salesBase;
        long orders;
        long releaseOn = Long.MIN_VALUE;
    }

    /**
     * One touched guide: its base ledger and its periods' sums. The sums of the first period booked
     * (usually the only one) are this object's own fields, so an accrual reads one object; other
     * periods have their own.
     */
    private static final class Touched extends Sums {
        final GuideId guide;
        final int hash;
        final GuideLedger ledger;
        /** The first open period for late accruals, null while nothing is settled. */
        final YearMonth firstOpen;
        /** The period of this object's own sums, null until the first accrual. */
        YearMonth primary;
        Map<YearMonth, Sums> others;
        /** The other period last asked for and its sums: accruals come in runs of one period. */
        private YearMonth lastOther;
        private Sums lastOtherSums;

        Touched(GuideId guide, int hash, GuideLedger ledger) {
            this.guide = guide;
            this.hash = hash;
            this.ledger = ledger;
            this.firstOpen = ledger.settledThrough().map(s -> s.plusMonths(1)).orElse(null);
        }

        Sums sums(YearMonth period) {
            if (primary == null) {
                primary = period;
                return this;
            }
            if (period == primary || period.equals(primary)) {
                return this;
            }
            if (period == lastOther) {
                return lastOtherSums;
            }
            if (others == null) {
                others = new HashMap<>(4);
            }
            Sums sums = others.computeIfAbsent(period, p -> new Sums());
            lastOther = period;
            lastOtherSums = sums;
            return sums;
        }

        /** Every period's sums, oldest first. */
        SortedMap<YearMonth, Sums> periods() {
            SortedMap<YearMonth, Sums> out = new java.util.TreeMap<>();
            if (primary != null) {
                out.put(primary, this);
            }
            if (others != null) {
                out.putAll(others);
            }
            return out;
        }
    }

    private final CommissionLedger engine;
    private final Currency currency;
    private final Map<GuideId, GuideLedger> base;
    /** The touched guides in insertion order. */
    private final List<Touched> touched = new ArrayList<>();
    /** An open-addressing index of {@link #touched} (each entry knows its guide's hash). */
    private Touched[] slots = new Touched[64];

    LedgerBatch(CommissionLedger engine, Map<GuideId, GuideLedger> base) {
        this.engine = engine;
        this.currency = engine.plan().currency();
        this.base = base;
    }

    /**
     * Adds an accrual.
     *
     * @throws IllegalArgumentException if the accrual is in another currency than the plan's
     */
    public void accrue(Accrual accrual) {
        Objects.requireNonNull(accrual, "accrual");
        if (!accrual.amount().currency().equals(currency)) {
            accrual.amount().checkSameCurrency(Money.zero(currency));
        }
        Touched t = touched(accrual.guide());
        boolean late = t.firstOpen != null && accrual.period().isBefore(t.firstOpen);
        Sums s = t.sums(late ? t.firstOpen : accrual.period());
        if (late) {
            s.late += accrual.amount().minor();
        } else {
            s.accrued += accrual.amount().minor();
        }
        s.salesBase += accrual.salesBase().minor();
        s.orders++;
        s.releaseOn = Math.max(s.releaseOn, accrual.releaseOn().toEpochDay());
    }

    /**
     * Adds every accrual of an order's commission: the same as {@code commission.accruals()}
     * accrued one by one (one order per recipient, the recipient's shares summed), without
     * building the accruals.
     *
     * @throws IllegalArgumentException if the commission is in another currency than the plan's
     */
    public void accrue(OrderCommission commission) {
        Objects.requireNonNull(commission, "commission");
        List<LineCommission> lines = commission.lines();
        YearMonth period = commission.period();
        long releaseOn = commission.releaseOn().toEpochDay();
        int count = lines.size();
        for (int l = 0; l < count; l++) {
            List<Share> shares = lines.get(l).shares();
            for (int s = 0; s < shares.size(); s++) {
                Share share = shares.get(s);
                Money amount = share.amount();
                if (amount.currency() != currency && !amount.currency().equals(currency)) {
                    amount.checkSameCurrency(Money.zero(currency));
                }
                GuideId guide = share.guide();
                boolean first = !seenBefore(lines, l, s, guide);
                Touched t = touched(guide);
                boolean late = t.firstOpen != null && period.isBefore(t.firstOpen);
                Sums sums = t.sums(late ? t.firstOpen : period);
                if (late) {
                    sums.late += amount.minor();
                } else {
                    sums.accrued += amount.minor();
                }
                sums.salesBase += share.salesBase().minor();
                if (first) {
                    sums.orders++;
                    sums.releaseOn = Math.max(sums.releaseOn, releaseOn);
                }
            }
        }
    }

    /** Whether {@code guide} has a share before share {@code s} of line {@code l}. */
    private static boolean seenBefore(List<LineCommission> lines, int l, int s, GuideId guide) {
        for (int i = 0; i <= l; i++) {
            List<Share> shares = lines.get(i).shares();
            int end = i == l ? s : shares.size();
            for (int j = 0; j < end; j++) {
                GuideId other = shares.get(j).guide();
                if (other == guide || other.equals(guide)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Touched touched(GuideId guide) {
        int mask = slots.length - 1;
        Touched[] table = slots;
        int h = guide.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        for (Touched t = table[i]; t != null; t = table[i]) {
            if (t.guide == guide || (t.hash == h && t.guide.equals(guide))) {
                return t;
            }
            i = (i + 1) & mask;
        }
        GuideLedger ledger = base.get(guide);
        Touched t = new Touched(guide, h, ledger != null ? ledger : engine.open(guide));
        touched.add(t);
        table[i] = t;
        if (touched.size() * 2 > table.length) {
            Touched[] grown = new Touched[table.length * 2];
            int newMask = grown.length - 1;
            for (Touched e : touched) {
                int j = (e.hash ^ (e.hash >>> 16)) & newMask;
                while (grown[j] != null) {
                    j = (j + 1) & newMask;
                }
                grown[j] = e;
            }
            slots = grown;
        }
        return t;
    }

    /** The number of guides touched so far. */
    public int guides() {
        return touched.size();
    }

    /**
     * The next version of every touched ledger, recording {@code operation}; a ledger that already
     * recorded it is returned unchanged (the batch was applied before).
     */
    public List<GuideLedger> finish(OperationId operation) {
        Objects.requireNonNull(operation, "operation");
        List<GuideLedger> out = new ArrayList<>(touched.size());
        Money zero = Money.zero(engine.plan().currency());
        touched.forEach(t -> {
            GuideLedger ledger = t.ledger;
            SortedMap<YearMonth, Sums> periods = t.periods();
            if (ledger.operations().find(operation) >= 0) {
                out.add(ledger);
                return;
            }
            SortedMap<YearMonth, PeriodAccount> open = ledger.openMutableCopy();
            YearMonth first = null;
            for (Map.Entry<YearMonth, Sums> e : periods.entrySet()) {
                YearMonth period = e.getKey();
                Sums s = e.getValue();
                PeriodAccount a = open.getOrDefault(period, PeriodAccount.empty(period, zero,
                        LocalDate.ofEpochDay(s.releaseOn)));
                LocalDate release = LocalDate.ofEpochDay(Math.max(s.releaseOn, a.releaseOn().toEpochDay()));
                open.put(period, new PeriodAccount(period, a.accrued().plus(Money.ofMinor(s.accrued, zero.currency())),
                        a.refunded(), a.salesBase().plus(Money.ofMinor(s.salesBase, zero.currency())),
                        a.orders() + s.orders, a.clawbacksAfterSettlement(),
                        a.lateAccruals().plus(Money.ofMinor(s.late, zero.currency())), a.forfeited(), release));
                first = first == null || period.isBefore(first) ? period : first;
            }
            Outcome outcome = new Outcome.Applied(Explanation.builder("COMMISSION_BATCH_BOOKED")
                    .fact("periods", periods.keySet()).build());
            out.add(new GuideLedger(ledger.guide(), ledger.currency(), ledger.version() + 1, open,
                    ledger.settledThrough(), ledger.carried(), ledger.lastStatement(), ledger.departed(),
                    ledger.operations().add(operation, OpLog.fingerprint("batch", operation.value()), outcome, first)));
        });
        return out;
    }
}
