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
 * <p>Memory is one small accumulator per guide and open period, whatever the number of orders: a
 * guide's latest period is eight longs (one 64-byte cache line: the guide's packed id, its periods
 * and sums) in a table of 4/3 to 8/3 slots per guide (at most three quarters full: a table of
 * lines small enough to stay in cache for 40,000 guides, 4 MB, at 1.8 lines a look-up), its earlier
 * periods an object each (a period moves there when a later one arrives: accruals come in time
 * order, so a year in one batch still books each accrual in the guide's line).
 * Not thread-safe: one batch per thread (partition guides across threads).
 */
public final class LedgerBatch {

    /** Running sums of one guide's period other than the one in its row. */
    private static final class Sums {
        long accrued;
        long late;
        long salesBase;
        long orders;
        long releaseOn = Long.MIN_VALUE;
    }

    /**
     * Longs per slot in {@link #sums}: the latest period booked (or {@link #NO_MONTH}), the first
     * open period for late accruals ({@link #NO_MONTH} while nothing is settled), then that latest
     * period's accrued, late, sales base, orders and latest release day, and the guide's id as an
     * {@link IdKey} (0 for an empty slot, {@link IdKey#UNPACKED} for an id that does not pack).
     * Eight longs, so that a slot is one cache line when the array's rows are line-aligned.
     */
    private static final int WIDTH = 8;
    private static final int PRIMARY = 0;
    private static final int FIRST_OPEN = 1;
    private static final int ACCRUED = 2;
    private static final int LATE = 3;
    private static final int SALES = 4;
    private static final int ORDERS = 5;
    private static final int RELEASE = 6;
    private static final int KEY = 7;
    /**
     * Longs before the first slot in {@link #sums}: a long array's elements start 16 bytes into
     * it, so with 6 longs more the slots start 64 bytes in, on a cache line when the array itself
     * starts on one (as large arrays do in HotSpot, at the start of a heap region).
     */
    private static final int PAD = 6;
    private static final long NO_MONTH = Long.MIN_VALUE;

    /** One touched guide: its base ledger, its slot, and the periods after its first, if any. */
    private static final class Touched {
        final GuideId guide;
        final GuideLedger ledger;
        int slot;
        /** The periods other than the row's, by month number ({@code year * 12 + month - 1}). */
        Map<Long, Sums> others;
        /** The other period last asked for and its sums: accruals come in runs of one period. */
        private long lastOther = NO_MONTH;
        private Sums lastOtherSums;

        Touched(GuideId guide, GuideLedger ledger, int slot) {
            this.guide = guide;
            this.ledger = ledger;
            this.slot = slot;
        }

        Sums other(long month) {
            if (month == lastOther) {
                return lastOtherSums;
            }
            if (others == null) {
                others = new HashMap<>(4);
            }
            Sums sums = others.computeIfAbsent(month, m -> new Sums());
            lastOther = month;
            lastOtherSums = sums;
            return sums;
        }
    }

    private final CommissionLedger engine;
    private final Currency currency;
    private final Map<GuideId, GuideLedger> base;
    /** The touched guides in insertion order. */
    private final List<Touched> touched = new ArrayList<>();
    /*
     * An open-addressing table of the touched guides: their ids, and each slot's packed id and
     * latest period sums in WIDTH longs of one array (after PAD). A guide whose id packs (up to
     * eight Latin-1 characters) is found and booked in its one line of sums, without reading keys
     * or the stored id's text; other ids are compared through keys.
     */
    private GuideId[] keys = new GuideId[64];
    private Touched[] entries = new Touched[64];
    private long[] sums = new long[PAD + 64 * WIDTH];

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
        add(slot(accrual.guide()), month(accrual.period()), accrual.amount().minor(), accrual.salesBase().minor(), true,
                accrual.releaseOn().toEpochDay());
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
        long month = month(period);
        long releaseOn = commission.releaseOn().toEpochDay();
        if (lines instanceof SingleCreditLines compact) {
            accrue(compact, month, releaseOn);
            return;
        }
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
                boolean first = l == 0 && s == 0 || !seenBefore(lines, l, s, guide);
                add(slot(guide), month, amount.minor(), share.salesBase().minor(), first, releaseOn);
            }
        }
    }

    /**
     * {@link #accrue(OrderCommission)} of lines kept compactly: the same recipients in the same
     * order (each line's guide, then its upline), read from the lines' numbers, their rows found
     * by the packed ids the lines keep.
     */
    private void accrue(SingleCreditLines lines, long month, long releaseOn) {
        Currency of = lines.plan().currency();
        if (of != currency && !of.equals(currency)) {
            Money.zero(of).checkSameCurrency(Money.zero(currency));
        }
        long[] numbers = lines.numbers;
        int count = lines.size();
        for (int l = 0; l < count; l++) {
            int at = l * SingleCreditLines.LONGS;
            long pool = numbers[at + SingleCreditLines.POOL];
            long first = numbers[at + SingleCreditLines.FIRST];
            Object guide = lines.guide(l);
            long key = numbers[at + SingleCreditLines.GUIDE_KEY];
            add(slot(guide, key), month, first, numbers[at + SingleCreditLines.NET],
                    l == 0 || !seenBefore(lines, l, false, guide, key), releaseOn);
            Object upline = lines.upline(l);
            if (upline != null) {
                long uplineKey = numbers[at + SingleCreditLines.UPLINE_KEY];
                add(slot(upline, uplineKey), month, pool - first, 0, !seenBefore(lines, l, true, upline, uplineKey),
                        releaseOn);
            }
        }
    }

    /**
     * Whether {@code guide} (packed as {@code key}) is a recipient of {@code lines} before line
     * {@code l}'s guide, or before its upline when {@code upline}.
     */
    private static boolean seenBefore(SingleCreditLines lines, int l, boolean upline, Object guide, long key) {
        long[] numbers = lines.numbers;
        for (int i = 0; i <= l; i++) {
            int at = i * SingleCreditLines.LONGS;
            if (i == l && !upline) {
                return false;
            }
            if (same(lines.guide(i), numbers[at + SingleCreditLines.GUIDE_KEY], guide, key)) {
                return true;
            }
            Object other = lines.upline(i);
            if (i < l && other != null && same(other, numbers[at + SingleCreditLines.UPLINE_KEY], guide, key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two guides ({@link GuideId}s typed {@code Object}, see {@link SingleCreditLines#guide})
     * with their packed ids are the same guide (their ids' texts are equal); the guides themselves
     * are read only when neither id packs.
     */
    private static boolean same(Object a, long aKey, Object b, long bKey) {
        if (a == b) {
            return true;
        }
        if (aKey != IdKey.NONE || bKey != IdKey.NONE) {
            return aKey == bKey;
        }
        return ((GuideId) a).value().equals(((GuideId) b).value());
    }

    /** {@code period} as a count of months. */
    private static long month(YearMonth period) {
        return period.getYear() * 12L + period.getMonthValue() - 1;
    }

    /**
     * Adds one recipient's amounts to the guide in {@code slot}; {@code newOrder} counts the order
     * (the recipient's first share of it).
     */
    private void add(int slot, long month, long amount, long salesBase, boolean newOrder, long releaseOn) {
        long[] table = sums;
        int at = PAD + slot * WIDTH;
        long firstOpen = table[at + FIRST_OPEN];
        boolean late = firstOpen != NO_MONTH && month < firstOpen;
        long target = late ? firstOpen : month;
        long primary = table[at + PRIMARY];
        if (primary == NO_MONTH) {
            table[at + PRIMARY] = target;
            primary = target;
        } else if (target > primary) {
            // Accruals come in time order: a later period takes the row, and the period it held
            // moves to the guide's other periods (once per guide and period, not per accrual).
            Sums held = entries[slot].other(primary);
            held.accrued += table[at + ACCRUED];
            held.late += table[at + LATE];
            held.salesBase += table[at + SALES];
            held.orders += table[at + ORDERS];
            held.releaseOn = Math.max(held.releaseOn, table[at + RELEASE]);
            table[at + PRIMARY] = target;
            table[at + ACCRUED] = 0;
            table[at + LATE] = 0;
            table[at + SALES] = 0;
            table[at + ORDERS] = 0;
            table[at + RELEASE] = Long.MIN_VALUE;
            primary = target;
        }
        if (primary == target) {
            table[at + (late ? LATE : ACCRUED)] += amount;
            table[at + SALES] += salesBase;
            if (newOrder) {
                table[at + ORDERS]++;
                table[at + RELEASE] = Math.max(table[at + RELEASE], releaseOn);
            }
            return;
        }
        Sums s = entries[slot].other(target);
        if (late) {
            s.late += amount;
        } else {
            s.accrued += amount;
        }
        s.salesBase += salesBase;
        if (newOrder) {
            s.orders++;
            s.releaseOn = Math.max(s.releaseOn, releaseOn);
        }
    }

    private static YearMonth ofMonth(long month) {
        return YearMonth.of((int) Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
    }

    /** Whether {@code guide} has a share before share {@code s} of line {@code l}. */
    private static boolean seenBefore(List<LineCommission> lines, int l, int s, GuideId guide) {
        for (int i = 0; i <= l; i++) {
            List<Share> shares = lines.get(i).shares();
            int end = i == l ? s : shares.size();
            for (int j = 0; j < end; j++) {
                GuideId other = shares.get(j).guide();
                if (other == guide || other.value().equals(guide.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The slot of {@code guide}, added with its base ledger if new. */
    private int slot(GuideId guide) {
        return slot(guide, IdKey.of(guide.value()));
    }

    /**
     * The slot of {@code guide} (a {@link GuideId} typed {@code Object}, see
     * {@link SingleCreditLines#guide}), whose id packs to {@code key} ({@link IdKey#of}), added if
     * new: a guide whose id packs is found without reading it.
     */
    private int slot(Object guide, long key) {
        long[] rows = sums;
        int mask = keys.length - 1;
        if (key != IdKey.NONE) {
            for (int i = IdKey.spread(key) & mask;; i = (i + 1) & mask) {
                long stored = rows[PAD + i * WIDTH + KEY];
                if (stored == key) {
                    return i;
                }
                if (stored == 0) {
                    return add((GuideId) guide, key, i);
                }
            }
        }
        return unpackedSlot((GuideId) guide);
    }

    /** The slot of {@code guide}, whose id does not pack, added if new. */
    private int unpackedSlot(GuideId guide) {
        long[] rows = sums;
        int mask = keys.length - 1;
        for (int i = IdKey.spread(guide.hashCode()) & mask;; i = (i + 1) & mask) {
            long stored = rows[PAD + i * WIDTH + KEY];
            if (stored == 0) {
                return add(guide, IdKey.UNPACKED, i);
            }
            if (stored == IdKey.UNPACKED) {
                GuideId other = keys[i];
                if (other == guide || other.equals(guide)) {
                    return i;
                }
            }
        }
    }

    /** Where {@code guide}, whose {@link #KEY} is {@code key}, starts probing in a table of {@code mask + 1} slots. */
    private static int start(GuideId guide, long key, int mask) {
        return (key != IdKey.UNPACKED ? IdKey.spread(key) : IdKey.spread(guide.hashCode())) & mask;
    }

    /** Adds {@code guide} at the empty slot {@code i} with its base ledger; returns its slot. */
    private int add(GuideId guide, long key, int i) {
        GuideLedger ledger = base.get(guide);
        Touched t = new Touched(guide, ledger != null ? ledger : engine.open(guide), i);
        touched.add(t);
        keys[i] = guide;
        entries[i] = t;
        int at = PAD + i * WIDTH;
        sums[at + KEY] = key;
        sums[at + PRIMARY] = NO_MONTH;
        sums[at + FIRST_OPEN] = t.ledger.settledThrough().map(p -> month(p) + 1).orElse(NO_MONTH);
        sums[at + RELEASE] = Long.MIN_VALUE;
        if (touched.size() * 4 > keys.length * 3) {
            grow();
            return t.slot;
        }
        return i;
    }

    /** Doubles the table, moving each guide's slot and sums. */
    private void grow() {
        int capacity = keys.length * 2;
        int mask = capacity - 1;
        GuideId[] newKeys = new GuideId[capacity];
        Touched[] newEntries = new Touched[capacity];
        long[] newSums = new long[PAD + capacity * WIDTH];
        for (Touched e : touched) {
            int j = start(keys[e.slot], sums[PAD + e.slot * WIDTH + KEY], mask);
            while (newKeys[j] != null) {
                j = (j + 1) & mask;
            }
            newKeys[j] = keys[e.slot];
            newEntries[j] = e;
            System.arraycopy(sums, PAD + e.slot * WIDTH, newSums, PAD + j * WIDTH, WIDTH);
            e.slot = j;
        }
        keys = newKeys;
        entries = newEntries;
        sums = newSums;
    }

    /** Every period's sums of {@code t}, oldest first. */
    private SortedMap<YearMonth, Sums> periods(Touched t) {
        SortedMap<YearMonth, Sums> out = new java.util.TreeMap<>();
        int at = PAD + t.slot * WIDTH;
        if (sums[at + PRIMARY] != NO_MONTH) {
            Sums first = new Sums();
            first.accrued = sums[at + ACCRUED];
            first.late = sums[at + LATE];
            first.salesBase = sums[at + SALES];
            first.orders = sums[at + ORDERS];
            first.releaseOn = sums[at + RELEASE];
            out.put(ofMonth(sums[at + PRIMARY]), first);
        }
        if (t.others != null) {
            t.others.forEach((month, s) -> out.merge(ofMonth(month), s, (a, b) -> {
                // a period is the row's or another's, never both; summed all the same
                Sums both = new Sums();
                both.accrued = a.accrued + b.accrued;
                both.late = a.late + b.late;
                both.salesBase = a.salesBase + b.salesBase;
                both.orders = a.orders + b.orders;
                both.releaseOn = Math.max(a.releaseOn, b.releaseOn);
                return both;
            }));
        }
        return out;
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
            SortedMap<YearMonth, Sums> periods = periods(t);
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
