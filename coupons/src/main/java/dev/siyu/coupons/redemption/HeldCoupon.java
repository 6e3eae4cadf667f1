package dev.siyu.coupons.redemption;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.wallet.Coupon;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One coupon in a member's wallet with its lifecycle: available, reserved for an order until an
 * instant, or used. A stored-value voucher returns to available after each use while balance
 * remains. Immutable.
 *
 * @param coupon the coupon (its balance is the stored value left)
 * @param issuedBy the issuing operation
 * @param reservation the current hold, if any (expired once {@code asOf >= expiresAt})
 * @param redemptions committed uses, oldest first
 * @param used whether the coupon can no longer be reserved (a used, non-restored coupon)
 */
public record HeldCoupon(Coupon coupon, OperationId issuedBy, Optional<Reservation> reservation,
        List<Redemption> redemptions, boolean used) {

    /** A hold of the coupon for one order. */
    public record Reservation(OperationId operation, OrderId order, Money amount, List<LineShare> shares,
            Instant expiresAt) {
        public Reservation {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(amount, "amount");
            shares = List.copyOf(shares);
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * A committed use: the line shares as allocated at checkout; per line the units returned so
     * far; the share reversed by returns; the discount clawed back from a refund under the
     * threshold policy and how much of that claw was handed back by later returns.
     */
    public record Redemption(OperationId operation, OrderId order, Money amount, List<LineShare> shares, Instant at,
            Map<Integer, Integer> returnedUnits, Money reversed, Money clawedBack, Money clawReturned) {
        public Redemption {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(amount, "amount");
            shares = List.copyOf(shares);
            Objects.requireNonNull(at, "at");
            returnedUnits = Map.copyOf(returnedUnits);
            Objects.requireNonNull(reversed, "reversed");
            Objects.requireNonNull(clawedBack, "clawedBack");
            Objects.requireNonNull(clawReturned, "clawReturned");
        }

        /** The share of {@code lineNo}, zero if the coupon did not touch it. */
        public Money share(int lineNo) {
            return shares.stream().filter(s -> s.lineNo() == lineNo).map(LineShare::amount).findFirst()
                    .orElse(Money.zero(amount.currency()));
        }
    }

    public HeldCoupon {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(reservation, "reservation");
        redemptions = List.copyOf(redemptions);
    }

    /** Whether a live hold exists at {@code asOf}. */
    public boolean reservedAt(Instant asOf) {
        return reservation.isPresent() && reservation.get().expiresAt().isAfter(asOf);
    }

    /** The committed use by {@code operation}, if any. */
    public Optional<Redemption> redemption(OperationId operation) {
        return redemptions.stream().filter(r -> r.operation().equals(operation)).findFirst();
    }

    HeldCoupon with(Coupon coupon, Optional<Reservation> reservation, List<Redemption> redemptions, boolean used) {
        return new HeldCoupon(coupon, issuedBy, reservation, redemptions, used);
    }
}
