package dev.siyu.core.points;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.Refund;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A state-changing command on a {@link PointsAccount}. Each carries the {@link OperationId} that
 * makes it idempotent and the instant it happens at (engines never read a clock). Immutable values.
 */
public sealed interface PointsCommand {

    /** The operation id: a replay with the same payload is a no-op, a different payload a conflict. */
    OperationId operation();

    /** When the command takes effect; business dates are this instant in the program's zone. */
    Instant at();

    /**
     * Earn points on a paid order.
     *
     * @param operation the operation, e.g. {@code order-1001:earn}
     * @param at the earn instant; the lot's earn date (pending and expiry) is its business date
     * @param order the order; it must belong to the account's member and be in the program's currency
     * @param profile the member's profile (birthday month multiplier)
     * @param tier the member's tier at the time of the order, as decided by the tier engine
     */
    record Earn(OperationId operation, Instant at, Order order, MemberProfile profile, Optional<TierId> tier)
            implements PointsCommand {
        public Earn {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(tier, "tier");
            if (!profile.id().equals(order.member())) {
                throw new IllegalArgumentException("profile id must be the order's member " + order.member() + ": "
                        + profile.id());
            }
        }
    }

    /**
     * Spend points as payment on an order (积分抵现), before the order is settled.
     *
     * @param operation the operation, e.g. {@code order-1001:pay-points}
     * @param at when
     * @param order the order being paid
     * @param orderAmount the order's amount before points, for the maximum share, {@code >= 0}
     * @param points points to spend, {@code > 0}
     */
    record RedeemForPayment(OperationId operation, Instant at, OrderId order, Money orderAmount, long points)
            implements PointsCommand {
        /** @throws IllegalArgumentException if points are not positive or the amount is negative */
        public RedeemForPayment {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(orderAmount, "orderAmount");
            if (points <= 0) {
                throw new IllegalArgumentException("points must be > 0: " + points);
            }
            if (orderAmount.isNegative()) {
                throw new IllegalArgumentException("orderAmount must be >= 0: " + orderAmount);
            }
        }
    }

    /**
     * Spend points for a reward, e.g. a coupon from the points mall (积分兑换).
     *
     * @param operation the operation
     * @param at when
     * @param reward the reward's code, non-blank
     * @param points points to spend, {@code > 0}
     */
    record RedeemForReward(OperationId operation, Instant at, String reward, long points) implements PointsCommand {
        /** @throws IllegalArgumentException if points are not positive or the reward blank */
        public RedeemForReward {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reward, "reward");
            if (reward.isBlank()) {
                throw new IllegalArgumentException("reward must be non-blank: '" + reward + "'");
            }
            if (points <= 0) {
                throw new IllegalArgumentException("points must be > 0: " + points);
            }
        }
    }

    /**
     * Refund units of lines of an order: reverse the points earned on them and return the points that
     * paid for them. The instant is the refund's.
     *
     * @param operation the operation, e.g. the refund id
     * @param order the refunded order, as it was sold
     * @param refund the refund; together with earlier refunds it may not return more units than sold
     */
    record RefundOrder(OperationId operation, Order order, Refund refund) implements PointsCommand {
        /** @throws IllegalArgumentException if the refund is of another order */
        public RefundOrder {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(refund, "refund");
            if (!refund.order().equals(order.id())) {
                throw new IllegalArgumentException("refund order must be " + order.id() + ": " + refund.order());
            }
        }

        /** The ledger operation for {@code refund}: its id as the operation id. */
        public static RefundOrder of(Order order, Refund refund) {
            return new RefundOrder(OperationId.of(refund.id().value()), order, refund);
        }

        @Override
        public Instant at() {
            return refund.at();
        }
    }

    /**
     * Remove the unspent points of lots whose expiry date is on or before the business date of {@code at}.
     *
     * @param operation the operation, e.g. {@code expire:2027-01-01}
     * @param at the instant of the sweep
     */
    record Expire(OperationId operation, Instant at) implements PointsCommand {
        public Expire {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(at, "at");
        }
    }
}
