package dev.siyu.coupons.checkout;

import dev.siyu.coupons.wallet.CouponId;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.money.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The best combination of a wallet's coupons for a basket: the coupons in the order they apply,
 * the total discount, and for every other coupon of the wallet why it is not used. Immutable.
 *
 * @param applied chosen coupons, in application order
 * @param total sum of their discounts
 * @param notUsed reason per unused coupon, by coupon id
 */
public record Offer(List<AppliedCoupon> applied, Money total, Map<CouponId, Explanation> notUsed) {

    public Offer {
        applied = List.copyOf(applied);
        Objects.requireNonNull(total, "total");
        notUsed = Collections.unmodifiableMap(new LinkedHashMap<>(notUsed));
    }

    /** The discount each line receives from all applied coupons together, by line number. */
    public Map<Integer, Money> discountByLine() {
        Map<Integer, Money> out = new java.util.TreeMap<>();
        for (AppliedCoupon c : applied) {
            for (LineShare s : c.shares()) {
                out.merge(s.lineNo(), s.amount(), Money::plus);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
