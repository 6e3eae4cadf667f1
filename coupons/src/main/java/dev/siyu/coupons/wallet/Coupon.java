package dev.siyu.coupons.wallet;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A coupon in a member's wallet: issued from a template to an owner, valid from {@code validFrom}
 * (inclusive) to {@code validUntil} (exclusive). {@code balance} is what a stored-value voucher can
 * still spend; other coupons carry zero. Immutable.
 */
public record Coupon(CouponId id, CouponTemplateId template, MemberId owner, Instant issuedAt, Instant validFrom,
        Instant validUntil, Money balance) {

    /** @throws IllegalArgumentException for an empty validity window or a negative balance */
    public Coupon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(balance, "balance");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "validUntil must be after validFrom %s: %s", validFrom, validUntil));
        }
        if (balance.isNegative()) {
            throw new IllegalArgumentException("balance must be >= 0: " + balance);
        }
    }

    /** This coupon with another remaining balance. */
    public Coupon withBalance(Money balance) {
        return new Coupon(id, template, owner, issuedAt, validFrom, validUntil, balance);
    }
}
