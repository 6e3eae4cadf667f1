package dev.siyu.coupons.wallet;

import dev.siyu.core.id.TypedId;
import java.util.Locale;
import java.util.Objects;

/**
 * The id of one issued coupon (a row in a member's wallet), 1 to 128 characters, not blank, no
 * control characters. Immutable.
 */
public record CouponId(String value) implements TypedId, Comparable<CouponId> {

    /** @throws IllegalArgumentException for a blank, too long or control-character id */
    public CouponId {
        Objects.requireNonNull(value, "couponId");
        if (value.isBlank() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "couponId must be 1 to 128 characters, not blank, no control characters: '%s'",
                    value.replaceAll("\\p{Cntrl}", "?")));
        }
    }

    public static CouponId of(String value) {
        return new CouponId(value);
    }

    @Override
    public int compareTo(CouponId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
