package dev.siyu.attribution.commission;

import dev.siyu.core.id.GuideId;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An order's commission lines when every credited line has one guide (every order under a
 * precedence policy), kept as numbers and references in two arrays instead of a
 * {@link LineCommission}, a share list, one or two {@link Share}s and their amounts per line. A
 * line is made when read ({@link #get}), equal to the one the plan's general split makes
 * ({@link CommissionPlan#commissionBySplit}); {@link LedgerBatch} and
 * {@link OrderCommission#totalMinor()} read the numbers themselves. The recipients' guide ids
 * are kept packed ({@link IdKey}) beside them, so a batch finds their rows without reading the
 * ids' texts again. Immutable and thread-safe (the arrays are never written after construction
 * and never leave this package).
 */
final class SingleCreditLines extends AbstractList<LineCommission> implements RandomAccess {

    /** Longs per line in {@link #numbers}. */
    static final int LONGS = 6;
    /** Line number in the high half, quantity in the low half. */
    static final int LINE = 0;
    /** The line's net in minor units. */
    static final int NET = 1;
    /** The line's commission pool. */
    static final int POOL = 2;
    /** The credited guide's part of the pool (the whole pool when the guide has no upline). */
    static final int FIRST = 3;
    /** The credited guide's id as an {@link IdKey} ({@link IdKey#NONE} when it does not pack). */
    static final int GUIDE_KEY = 4;
    /** The upline's id as an {@link IdKey} ({@link IdKey#NONE} when it does not pack or there is none). */
    static final int UPLINE_KEY = 5;

    /** References per line in {@link #refs}. */
    static final int REFS = 4;
    /** The rule's text. */
    static final int RULE = 0;
    /** The line's {@link dev.siyu.attribution.credit.LineCredit}. */
    static final int CREDIT = 1;
    /** The credited guide. */
    static final int GUIDE = 2;
    /** The guide's upline, null when none takes a part. */
    static final int UPLINE = 3;

    private final CommissionPlan plan;
    final long[] numbers;
    final Object[] refs;
    private final int size;

    SingleCreditLines(CommissionPlan plan, long[] numbers, Object[] refs, int size) {
        this.plan = plan;
        this.numbers = numbers;
        this.refs = refs;
        this.size = size;
    }

    /** The plan that computed the lines (its currency is theirs). */
    CommissionPlan plan() {
        return plan;
    }

    @Override
    public int size() {
        return size;
    }

    /** A new {@link LineCommission} of line {@code index}, equal to the one the general split makes. */
    @Override
    public LineCommission get(int index) {
        Objects.checkIndex(index, size);
        return plan.unpack(numbers, refs, index);
    }

    /** The sum of the lines' pools, in minor units. */
    long totalMinor() {
        long total = 0;
        for (int l = 0; l < size; l++) {
            total = Math.addExact(total, numbers[l * LONGS + POOL]);
        }
        return total;
    }

    /**
     * The credited guide of line {@code l}, as the {@link GuideId} it is but typed {@code Object}:
     * a cast would read the guide's header, a cache miss the batch does without when the guide's
     * id is packed (it compares references and keys).
     */
    Object guide(int l) {
        return refs[l * REFS + GUIDE];
    }

    /** The upline paid on line {@code l}, null if none, typed {@code Object} as {@link #guide}. */
    Object upline(int l) {
        return refs[l * REFS + UPLINE];
    }
}
