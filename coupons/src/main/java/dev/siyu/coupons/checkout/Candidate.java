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

    /**
     * The discount on a remaining eligible net of {@code eligible}: zero below the threshold, else
     * the benefit's discount. Percent benefits with at most six decimals take an exact long path
     * (floor of {@code eligible × percent / 100}, as {@link java.math.RoundingMode#DOWN} gives for
     * non-negative amounts); everything else asks the benefit.
     */
    long discount(long eligible) {
        Benefit b = template.benefit();
        if (eligible < b.thresholdMinor() || eligible <= 0) {
            return 0;
        }
        if (b instanceof Benefit.PercentOff p && p.percent().scale() <= 6 && eligible < 1_000_000_000_000L) {
            long micros = p.percent().movePointRight(6).longValue();
            long off = eligible * micros / 100_000_000L;
            if (p.cap().isPresent()) {
                off = Math.min(off, p.cap().get().minor());
            }
            return Math.min(off, eligible);
        }
        return b.discountMinor(eligible, balance());
    }
}
