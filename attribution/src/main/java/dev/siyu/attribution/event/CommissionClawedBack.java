package dev.siyu.attribution.event;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Commission was taken back after a refund. When the order's period was still open the period's
 * frozen commission shrank; when it was already settled (perhaps paid) the amount is a negative
 * entry in the first open period and is netted against the next payout.
 *
 * @param member the customer who returned goods
 * @param at when the refund was made
 * @param operation the operation (usually the refund id and guide)
 * @param guide the guide debited
 * @param order the refunded order
 * @param orderPeriod the period the order's commission was booked in
 * @param bookedIn the period the clawback was booked in
 * @param afterSettlement whether the order's period had been settled
 * @param amount the amount clawed back, {@code >= 0}
 * @param explanation the refunded units and the recomputed commission
 */
public record CommissionClawedBack(MemberId member, Instant at, OperationId operation, GuideId guide, OrderId order,
        YearMonth orderPeriod, YearMonth bookedIn, boolean afterSettlement, Money amount, Explanation explanation)
        implements AttributionEvent {
    public CommissionClawedBack {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(orderPeriod, "orderPeriod");
        Objects.requireNonNull(bookedIn, "bookedIn");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String type() {
        return "commission-clawed-back";
    }
}
