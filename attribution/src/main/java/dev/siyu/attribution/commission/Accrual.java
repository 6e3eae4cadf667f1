package dev.siyu.attribution.commission;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One guide's commission on one order, to be booked frozen in the guide's ledger.
 *
 * @param guide the guide
 * @param member the customer
 * @param order the order
 * @param placedAt when the order was placed
 * @param period the settlement period of the order (its business month)
 * @param releaseOn the business date the return window closes
 * @param amount the commission, {@code >= 0}
 * @param salesBase the order net credited to the guide at level 1
 * @param explanation per-line rules and shares
 */
public record Accrual(GuideId guide, MemberId member, OrderId order, Instant placedAt, YearMonth period,
        LocalDate releaseOn, Money amount, Money salesBase, Explanation explanation) {
    public Accrual {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(releaseOn, "releaseOn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(salesBase, "salesBase");
        Objects.requireNonNull(explanation, "explanation");
        if (amount.isNegative() || salesBase.isNegative()) {
            throw new IllegalArgumentException("amount and salesBase must be >= 0: " + amount + ", " + salesBase);
        }
    }
}
