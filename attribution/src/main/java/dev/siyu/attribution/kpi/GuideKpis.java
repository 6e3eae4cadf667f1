package dev.siyu.attribution.kpi;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A guide's KPIs for a period. Rates are percentages with two decimals rounded half-up (zero when
 * the denominator is zero); the average order value is rounded half-up to the minor unit.
 * Immutable.
 *
 * @param guide the guide
 * @param netCustomersAdded customers added less customers lost
 * @param activeCustomers active customers
 * @param conversionPercent buyers / reached customers
 * @param gmv net sales credited
 * @param averageOrderValue GMV / orders (客单价)
 * @param repurchasePercent repeat buyers / buyers (复购率)
 * @param deletions customers lost
 * @param couponRedemptionPercent coupons redeemed / issued (核销率)
 */
public record GuideKpis(GuideId guide, long netCustomersAdded, long activeCustomers, BigDecimal conversionPercent,
        Money gmv, Money averageOrderValue, BigDecimal repurchasePercent, long deletions,
        BigDecimal couponRedemptionPercent) {
    public GuideKpis {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(conversionPercent, "conversionPercent");
        Objects.requireNonNull(gmv, "gmv");
        Objects.requireNonNull(averageOrderValue, "averageOrderValue");
        Objects.requireNonNull(repurchasePercent, "repurchasePercent");
        Objects.requireNonNull(couponRedemptionPercent, "couponRedemptionPercent");
    }

    /** The KPIs of {@code a}. */
    public static GuideKpis of(GuideActivity a) {
        Objects.requireNonNull(a, "a");
        Money aov = a.orders() == 0 ? Money.zero(a.gmv().currency())
                : a.gmv().times(BigDecimal.ONE.divide(BigDecimal.valueOf(a.orders()), 20, RoundingMode.HALF_UP),
                        RoundingMode.HALF_UP);
        return new GuideKpis(a.guide(), a.customersAdded() - a.customersDeleted(), a.activeCustomers(),
                percent(a.buyers(), a.reachedCustomers()), a.gmv(), aov, percent(a.repeatBuyers(), a.buyers()),
                a.customersDeleted(), percent(a.couponsRedeemed(), a.couponsIssued()));
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP);
    }

    /**
     * Sales per guide (人效) of a team: total GMV divided by the number of guides, rounded half-up.
     *
     * @throws IllegalArgumentException if the team is empty
     */
    public static Money salesPerGuide(List<GuideActivity> team) {
        if (team.isEmpty()) {
            throw new IllegalArgumentException("team must not be empty: " + team);
        }
        Money total = Money.zero(team.get(0).gmv().currency());
        for (GuideActivity a : team) {
            total = total.plus(a.gmv());
        }
        long minor = BigDecimal.valueOf(total.minor()).divide(BigDecimal.valueOf(team.size()), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return Money.ofMinor(minor, total.currency());
    }
}
