package dev.siyu.coupons.event;

import dev.siyu.core.event.DomainEvent;
import dev.siyu.core.event.EventFamily;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.money.Money;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened to a coupon, for hosts to publish; records that serialise with
 * {@link dev.siyu.core.event.Events#toJson} and read back with {@link #fromJson}. Immutable.
 */
public sealed interface CouponEvent extends DomainEvent {

    /** The coupon concerned. */
    CouponId coupon();

    /** The operation that caused it. */
    OperationId operation();

    /** The type names and record classes of this family. */
    static EventFamily<CouponEvent> family() {
        return CouponEventTypes.FAMILY;
    }

    /**
     * Reads a coupon event written by {@link dev.siyu.core.event.Events#toJson}.
     *
     * @throws dev.siyu.core.json.ConfigException if the type is unknown or a field is missing or does not fit
     */
    static CouponEvent fromJson(String json) {
        return CouponEventTypes.FAMILY.fromJson(json);
    }

    /** A coupon was issued into a member's wallet. */
    record CouponIssued(MemberId member, Instant at, OperationId operation, CouponId coupon,
            CouponTemplateId template, Instant validFrom, Instant validUntil) implements CouponEvent {
        public CouponIssued {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
        }

        @Override
        public String type() {
            return "coupon-issued";
        }
    }

    /** A coupon was held for an order until {@code expiresAt}. */
    record CouponReserved(MemberId member, Instant at, OperationId operation, CouponId coupon, OrderId order,
            Money amount, Instant expiresAt) implements CouponEvent {
        public CouponReserved {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String type() {
            return "coupon-reserved";
        }
    }

    /** A reservation was committed: the coupon is used on {@code order}, with these line shares. */
    record CouponRedeemed(MemberId member, Instant at, OperationId operation, CouponId coupon,
            CouponTemplateId template, OrderId order, Money amount, List<LineShare> shares) implements CouponEvent {
        public CouponRedeemed {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(amount, "amount");
            shares = List.copyOf(shares);
        }

        @Override
        public String type() {
            return "coupon-redeemed";
        }
    }

    /** A reservation was released; the coupon is usable again. */
    record CouponReleased(MemberId member, Instant at, OperationId operation, CouponId coupon, OrderId order)
            implements CouponEvent {
        public CouponReleased {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(order, "order");
        }

        @Override
        public String type() {
            return "coupon-released";
        }
    }

    /**
     * A return reversed {@code reversed} of the coupon's line shares on {@code order}. Under a
     * claw-back threshold policy {@code clawedBack} is to be deducted from this refund, and
     * {@code clawReturned} (an earlier claw on units now returned) added to it; {@code restored}
     * says whether the coupon became usable again.
     */
    record CouponRefunded(MemberId member, Instant at, OperationId operation, CouponId coupon, OrderId order,
            RefundId refund, Money reversed, Money clawedBack, Money clawReturned, boolean restored)
            implements CouponEvent {
        public CouponRefunded {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(refund, "refund");
            Objects.requireNonNull(reversed, "reversed");
            Objects.requireNonNull(clawedBack, "clawedBack");
            Objects.requireNonNull(clawReturned, "clawReturned");
        }

        @Override
        public String type() {
            return "coupon-refunded";
        }
    }
}
