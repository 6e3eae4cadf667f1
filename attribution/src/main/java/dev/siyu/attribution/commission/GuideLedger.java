package dev.siyu.attribution.commission;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One guide's commission ledger: the open periods (aggregates, not orders), the last settled
 * period, the amount carried into the next settlement, and whether the guide departed. Memory is
 * bounded by the open periods (usually the current month and the one waiting for its return
 * window), never by the number of orders. An immutable aggregate with a version; commands of
 * {@link CommissionLedger} return a new one. Thread-safe.
 */
public final class GuideLedger {

    private final GuideId guide;
    private final Currency currency;
    private final long version;
    /** The open periods, oldest first (usually one or two). */
    private final PeriodAccount[] open;
    private final Optional<YearMonth> settledThrough;
    private final Money carried;
    private final Optional<Statement> lastStatement;
    private final boolean departed;
    private final OpLog operations;

    GuideLedger(GuideId guide, Currency currency, long version, SortedMap<YearMonth, PeriodAccount> open,
            Optional<YearMonth> settledThrough, Money carried, Optional<Statement> lastStatement, boolean departed,
            OpLog operations) {
        this.guide = guide;
        this.currency = currency;
        this.version = version;
        this.open = open.values().toArray(NO_PERIODS);
        this.settledThrough = settledThrough;
        this.carried = carried;
        this.lastStatement = lastStatement;
        this.departed = departed;
        this.operations = operations;
    }

    private static final PeriodAccount[] NO_PERIODS = new PeriodAccount[0];

    /** A ledger version whose open periods are {@code open}, sorted by period (not copied). */
    GuideLedger(GuideLedger base, long version, PeriodAccount[] open, OpLog operations) {
        this.guide = base.guide;
        this.currency = base.currency;
        this.version = version;
        this.open = open;
        this.settledThrough = base.settledThrough;
        this.carried = base.carried;
        this.lastStatement = base.lastStatement;
        this.departed = base.departed;
        this.operations = operations;
    }

    /** A new, empty ledger at version 0. */
    public static GuideLedger empty(GuideId guide, Currency currency) {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(currency, "currency");
        return new GuideLedger(guide, currency, 0, Collections.emptySortedMap(), Optional.empty(),
                Money.zero(currency), Optional.empty(), false, OpLog.EMPTY);
    }

    public GuideId guide() {
        return guide;
    }

    public Currency currency() {
        return currency;
    }

    public long version() {
        return version;
    }

    /** The open periods, oldest first. */
    public SortedMap<YearMonth, PeriodAccount> open() {
        return Collections.unmodifiableSortedMap(openMutableCopy());
    }

    /** The last settled period, if any. */
    public Optional<YearMonth> settledThrough() {
        return settledThrough;
    }

    /** The amount carried into the next settlement: negative after clawbacks exceeding a period, positive below the minimum payout. */
    public Money carried() {
        return carried;
    }

    /** The statement of the last settlement. */
    public Optional<Statement> lastStatement() {
        return lastStatement;
    }

    /** Whether the guide departed (after which frozen commission follows the plan's departure policy). */
    public boolean departed() {
        return departed;
    }

    /** Frozen commission: the sum of the open periods' accrued amounts. */
    public Money frozen() {
        Money sum = Money.zero(currency);
        for (PeriodAccount account : open) {
            sum = sum.plus(account.accrued()).plus(account.lateAccruals()).minus(account.clawbacksAfterSettlement());
        }
        return sum;
    }

    OpLog operations() {
        return operations;
    }

    SortedMap<YearMonth, PeriodAccount> openMutableCopy() {
        SortedMap<YearMonth, PeriodAccount> copy = new TreeMap<>();
        for (PeriodAccount account : open) {
            copy.put(account.period(), account);
        }
        return copy;
    }

    /** The open periods, oldest first; not to be modified. */
    PeriodAccount[] periods() {
        return open;
    }

    /** The number of operations remembered for idempotency (those of the open periods). */
    public int rememberedOperations() {
        return operations.size;
    }

    SortedMap<YearMonth, PeriodAccount> openRaw() {
        return openMutableCopy();
    }

    @Override
    public String toString() {
        return "GuideLedger[" + guide + " v" + version + " open=" + openMutableCopy().keySet() + " carried=" + carried + "]";
    }
}
