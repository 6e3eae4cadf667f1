package dev.siyu.attribution.commission;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Commission one guide gives back after a refund of one order, to be booked in the guide's ledger.
 * The amount is the guide's share before the refund less the share after (both computed from the
 * plan on the remaining net and split by largest remainder), so it is almost always {@code >= 0};
 * a split can move a single minor unit between recipients, which shows as a negative clawback
 * (a re-credit) of one unit.
 *
 * @param guide the guide
 * @param member the customer
 * @param order the order
 * @param refund the refund
 * @param refundAt when the refund was made
 * @param orderPeriod the period the order's commission was booked in
 * @param amount commission taken back (negative: given back)
 * @param salesBase the credited net taken back
 * @param explanation lines, units and recomputed amounts
 */
public record Clawback(GuideId guide, MemberId member, OrderId order, RefundId refund, Instant refundAt,
        YearMonth orderPeriod, Money amount, Money salesBase, Explanation explanation) {
    public Clawback {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(refundAt, "refundAt");
        Objects.requireNonNull(orderPeriod, "orderPeriod");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(salesBase, "salesBase");
        Objects.requireNonNull(explanation, "explanation");
    }
}
