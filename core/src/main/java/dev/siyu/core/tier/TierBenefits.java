package dev.siyu.core.tier;

import dev.siyu.core.id.CouponTemplateId;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a tier gives its members. Immutable and thread-safe.
 *
 * @param earnMultiplier factor applied by the points engine to base points, at least 1 (a tier
 *     never earns less than the base rate) and at most 100, e.g. {@code 1.5}
 * @param birthdayPoints bonus points granted in the birthday month, {@code >= 0}
 * @param birthdayCoupon a coupon template issued in the birthday month, if any
 * @param coupons coupon templates reserved to the tier (exclusive coupons), without duplicates
 */
public record TierBenefits(BigDecimal earnMultiplier, long birthdayPoints, Optional<CouponTemplateId> birthdayCoupon,
        List<CouponTemplateId> coupons) {

    private static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);

    /** @throws IllegalArgumentException naming the field and value when a rule above is broken */
    public TierBenefits {
        Objects.requireNonNull(earnMultiplier, "earnMultiplier");
        Objects.requireNonNull(birthdayCoupon, "birthdayCoupon");
        coupons = List.copyOf(coupons);
        if (earnMultiplier.compareTo(BigDecimal.ONE) < 0 || earnMultiplier.compareTo(MAX_MULTIPLIER) > 0) {
            throw new IllegalArgumentException("earnMultiplier must be 1 to 100: " + earnMultiplier.toPlainString());
        }
        if (birthdayPoints < 0) {
            throw new IllegalArgumentException("birthdayPoints must be >= 0: " + birthdayPoints);
        }
        Set<CouponTemplateId> seen = new HashSet<>();
        for (CouponTemplateId coupon : coupons) {
            if (!seen.add(coupon)) {
                throw new IllegalArgumentException("coupons must not repeat a template: " + coupon);
            }
        }
    }

    /** No benefit beyond the base earn rate: multiplier 1, no birthday gift, no coupons. */
    public static TierBenefits none() {
        return new TierBenefits(BigDecimal.ONE, 0, Optional.empty(), List.of());
    }

    /** These benefits with {@code multiplier}. */
    public TierBenefits withEarnMultiplier(BigDecimal multiplier) {
        return new TierBenefits(multiplier, birthdayPoints, birthdayCoupon, coupons);
    }

    /** These benefits with a birthday gift of {@code points} and, if given, a coupon. */
    public TierBenefits withBirthdayGift(long points, Optional<CouponTemplateId> coupon) {
        return new TierBenefits(earnMultiplier, points, coupon, coupons);
    }

    /** These benefits with the exclusive coupon templates {@code templates}. */
    public TierBenefits withCoupons(List<CouponTemplateId> templates) {
        return new TierBenefits(earnMultiplier, birthdayPoints, birthdayCoupon, templates);
    }
}
