package dev.siyu.core.id;

/** Identifies a coupon template (the definition from which coupons are issued). */
public record CouponTemplateId(String value) implements TypedId, Comparable<CouponTemplateId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public CouponTemplateId {
        IdText.check("couponTemplateId", value);
    }

    public static CouponTemplateId of(String value) {
        return new CouponTemplateId(value);
    }

    @Override
    public int compareTo(CouponTemplateId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
