package dev.siyu.attribution.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTest {

    static GuideActivity activity(String g, String gmv, long buyers) {
        return new GuideActivity(GuideId.of(g), 30, 2, 20, 40, buyers, buyers / 2, buyers + 3, Money.cny(gmv), 10, 4);
    }

    @Test
    void kpis_are_rates_with_two_decimals_and_the_average_order_value_is_rounded_half_up() {
        GuideKpis k = GuideKpis.of(activity("a", "1000.00", 7));
        assertThat(k.netCustomersAdded()).isEqualTo(28);
        assertThat(k.conversionPercent()).isEqualByComparingTo("17.50");
        assertThat(k.repurchasePercent()).isEqualByComparingTo("42.86");
        assertThat(k.couponRedemptionPercent()).isEqualByComparingTo("40.00");
        assertThat(k.averageOrderValue()).isEqualTo(Money.cny("100.00"));
        assertThat(GuideKpis.salesPerGuide(List.of(activity("a", "1000.00", 7), activity("b", "0.01", 0))))
                .isEqualTo(Money.cny("500.01"));
    }

    @Test
    void a_leaderboard_shares_ranks_on_ties_and_lists_tied_guides_by_id() {
        List<GuideKpis> kpis = List.of(GuideKpis.of(activity("c", "500.00", 1)), GuideKpis.of(activity("a", "900.00", 1)),
                GuideKpis.of(activity("b", "500.00", 1)), GuideKpis.of(activity("d", "100.00", 1)));
        assertThat(Leaderboard.rank(kpis, Leaderboard.Metric.GMV, 10))
                .extracting(e -> e.rank() + ":" + e.guide()).containsExactly("1:a", "2:b", "2:c", "4:d");
        assertThat(Leaderboard.rank(kpis, Leaderboard.Metric.GMV, 2)).hasSize(2);
    }
}
