package dev.siyu.coupons.checkout;

import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.core.money.Money;
import java.util.Comparator;

/**
 * A coupon that applies to the basket on its own, prepared for the search: the indexes of its
 * eligible lines, its stand-alone discount (an upper bound of what it adds to any combination,
 * since every benefit is monotone in the net it sees) and its place in the application order.
 */
record Candidate(Coupon coupon, CouponTemplate template, int[] lines, long standalone, long threshold,
        long percentMicros, long cap) {

    /** A candidate with the benefit's threshold, percent (in millionths, -1 if not a percent) and cap unpacked. */
    static Candidate of(Coupon coupon, CouponTemplate template, int[] lines, long standalone) {
        Benefit b = template.benefit();
        long micros = -1;
        long cap = Long.MAX_VALUE;
        if (b instanceof Benefit.PercentOff p && p.percent().scale() <= 6) {
            micros = p.percent().movePointRight(6).longValueExact();
            cap = p.cap().map(Money::minor).orElse(Long.MAX_VALUE);
        }
        return new Candidate(coupon, template, lines, standalone, b.thresholdMinor(), micros, cap);
    }

    /**
     * Application order: discounts before stored value, then descending priority, then template id,
     * then coupon id. Depends only on the coupons, never on their order in the wallet.
     */
    static final Comparator<Candidate> APPLICATION_ORDER = Comparator
            .comparingInt((Candidate c) -> c.template.benefit() instanceof Benefit.StoredValue ? 1 : 0)
            .thenComparing(c -> -(long) c.template.stacking().priority())
            .thenComparing(c -> c.template.id())
            .thenComparing(c -> c.coupon.id());

    /** The same candidate with stand-alone discount {@code standalone}. */
    Candidate withStandalone(long standalone) {
        return new Candidate(coupon, template, lines, standalone, threshold, percentMicros, cap);
    }

    long balance() {
        return coupon.balance().minor();
    }

    /**
     * The discount on a remaining eligible net of {@code eligible}: zero below the threshold, else
     * the benefit's discount. Percent benefits with at most six decimals take an exact long path
     * (floor of {@code eligible × percent / 100}, while the product fits a long, as {@link java.math.RoundingMode#DOWN} gives for
     * non-negative amounts); everything else asks the benefit.
     */
    long discount(long eligible) {
        if (eligible < threshold || eligible <= 0) {
            return 0;
        }
        if (percentMicros >= 0 && eligible <= Long.MAX_VALUE / 100_000_000L) {
            return Math.min(Math.min(eligible * percentMicros / 100_000_000L, cap), eligible);
        }
        return template.benefit().discountMinor(eligible, balance());
    }
}
