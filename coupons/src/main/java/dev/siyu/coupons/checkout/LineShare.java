package dev.siyu.coupons.checkout;

import dev.siyu.core.money.Money;
import java.util.Objects;

/** The part of one coupon's discount carried by one basket line. Immutable. */
public record LineShare(int lineNo, Money amount) {

    /** @throws IllegalArgumentException for a negative share */
    public LineShare {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must be >= 0: " + amount);
        }
    }
}
