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
 * @param shares how many line shares the amount sums (the lines are in the order's {@link OrderCommission})
 */
public record Accrual(GuideId guide, MemberId member, OrderId order, Instant placedAt, YearMonth period,
        LocalDate releaseOn, Money amount, Money salesBase, int shares) {
    public Accrual {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(releaseOn, "releaseOn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(salesBase, "salesBase");
        if (amount.isNegative() || salesBase.isNegative()) {
            throw new IllegalArgumentException("amount and salesBase must be >= 0: " + amount + ", " + salesBase);
        }
        if (shares < 1) {
            throw new IllegalArgumentException("shares must be >= 1: " + shares);
        }
    }

    /** The order, the number of line shares and the total; each line explains itself in the order's record. */
    public Explanation explanation() {
        return Explanation.builder("COMMISSION_ON_ORDER").fact("order", order).fact("shares", shares)
                .fact("total", amount).fact("creditedNet", salesBase)
                .fact("detail", "the order's commission record, line by line").build();
    }
}
