package dev.siyu.coupons.checkout;

import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.wallet.Coupon;
import java.util.Comparator;

/**
 * A coupon that applies to the basket on its own, prepared for the search: the indexes of its
 * eligible lines, its stand-alone discount (an upper bound of what it adds to any combination,
 * since every benefit is monotone in the net it sees) and its place in the application order.
 */
record Candidate(Coupon coupon, CouponTemplate template, int[] lines, long standalone) {

    /**
     * Application order: discounts before stored value, then descending priority, then template id,
     * then coupon id. Depends only on the coupons, never on their order in the wallet.
     */
    static final Comparator<Candidate> APPLICATION_ORDER = Comparator
            .comparingInt((Candidate c) -> c.template.benefit() instanceof Benefit.StoredValue ? 1 : 0)
            .thenComparing(c -> -(long) c.template.stacking().priority())
            .thenComparing(c -> c.template.id())
            .thenComparing(c -> c.coupon.id());

    long balance() {
        return coupon.balance().minor();
    }
}
