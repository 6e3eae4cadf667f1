package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
    private static final class Sums {
        long accrued;
        long late;
        long salesBase;
        long orders;
        long releaseOn = Long.MIN_VALUE;
    }

    private final CommissionLedger engine;
    private final Map<GuideId, GuideLedger> base;
    private final Map<GuideId, Map<YearMonth, Sums>> sums = new HashMap<>();
    private final Map<GuideId, GuideLedger> touchedBase = new HashMap<>();

    LedgerBatch(CommissionLedger engine, Map<GuideId, GuideLedger> base) {
        this.engine = engine;
        this.base = base;
    }

    /**
     * Adds an accrual.
     *
     * @throws IllegalArgumentException if the accrual is in another currency than the plan's
     */
    public void accrue(Accrual accrual) {
        Objects.requireNonNull(accrual, "accrual");
        accrual.amount().checkSameCurrency(Money.zero(engine.plan().currency()));
        GuideId guide = accrual.guide();
        Map<YearMonth, Sums> periods = sums.get(guide);
        if (periods == null) {
            periods = new HashMap<>(4);
            sums.put(guide, periods);
            GuideLedger ledger = base.get(guide);
            touchedBase.put(guide, ledger != null ? ledger : engine.open(guide));
        }
        GuideLedger ledger = touchedBase.get(guide);
        boolean late = ledger.settledThrough().map(s -> !accrual.period().isAfter(s)).orElse(false);
        YearMonth target = late ? ledger.settledThrough().orElseThrow().plusMonths(1) : accrual.period();
        Sums s = periods.computeIfAbsent(target, p -> new Sums());
        if (late) {
            s.late += accrual.amount().minor();
        } else {
            s.accrued += accrual.amount().minor();
        }
        s.salesBase += accrual.salesBase().minor();
        s.orders++;
        s.releaseOn = Math.max(s.releaseOn, accrual.releaseOn().toEpochDay());
    }

    /** The number of guides touched so far. */
    public int guides() {
        return sums.size();
    }

    /**
     * The next version of every touched ledger, recording {@code operation}; a ledger that already
     * recorded it is returned unchanged (the batch was applied before).
     */
    public List<GuideLedger> finish(OperationId operation) {
        Objects.requireNonNull(operation, "operation");
        List<GuideLedger> out = new ArrayList<>(sums.size());
        Money zero = Money.zero(engine.plan().currency());
        sums.forEach((guide, periods) -> {
            GuideLedger ledger = touchedBase.get(guide);
            if (ledger.operations().find(operation) != null) {
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
