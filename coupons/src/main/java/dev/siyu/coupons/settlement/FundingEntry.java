package dev.siyu.coupons.settlement;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.OrderId;
import dev.siyu.coupons.wallet.CouponId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who funds one line's share of one coupon: positive when the coupon was redeemed, negative when
 * a return reversed it. {@code mallFunded + counterFunded == discount} exactly. Immutable.
 */
public record FundingEntry(Instant at, OrderId order, CouponId coupon, CouponTemplateId template, int lineNo,
        Optional<CounterId> counter, BrandId brand, Money discount, Money mallFunded, Money counterFunded) {

    /** @throws IllegalArgumentException unless the two parts sum to the discount */
    public FundingEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(brand, "brand");
        if (!mallFunded.plus(counterFunded).equals(discount)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mallFunded + counterFunded must equal the discount %s: %s + %s", discount, mallFunded, counterFunded));
        }
    }
}
