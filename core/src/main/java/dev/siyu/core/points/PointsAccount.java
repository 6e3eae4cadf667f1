package dev.siyu.core.points;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
import dev.siyu.core.kernel.OperationLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One member's points: the live lots (those with points remaining), overdraft or debt, the running
 * ledger totals, and the record of every operation applied, for idempotency.
 *
 * <p>Points are whole numbers. {@link #balance()} is the points held in live lots (pending, available
 * and not yet swept expired ones) less any overdraft (negative balance allowed by
 * {@link NegativeBalancePolicy#ALLOW}); it always equals {@link #totals()}{@code .net()}. Lots emptied by
 * spending, reversal or expiry leave the working set; their effect stays in the totals.
 * Operations are recorded compactly for idempotency (an {@link OperationLog}: a 128-bit digest of
 * the id, the payload fingerprint, and the balance change or reject reason, 40 bytes each); order
 * records in an {@link OrderBook} (a 64-bit digest of the order id and a few words, no id kept), so a
 * command copies only the live lots and appends to primitive arrays.
 *
 * <p>Accounts change only through {@link PointsEngine#apply}. Immutable and thread-safe; equal
 * when their snapshots are ({@link #equals}).
 */
public final class PointsAccount {

    /** The {@link OperationLog} code of an applied operation; its value is the balance change. */
    static final long APPLIED = 0;
    /** The {@link OperationLog} code of a rejected operation is this plus the reason's ordinal. */
    static final long REJECTED = 1;
    private static final RejectReason[] REASONS = RejectReason.values();

    final MemberId member;
    final long version;
    /** The live lots packed ({@link LotRows}), in consumption order. */
    final long[] lots;
    final long lotsTotal;
    final long nextSequence;
    // the running totals every earn or redemption moves, as fields
    final long earned;
    final long redeemed;
    /** Overdraft, debt and the totals of refunds and expiry: shared by the versions no refund or expiry changed. */
    final Rare rare;
    /*
     * The operations recorded, for idempotency: the parts of an OperationLog (its shared array, shape
     * and marks), held here so that a version is one object less; operations() makes the log's view.
     */
    private final long[] opArray;
    private final long opShape;
    private final long opMarks;
    /*
     * The order records ({@link OrderBook}: also what the daily cap sums), held as the book's four
     * parts, so that a version is one object less: orders() makes the book's view.
     */
    private final long[] bookData;
    private final int bookSize;
    private final int bookHorizon;
    private final long bookFilter;

    /**
     * The totals of an account few commands change, immutable: an account's versions share one until
     * a refund, an expiry or a repayment changes it, so most commands copy a reference, not six longs.
     */
    static final class Rare {
        static final Rare ZERO = new Rare(0, 0, 0, 0, 0, 0);

        final long overdraft;
        final long debt;
        final long returned;
        final long reversed;
        final long expired;
        final long debtRepaid;

        Rare(long overdraft, long debt, long returned, long reversed, long expired, long debtRepaid) {
            this.overdraft = overdraft;
            this.debt = debt;
            this.returned = returned;
            this.reversed = reversed;
            this.expired = expired;
            this.debtRepaid = debtRepaid;
        }
    }

    PointsAccount(MemberId member, long version, long[] lots, long lotsTotal, long nextSequence, long earned,
            long redeemed, Rare rare, OperationLog operations, OrderBook orders) {
        this.member = member;
        this.version = version;
        this.lots = lots;
        this.lotsTotal = lotsTotal;
        this.nextSequence = nextSequence;
        this.earned = earned;
        this.redeemed = redeemed;
        this.rare = rare;
        this.opArray = operations.array();
        this.opShape = operations.shape();
        this.opMarks = operations.marks();
        this.bookData = orders.data();
        this.bookSize = orders.words();
        this.bookHorizon = orders.horizon();
        this.bookFilter = orders.filter();
    }

    /**
     * Reads the words an append to the order records will read and write (the claimed count and
     * the next free word, if any) and returns them combined: a software prefetch (see
     * {@link OperationLog#touch}).
     */
    long touchOrders() {
        return OrderBook.touch(bookData, bookSize);
    }

    /**
     * Reads the words an append to the operation log will read and write, combined: a software
     * prefetch (see {@link OperationLog#touch}).
     */
    long touchOperations() {
        return OperationLog.touch(opArray, opShape);
    }

    /** The operations recorded, as a view of the parts this account holds. */
    OperationLog operations() {
        return OperationLog.of(opArray, opShape, opMarks);
    }

    /** The order records, as a view of the parts this account holds. */
    OrderBook orders() {
        return new OrderBook(bookData, bookSize, bookHorizon, bookFilter);
    }

    /** A new member's account: no lots, no operations, version 0. */
    public static PointsAccount empty(MemberId member) {
        Objects.requireNonNull(member, "member");
        return new PointsAccount(member, 0, LotRows.NONE, 0, 1, 0, 0, Rare.ZERO, OperationLog.empty(), OrderBook.empty());
    }

    /** The member. */
    public MemberId member() {
        return member;
    }

    /** The number of operations recorded (applied or rejected); grows by one per recorded command. */
    public long version() {
        return version;
    }

    /** Points held in live lots less the overdraft; negative only under {@link NegativeBalancePolicy#ALLOW}. */
    public long balance() {
        return lotsTotal - rare.overdraft;
    }

    /** Points owed under {@link NegativeBalancePolicy#CLAMP}, outside the balance; repaid first from later credits. */
    public long debt() {
        return rare.debt;
    }

    /** The live lots, in consumption order (earliest expiry first, never-expiring last, then by sequence). */
    public List<PointsLot> lots() {
        PointsLot[] values = new PointsLot[LotRows.count(lots)];
        for (int i = 0; i < values.length; i++) {
            values[i] = LotRows.lot(lots, i);
        }
        return List.of(values);
    }

    /** The running ledger totals; {@code totals().net() == balance()}. */
    public PointsTotals totals() {
        return new PointsTotals(earned, rare.returned, redeemed, rare.reversed, rare.expired, rare.debtRepaid);
    }

    /** The number of operations recorded. */
    public int operationCount() {
        return operations().size();
    }

    /**
     * The outcome recorded for {@code operation}, if it was applied or rejected on this account, in
     * its recorded form ({@link PointsOutcome#asRecorded()}): the balance change or reject reason,
     * without the explanation of the live outcome.
     */
    public Optional<PointsOutcome> outcomeOf(OperationId operation) {
        OperationLog log = operations();
        int i = log.indexOf(OperationDigest.of(Objects.requireNonNull(operation, "operation").value()));
        return i < 0 ? Optional.empty() : Optional.of(recordedOutcome(log, i));
    }

    /**
     * {@code log} with {@code outcome} (applied or rejected) of the command of business day
     * {@code day} recorded, after forgetting what {@code window} lets go: the code word carries the
     * day (see {@link IdempotencyWindow#codeWord}), the value the balance change. Pruning comes
     * first, so a pruned log's room takes the entry in place.
     */
    static OperationLog recorded(OperationLog log, IdempotencyWindow window, OperationDigest digest, long fingerprint,
            PointsOutcome outcome, int day) {
        int code = outcome instanceof PointsOutcome.Rejected r ? (int) REJECTED + r.reason().ordinal() : (int) APPLIED;
        long value = outcome instanceof PointsOutcome.Applied a ? a.balanceChange() : 0;
        return window.forget(log, Math.max(log.latestDay(), day))
                .with(digest, fingerprint, IdempotencyWindow.codeWord(code, day), value);
    }

    /** The recorded form of the outcome at {@code index} of {@code log}. */
    static PointsOutcome recordedOutcome(OperationLog log, int index) {
        long code = IdempotencyWindow.code(log.code(index));
        return code == APPLIED ? PointsOutcome.Applied.recorded(log.value(index))
                : PointsOutcome.Rejected.recorded(REASONS[(int) (code - REJECTED)]);
    }

    /** This account as plain values, to keep outside the JVM; {@link #restore} is its inverse. */
    public PointsSnapshot snapshot() {
        List<PointsSnapshot.Lot> lotValues = new ArrayList<>(LotRows.count(lots));
        for (PointsLot lot : lots()) {
            lotValues.add(new PointsSnapshot.Lot(lot.sequence(), lot.earnedOn(), lot.availableOn(), lot.expiresOn(),
                    lot.points(), lot.remaining()));
        }
        OperationLog operations = operations();
        List<PointsSnapshot.Operation> ops = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            long code = IdempotencyWindow.code(operations.code(i));
            ops.add(new PointsSnapshot.Operation(operations.digest(i).toString(), operations.fingerprint(i),
                    code == APPLIED ? PointsSnapshot.Operation.APPLIED : REASONS[(int) (code - REJECTED)].name(),
                    operations.value(i), LocalDate.ofEpochDay(IdempotencyWindow.day(operations.code(i)))));
        }
        List<PointsSnapshot.Order> orderValues = new ArrayList<>();
        OrderBook orders = orders();
        orders.forEachLatest((key, r) -> orderValues.add(new PointsSnapshot.Order(String.format(Locale.ROOT, "%016x", key),
                r.placedDay == OrderRecord.UNKNOWN_DAY ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(r.placedDay)),
                r.earned, r.earnLot,
                r.earnExpiry == OrderRecord.NEVER ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(r.earnExpiry)),
                r.earnedByLine == null ? Optional.empty() : Optional.of(Arrays.stream(r.earnedByLine).boxed().toList()),
                r.returnedByLine == null ? Optional.empty() : Optional.of(Arrays.stream(r.returnedByLine).boxed().toList()),
                r.redeemed, r.returnedPaid, r.refundedNet)));
        return new PointsSnapshot(PointsSnapshot.SCHEMA_VERSION, member, version, nextSequence, totals(), rare.overdraft,
                rare.debt, lotValues, ops, orderValues, orders.horizon() == Integer.MIN_VALUE ? Optional.empty()
                        : Optional.of(LocalDate.ofEpochDay(orders.horizon())));
    }

    /**
     * The account {@code snapshot} describes (the inverse of {@link #snapshot()}), after checking it:
     * its format, non-negative totals, overdraft and debt, lots in consumption order with distinct
     * sequences below the next one and {@code 1..points} remaining, the balance equal to the totals'
     * net (conservation), distinct operation digests and order keys in their hex forms, known
     * outcomes, no balance change on a refusal, and order records that fit together.
     *
     * @throws IllegalArgumentException naming the field (as a JSON pointer into the snapshot) and
     *     the value, if the snapshot is not one an account could be in
     */
    public static PointsAccount restore(PointsSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        return SnapshotReader.restore(snapshot);
    }

    /** Points that can be spent on {@code date}: live lots past their pending period and not expired. */
    public long availableOn(LocalDate date) {
        long day = date.toEpochDay();
        long sum = 0;
        for (int i = 0; i < LotRows.count(lots); i++) {
            if (LotRows.isAvailableOn(lots, i, day)) {
                sum += LotRows.remaining(lots, i);
            }
        }
        return sum;
    }

    /** Points still pending on {@code date} (in their return window). */
    public long pendingOn(LocalDate date) {
        long day = date.toEpochDay();
        long sum = 0;
        for (int i = 0; i < LotRows.count(lots); i++) {
            if (day < LotRows.availableDay(lots, i) && !LotRows.isExpiredOn(lots, i, day)) {
                sum += LotRows.remaining(lots, i);
            }
        }
        return sum;
    }

    /**
     * Value equality: two accounts are equal when their {@link #snapshot() snapshots} are (same
     * member, version, lots, totals, overdraft, debt, remembered operations and order records), so
     * an account read back from a host's store equals the one written. Makes the snapshots; not
     * for hot paths.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof PointsAccount a && a.version == version && a.member.equals(member)
                && a.lotsTotal == lotsTotal && a.snapshot().equals(snapshot());
    }

    @Override
    public int hashCode() {
        return Objects.hash(member, version, lotsTotal);
    }

    @Override
    public String toString() {
        return "PointsAccount[member=" + member + ", version=" + version + ", balance=" + balance() + ", debt=" + rare.debt
                + ", lots=" + lots() + "]";
    }
}
