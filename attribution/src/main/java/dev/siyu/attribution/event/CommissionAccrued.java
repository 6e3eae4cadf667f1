package dev.siyu.attribution.event;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Commission on an order was credited, frozen, to a guide's ledger.
 *
 * @param member the customer who ordered
 * @param at when the order was placed
 * @param operation the operation
 * @param guide the guide credited
 * @param order the order
 * @param period the settlement period it was booked in
 * @param amount the commission, {@code >= 0}
 * @param releaseOn the business date the return window closes
 * @param explanation rates, roles and levels that decided the amount
 */
public record CommissionAccrued(MemberId member, Instant at, OperationId operation, GuideId guide, OrderId order,
        YearMonth period, Money amount, LocalDate releaseOn, Explanation explanation) implements AttributionEvent {
    public CommissionAccrued {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(releaseOn, "releaseOn");
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String type() {
        return "commission-accrued";
    }
}
