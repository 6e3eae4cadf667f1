package dev.siyu.attribution;

import dev.siyu.attribution.commission.CommissionPlan;
import dev.siyu.attribution.commission.DistributionNetwork;
import dev.siyu.attribution.commission.RateRule;
import dev.siyu.attribution.credit.Credit;
import dev.siyu.attribution.credit.GuideRole;
import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Plans, guides and credits for property tests, as functions of a seeded {@link RandomGenerator}. */
public final class AttributionGenerators {

    private AttributionGenerators() {
    }

    /** A guide among {@code count}. */
    public static GuideId guide(RandomGenerator r, int count) {
        return GuideId.of("G" + r.nextInt(count));
    }

    /** A percentage with two decimals between 0 and 10. */
    public static BigDecimal percent(RandomGenerator r) {
        return BigDecimal.valueOf(r.nextInt(1001), 2);
    }

    /**
     * A plan over the brands and categories of {@code OrderGenerators}: a default rate, a few brand
     * and category rules (rates or fixed per unit), one or two levels, a rounding mode.
     */
    public static CommissionPlan plan(RandomGenerator r) {
        RoundingMode[] modes = {RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP,
            RoundingMode.HALF_DOWN, RoundingMode.FLOOR, RoundingMode.CEILING};
        CommissionPlan.Builder b = CommissionPlan.builder().defaultPercent(percent(r)).rounding(modes[r.nextInt(modes.length)]);
        int brands = r.nextInt(4);
        for (int i = 0; i < brands; i++) {
            String brand = "B" + (i * 3 + r.nextInt(3));
            b.rule(r.nextInt(4) == 0 ? RateRule.fixed(RateRule.Target.BRAND, brand, Money.cnyMinor(r.nextInt(2000)))
                    : RateRule.percent(RateRule.Target.BRAND, brand, percent(r)));
        }
        if (r.nextBoolean()) {
            b.rule(RateRule.percent(RateRule.Target.CATEGORY, "shoes", percent(r)));
        }
        if (r.nextBoolean()) {
            b.levels(1 + r.nextInt(99), 1 + r.nextInt(30));
        }
        return b.build();
    }

    /** One or two credited guides per line among {@code guides}, weights 1–100. */
    public static OrderAttribution credits(RandomGenerator r, Order order, int guides) {
        List<LineCredit> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            List<Credit> credits = new ArrayList<>();
            GuideId first = guide(r, guides);
            credits.add(new Credit(first, GuideRole.SALE, 1 + r.nextInt(100)));
            GuideId second = guide(r, guides);
            if (r.nextBoolean() && !second.equals(first)) {
                credits.add(new Credit(second, GuideRole.SERVICE, 1 + r.nextInt(100)));
            }
            lines.add(LineCredit.of(line.lineNo(), r.nextInt(8) == 0 ? List.of() : credits, Explanation.of("GEN")));
        }
        return new OrderAttribution(order.id(), order.member(), order.placedAt(), lines);
    }

    /** Uplines: guide i recruited by guide i+guides (outside the credited set, so no cycle). */
    public static DistributionNetwork network(RandomGenerator r, int guides) {
        Map<GuideId, GuideId> uplines = new java.util.HashMap<>();
        for (int i = 0; i < guides; i++) {
            if (r.nextBoolean()) {
                uplines.put(GuideId.of("G" + i), GuideId.of("U" + r.nextInt(3)));
            }
        }
        return DistributionNetwork.of(uplines);
    }
}
