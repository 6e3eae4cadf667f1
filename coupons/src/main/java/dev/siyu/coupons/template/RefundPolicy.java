package dev.siyu.coupons.template;

import java.util.Objects;

/**
 * What a return does to a redeemed coupon.
 *
 * @param restoreOnFullReturn whether the coupon becomes usable again once every line it discounted
 *     is returned (stored-value vouchers always get their used balance back, pro rata)
 * @param belowThreshold what happens when a partial return takes the kept lines below the threshold
 */
public record RefundPolicy(boolean restoreOnFullReturn, ThresholdPolicy belowThreshold) {

    /** What a partial return below a coupon's threshold does. */
    public enum ThresholdPolicy {
        /** The kept lines keep their discount; each returned unit refunds its stored net. */
        KEEP_DISCOUNT,
        /**
         * The discount on the kept lines is clawed back from the refund (never more than the
         * refund itself; any shortfall is reported).
         */
        CLAW_BACK
    }

    public RefundPolicy {
        Objects.requireNonNull(belowThreshold, "belowThreshold");
    }

    /** Restore on a full return, keep the discount below threshold. */
    public static RefundPolicy defaults() {
        return new RefundPolicy(true, ThresholdPolicy.KEEP_DISCOUNT);
    }
}
