package dev.siyu.attribution.commission;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The commission record of one order: the attribution snapshot turned into money, line by line.
 *
 * <p>This is the compact per-order record the <em>host</em> keeps next to its order (a few hundred
 * bytes); the ledger does not keep orders. A refund is computed from it
 * ({@link CommissionPlan#refund}), which returns the updated record to store back. The record lists
 * the refunds already applied, so a replayed refund changes nothing. Immutable. The lines of a
 * record from {@link CommissionPlan#commission} may be kept compactly and made when read: equal
 * each time, not necessarily the same instances.
 *
 * @param order the order
 * @param member the customer
 * @param placedAt when it was placed
 * @param period its settlement period (business month)
 * @param releaseOn the business date its return window closes
 * @param lines the commission per credited line (lines credited to nobody are absent)
 * @param refunds the refunds applied so far
 */
public record OrderCommission(OrderId order, MemberId member, Instant placedAt, YearMonth period, LocalDate releaseOn,
        List<LineCommission> lines, List<RefundId> refunds) {
    public OrderCommission {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(releaseOn, "releaseOn");
        // the plan's compact lines are immutable already (and made when read)
        lines = lines instanceof SingleCreditLines ? lines : List.copyOf(lines);
        refunds = refunds.isEmpty() ? List.of() : List.copyOf(refunds);
    }

    /** The line numbered {@code lineNo}, if credited. */
    public Optional<LineCommission> line(int lineNo) {
        for (LineCommission line : lines) {
            if (line.lineNo() == lineNo) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** The order's commission after refunds so far, in minor units: the sum of the line pools. */
    public long totalMinor() {
        if (lines instanceof SingleCreditLines compact) {
            return compact.totalMinor();
        }
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            total = Math.addExact(total, lines.get(i).pool());
        }
        return total;
    }

    /** Each recipient's commission on this order, as it stands. */
    public Map<GuideId, Money> byGuide() {
        Map<GuideId, Money> out = new LinkedHashMap<>();
        for (LineCommission line : lines) {
            for (Share share : line.shares()) {
                out.merge(share.guide(), share.amount(), Money::plus);
            }
        }
        return out;
    }

    /**
     * The accruals to book, one per recipient (level-1 guides and level-2 uplines), in order of
     * first appearance.
     */
    public List<Accrual> accruals() {
        if (lines.size() == 1 && lines.get(0).shares().size() == 1) {
            Share only = lines.get(0).shares().get(0);
            return List.of(new Accrual(only.guide(), member, order, placedAt, period, releaseOn, only.amount(),
                    only.salesBase(), 1));
        }
        int capacity = 0;
        for (LineCommission line : lines) {
            capacity += line.shares().size();
        }
        Accrual[] out = new Accrual[capacity];
        int n = 0;
        for (LineCommission line : lines) {
            for (Share share : line.shares()) {
                int at = 0;
                while (at < n && !out[at].guide().equals(share.guide())) {
                    at++;
                }
                if (at == n) {
                    out[n++] = new Accrual(share.guide(), member, order, placedAt, period, releaseOn, share.amount(),
                            share.salesBase(), 1);
                } else {
                    Accrual was = out[at];
                    out[at] = new Accrual(was.guide(), member, order, placedAt, period, releaseOn,
                            was.amount().plus(share.amount()), was.salesBase().plus(share.salesBase()),
                            was.shares() + 1);
                }
            }
        }
        if (n < capacity) {
            out = java.util.Arrays.copyOf(out, n);
        }
        return List.of(out);
    }
}
