package dev.siyu.coupons.checkout;

import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.core.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * A coupon applied to a basket: its discount and how the discount splits over the lines (largest
 * remainder over what each eligible line still cost when the coupon applied, so the shares sum to
 * the discount exactly and none exceeds its line). Lines with a zero share are omitted. Immutable.
 */
public record AppliedCoupon(Coupon coupon, Money discount, List<LineShare> shares) {

    public AppliedCoupon {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(discount, "discount");
        shares = List.copyOf(shares);
    }
}
