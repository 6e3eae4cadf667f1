package dev.siyu.attribution.kpi;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.util.Objects;

/**
 * What a guide did in a period, counted by the host (from WeCom contact statistics, its orders and
 * coupons, or this module's events). All counts {@code >= 0}.
 *
 * @param guide the guide
 * @param customersAdded customers who added the guide
 * @param customersDeleted customers who deleted or blocked the guide
 * @param activeCustomers customers who interacted or bought in the period
 * @param reachedCustomers customers the guide served or messaged (the conversion denominator)
 * @param buyers distinct customers credited to the guide who bought
 * @param repeatBuyers of those, customers who bought at least twice
 * @param orders orders credited to the guide
 * @param gmv net sales credited to the guide (refunds deducted)
 * @param couponsIssued coupons the guide sent
 * @param couponsRedeemed of those, coupons redeemed
 */
public record GuideActivity(GuideId guide, long customersAdded, long customersDeleted, long activeCustomers,
        long reachedCustomers, long buyers, long repeatBuyers, long orders, Money gmv, long couponsIssued,
        long couponsRedeemed) {
    /** @throws IllegalArgumentException if a count is negative or a part exceeds its whole */
    public GuideActivity {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(gmv, "gmv");
        long[] counts = {customersAdded, customersDeleted, activeCustomers, reachedCustomers, buyers, repeatBuyers,
            orders, couponsIssued, couponsRedeemed};
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must be >= 0: " + c);
            }
        }
        if (repeatBuyers > buyers) {
            throw new IllegalArgumentException("repeatBuyers must be <= buyers " + buyers + ": " + repeatBuyers);
        }
        if (couponsRedeemed > couponsIssued) {
            throw new IllegalArgumentException("couponsRedeemed must be <= couponsIssued " + couponsIssued + ": "
                    + couponsRedeemed);
        }
    }
}
