package dev.siyu.coupons.redemption;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A member's wallet as stored under the member id: every coupon issued to them with its lifecycle. Immutable. */
public record MemberCoupons(MemberId member, Map<CouponId, HeldCoupon> coupons) {

    public MemberCoupons {
        Objects.requireNonNull(member, "member");
        coupons = Collections.unmodifiableMap(new LinkedHashMap<>(coupons));
    }

    public static MemberCoupons empty(MemberId member) {
        return new MemberCoupons(member, Map.of());
    }

    public Optional<HeldCoupon> coupon(CouponId id) {
        return Optional.ofNullable(coupons.get(id));
    }

    /** Coupons issued from {@code template}, whatever their state. */
    public long issuedFrom(CouponTemplateId template) {
        return coupons.values().stream().filter(c -> c.coupon().template().equals(template)).count();
    }

    /**
     * The coupons a checkout may consider at {@code asOf}: not used, not held by a live reservation,
     * within their validity window.
     */
    public List<Coupon> usableAt(Instant asOf) {
        List<Coupon> out = new ArrayList<>();
        for (HeldCoupon c : coupons.values()) {
            if (!c.used() && !c.reservedAt(asOf) && !asOf.isBefore(c.coupon().validFrom())
                    && asOf.isBefore(c.coupon().validUntil())) {
                out.add(c.coupon());
            }
        }
        return List.copyOf(out);
    }

    MemberCoupons with(HeldCoupon coupon) {
        Map<CouponId, HeldCoupon> next = new LinkedHashMap<>(coupons);
        next.put(coupon.coupon().id(), coupon);
        return new MemberCoupons(member, next);
    }
}
