package dev.siyu.attribution.commission;

import static dev.siyu.attribution.Fixtures.line;
import static dev.siyu.attribution.Fixtures.order;
import static dev.siyu.attribution.Fixtures.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.attribution.credit.Credit;
import dev.siyu.attribution.credit.GuideRole;
import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommissionPlanTest {

    static final GuideId A = GuideId.of("A");
    static final GuideId B = GuideId.of("B");
    static final GuideId UP = GuideId.of("UP");
    static final Instant T = Instant.parse("2026-03-10T04:00:00Z");

    static final String PLAN = """
            {
              "schemaVersion": 1,
              "currency": "CNY",
              "rounding": "half-up",
              "defaultRate": 1.5,
              "rules": [
                {"sku": "SKU-B1-1", "rate": 5},
                {"brand": "B1", "rate": 3},
                {"category": "bags", "fixedPerUnit": "CNY 4.00"}
              ],
              "levels": [{"share": 90}, {"share": 10}],
              "monthlyTiers": {"method": "marginal", "bands": [
                {"from": 0, "to": 50000, "rate": 0},
                {"from": 50000, "to": 100000, "rate": 0.5},
                {"from": 100000, "rate": 1}
              ]},
              "monthlyCap": "CNY 3000.00",
              "minimumPayout": 10,
              "returnWindowDays": 7,
              "pendingOnDeparture": "keep-with-leaver"
            }
            """;

    static OrderAttribution creditAll(Order order, Credit... credits) {
        return new OrderAttribution(order.id(), order.member(), order.placedAt(), order.lines().stream()
                .map(l -> LineCredit.of(l.lineNo(), List.of(credits), Explanation.of("TEST"))).toList());
    }

    @Nested
    class Rates {
        final CommissionPlan plan = CommissionPlan.fromJson(PLAN);

        @Test
        void the_most_specific_rule_wins_sku_then_brand_then_category_then_default() {
            Order order = order("O1", "M1", T, "S1", line(1, "S1", "B1", "shoes", 1, "100.00"),
                    line(2, "S1", "B1", "shoes", 1, "100.00"), line(3, "S1", "B2", "bags", 2, "80.00"),
                    line(4, "S1", "B3", "food", 1, "33.33"));
            OrderCommission c = plan.commission(order, creditAll(order, new Credit(A, GuideRole.SALE, 1)),
                    DistributionNetwork.none());
            assertThat(c.lines()).extracting(LineCommission::rule).containsExactly("sku:SKU-B1-1=5%", "brand:B1=3%",
                    "category:bags=CNY 4.00/unit", "default=1.5%");
            // 5.00, 3.00, 8.00, 0.49995 -> 0.50 half-up
            assertThat(c.lines()).extracting(LineCommission::pool).containsExactly(500L, 300L, 800L, 50L);
            assertThat(c.totalMinor()).isEqualTo(1650);
            assertThat(c.period()).isEqualTo(YearMonth.of(2026, 3));
            assertThat(c.releaseOn()).isEqualTo(java.time.LocalDate.of(2026, 3, 17));
        }

        @Test
        void two_credited_guides_and_an_upline_split_the_pool_exactly() {
            Order order = order("O1", "M1", T, "S1", line(1, "S1", "B9", "food", 1, "1000.01"));
            DistributionNetwork network = DistributionNetwork.of(Map.of(A, UP));
            OrderCommission c = plan.commission(order, creditAll(order, new Credit(A, GuideRole.SALE, 60),
                    new Credit(B, GuideRole.SERVICE, 40)), network);
            LineCommission line = c.lines().get(0);
            assertThat(line.pool()).isEqualTo(1500); // 1.5% of 1000.01 = 15.00015
            assertThat(line.shares()).extracting(s -> s.guide().value() + "@" + s.level() + "=" + s.amount().minor())
                    .containsExactly("A@1=810", "UP@2=90", "B@1=600");
            assertThat(line.shares()).extracting(s -> s.salesBase().minor()).containsExactly(60001L, 0L, 40000L);
            assertThat(c.byGuide()).containsEntry(UP, Money.cnyMinor(90));
            assertThat(c.accruals()).extracting(Accrual::guide).containsExactly(A, UP, B);
        }

        @Test
        void a_partial_refund_recomputes_the_pool_on_the_remaining_net_and_a_replay_changes_nothing() {
            Order order = order("O1", "M1", T, "S1", line(1, "S1", "B1", "shoes", 3, "33.35"));
            OrderCommission c = plan.commission(order, creditAll(order, new Credit(A, GuideRole.SALE, 1)),
                    DistributionNetwork.none());
            assertThat(c.totalMinor()).isEqualTo(500); // sku rule 5% of 100.05 = 5.0025
            RefundCommission r = plan.refund(c, order, refund("R1", order, T.plusSeconds(3600), 1, 1));
            assertThat(r.after().totalMinor()).isEqualTo(334); // 5% of 66.70 = 3.335, half-up
            assertThat(r.clawbacks()).singleElement().satisfies(cb -> {
                assertThat(cb.amount()).isEqualTo(Money.cny("1.66"));
                assertThat(cb.explanation().facts().get("line1")).contains("1 of 3 units returned");
            });
            RefundCommission again = plan.refund(r.after(), order, refund("R1", order, T.plusSeconds(3600), 1, 1));
            assertThat(again.duplicate()).isTrue();
            assertThat(again.clawbacks()).isEmpty();
            assertThatThrownBy(() -> plan.refund(r.after(), order, refund("R2", order, T, 1, 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("still returnable");
        }

        @Test
        void marginal_and_whole_amount_tiers_differ_as_stated() {
            assertThat(plan.tierBonus(Money.cny("120000.00"))).isEqualTo(Money.cny("450.00")); // 250 + 200
            CommissionPlan whole = CommissionPlan.builder().tiers(TierMethod.WHOLE_AMOUNT, List.of(
                    new TierBand(Money.cny("0"), Optional.of(Money.cny("50000")), BigDecimal.ZERO),
                    new TierBand(Money.cny("50000"), Optional.of(Money.cny("100000")), new BigDecimal("0.5")),
                    new TierBand(Money.cny("100000"), Optional.empty(), BigDecimal.ONE))).build();
            assertThat(whole.tierBonus(Money.cny("120000.00"))).isEqualTo(Money.cny("1200.00"));
            assertThat(whole.tierBonus(Money.cny("99999.99"))).isEqualTo(Money.cny("500.00"));
        }
    }

    @Nested
    class BadInput {
        @Test
        void three_levels_are_refused_naming_the_pointer() {
            String json = PLAN.replace("[{\"share\": 90}, {\"share\": 10}]", "[{\"share\": 80}, {\"share\": 10}, {\"share\": 10}]");
            assertThatThrownBy(() -> CommissionPlan.fromJson(json)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("/levels").hasMessageContaining("at most two levels");
            assertThatThrownBy(() -> CommissionPlan.builder().levels(80, 10, 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels must be 1 or 2");
        }

        @Test
        void a_negative_rate_is_refused_naming_the_pointer() {
            String json = PLAN.replace("\"rate\": 3}", "\"rate\": -3}");
            assertThatThrownBy(() -> CommissionPlan.fromJson(json)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("/rules/1/rate").hasMessageContaining("between 0 and 100");
            assertThatThrownBy(() -> CommissionPlan.builder().defaultPercent(new BigDecimal("-1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void overlapping_or_gapped_tier_bands_are_refused_naming_the_band() {
            String overlap = PLAN.replace("{\"from\": 100000, \"rate\": 1}", "{\"from\": 90000, \"rate\": 1}");
            assertThatThrownBy(() -> CommissionPlan.fromJson(overlap)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("/monthlyTiers/bands/2").hasMessageContaining("overlap");
            String gap = PLAN.replace("{\"from\": 100000, \"rate\": 1}", "{\"from\": 110000, \"rate\": 1}");
            assertThatThrownBy(() -> CommissionPlan.fromJson(gap)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("/monthlyTiers/bands/2").hasMessageContaining("start where");
        }

        @Test
        void unknown_fields_and_wrong_schema_versions_are_refused() {
            assertThatThrownBy(() -> CommissionPlan.fromJson(PLAN.replace("\"rounding\"", "\"roundng\"")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("unknown field 'roundng'");
            assertThatThrownBy(() -> CommissionPlan.fromJson(PLAN.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("/schemaVersion");
        }

        @Test
        void a_cycle_in_the_distribution_network_is_refused_and_the_old_network_is_unchanged() {
            DistributionNetwork network = DistributionNetwork.of(Map.of(A, B));
            assertThatThrownBy(() -> network.withUpline(B, A)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not form a cycle");
            assertThatThrownBy(() -> DistributionNetwork.of(Map.of(A, A))).isInstanceOf(IllegalArgumentException.class);
            assertThat(network.uplineOf(B)).isEmpty();
        }
    }
}
