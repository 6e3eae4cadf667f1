package dev.siyu.coupons.checkout;

import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.money.Money;
import java.util.Objects;

/** Whether one coupon of a wallet applies to a basket on its own, and why not. */
public sealed interface CouponCheck {

    Coupon coupon();

    /** The coupon applies; alone it would take {@code discount} off (zero for a gift). */
    record Applicable(Coupon coupon, Money discount, Explanation explanation) implements CouponCheck {
        public Applicable {
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(discount, "discount");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** The coupon does not apply; {@code reason} carries the code and the deciding values. */
    record NotApplicable(Coupon coupon, Explanation reason) implements CouponCheck {
        public NotApplicable {
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
