package dev.siyu.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.commission.Statement;
import dev.siyu.core.churn.ChurnLevel;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.settlement.FundingEntry;
import dev.siyu.tagging.catalogue.TagId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreYearTest {

    @TempDir
    static Path dir;

    static StoreYear year;
    static String report;
    static Path html;

    @BeforeAll
    static void runTheYear() {
        html = dir.resolve("report.html");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        year = StoreYear.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), html);
        report = bytes.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class The_report {

        @Test
        void has_every_section_and_a_progress_line_per_month() {
            assertThat(report).contains("Tier distribution", "Points liability", "outstanding balance",
                    "expiring within 90 days", "redemption rate", "discount cost by funder: total", "Top guides by commission",
                    "sleeping rate", "members to wake up first", "why: CHURN_LEVEL_", "HTML report: " + html);
            for (int m = 1; m <= 12; m++) {
                assertThat(report).contains(String.format("  2026-%02d ", m));
            }
        }

        @Test
        void is_the_same_on_a_second_run_and_so_is_the_html() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Path second = dir.resolve("second.html");
            StoreYear.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), second);
            assertThat(bytes.toString(StandardCharsets.UTF_8).replace(second.toString(), html.toString()))
                    .isEqualTo(report);
            assertThat(Files.readString(second)).isEqualTo(Files.readString(html));
        }

        @Test
        void writes_html_with_three_inline_svg_charts_and_nothing_from_the_network() throws IOException {
            String page = Files.readString(html);
            assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg id=\"tiers\"", "<svg id=\"gmv\"",
                    "<svg id=\"churn\"", "<polyline");
            assertThat(page).doesNotContain("<script", "src=", "href=", "@import", "url(");
        }
    }

    @Nested
    class Tiers_and_points {

        @Test
        void every_member_joined_and_the_tier_counts_sum_to_the_members() {
            assertThat(year.demo().profiles()).hasSize(StoreYear.MEMBERS);
            assertThat(year.tierCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(StoreYear.MEMBERS);
            assertThat(year.tierCounts().values()).filteredOn(n -> n > 0).hasSizeGreaterThanOrEqualTo(4);
        }

        @Test
        void every_account_conserves_points() {
            for (MemberId member : year.demo().profiles().keySet()) {
                PointsAccount account = year.demo().ledger().account(member);
                assertThat(account.balance()).as(member.value()).isEqualTo(account.totals().net()).isNotNegative();
            }
            assertThat(year.demo().counts()).containsKeys("purchases", "refunds", "redemptions");
        }
    }

    @Nested
    class Tags {

        @Test
        void each_member_is_in_exactly_one_spend_band_and_consent_only_narrows_an_audience() {
            int bands = 0;
            for (String band : List.of("spend-low", "spend-mid", "spend-high")) {
                bands += year.audiences().get(TagId.of(band))[0];
            }
            assertThat(bands).isEqualTo(StoreYear.MEMBERS);
            year.audiences().forEach((tag, n) -> assertThat(n[1]).as(tag.value()).isBetween(0, n[0]));
            assertThat(year.audiences().get(StoreYear.BIRTHDAY)[0]).isPositive();
            assertThat(report).contains("why: M").contains("spend-high: ");
        }
    }

    @Nested
    class Coupons {

        @Test
        void some_are_issued_and_redeemed_and_never_more_redeemed_than_issued() {
            assertThat(year.issued()).hasSize(2);
            year.issued().forEach((template, n) -> {
                assertThat(n).isPositive();
                assertThat(year.redeemed().getOrDefault(template, 0)).isPositive().isLessThanOrEqualTo(n);
            });
        }

        @Test
        void discounts_never_exceed_the_eligible_amount_of_a_line_or_a_basket() {
            Map<OrderId, Map<Integer, Money>> used = new HashMap<>();
            Money discounts = Money.zero(Money.CNY);
            for (StoreYear.CouponUse use : year.couponUses()) {
                Money shares = Money.zero(Money.CNY);
                for (LineShare share : use.shares()) {
                    assertThat(share.amount().isNegative()).isFalse();
                    shares = shares.plus(share.amount());
                    Money onLine = used.computeIfAbsent(use.order(), o -> new HashMap<>())
                            .merge(share.lineNo(), share.amount(), Money::plus);
                    assertThat(onLine.compareTo(use.lineNetBefore().get(share.lineNo()))).as(use.order().value())
                            .isLessThanOrEqualTo(0);
                }
                assertThat(shares).isEqualTo(use.discount());
                discounts = discounts.plus(use.discount());
            }
            assertThat(discounts.isPositive()).isTrue();
            assertThat(year.discountGiven()).isEqualTo(discounts);
            assertThat(year.discountTotal().compareTo(discounts)).isLessThanOrEqualTo(0);
            assertThat(year.discountTotal().isPositive()).isTrue();
        }

        @Test
        void the_mall_and_the_counters_fund_every_discount_exactly() {
            assertThat(year.mallFunded().plus(year.counterFunded())).isEqualTo(year.discountTotal());
            for (FundingEntry e : year.funding()) {
                assertThat(e.mallFunded().plus(e.counterFunded())).isEqualTo(e.discount());
            }
            assertThat(year.counterFunded().isPositive()).isTrue();
        }
    }

    @Nested
    class Commission {

        @Test
        void payouts_and_what_is_carried_sum_to_the_commission_of_the_orders_after_refunds() {
            long owed = year.commissions().values().stream().mapToLong(OrderCommission::totalMinor).sum();
            long paid = 0;
            for (Map.Entry<GuideId, List<Statement>> e : year.statements().entrySet()) {
                for (Statement s : e.getValue()) {
                    assertThat(s.lines().stream().map(l -> l.amount()).reduce(Money.zero(Money.CNY), Money::plus))
                            .isEqualTo(s.payout());
                    paid += s.payout().minor();
                }
                paid += e.getValue().get(e.getValue().size() - 1).carriedOut().minor();
            }
            assertThat(owed).isPositive();
            assertThat(paid).isEqualTo(owed);
            assertThat(year.paidTotal().minor()).isLessThanOrEqualTo(owed);
        }

        @Test
        void every_guide_is_settled_for_every_month_of_the_year() {
            assertThat(year.statements()).hasSize(StoreYear.STORES * StoreYear.GUIDES_PER_STORE);
            year.statements().values().forEach(s -> assertThat(s.get(s.size() - 1).period().toString()).isEqualTo("2026-12"));
        }
    }

    @Nested
    class Churn {

        @Test
        void every_buyer_has_a_level_and_the_levels_sum_to_the_buyers() {
            assertThat(year.levels().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(year.scores().size());
            assertThat(year.scores().size()).isBetween(StoreYear.MEMBERS * 9 / 10, StoreYear.MEMBERS);
            assertThat(year.levels().get(ChurnLevel.SLEEPING) + year.levels().get(ChurnLevel.LOST)).isPositive();
        }

        @Test
        void the_members_to_wake_are_at_risk_or_sleeping_and_explain_why() {
            assertThat(year.toWake(5)).hasSize(5).allSatisfy(s -> {
                assertThat(s.level()).isIn(ChurnLevel.AT_RISK, ChurnLevel.SLEEPING);
                assertThat(s.explanation().facts()).containsKeys("level", "decidedBy");
            });
        }
    }

    @Test
    void monthly_gmv_sums_to_the_net_of_every_order() {
        assertThat(year.months()).hasSize(12);
        assertThat(year.months().stream().mapToInt(StoreYear.Month::orders).sum())
                .isEqualTo(year.demo().counts().get("purchases")).isEqualTo(year.orders().size());
        assertThat(year.gmv()).isEqualTo(year.orders().values().stream().map(o -> o.net())
                .reduce(Money.zero(Money.CNY), Money::plus));
        // every order pays its net exactly, coupons included
        year.orders().values().forEach(o -> assertThat(o.tenders().stream().map(t -> t.amount())
                .reduce(Money.zero(Money.CNY), Money::plus)).as(o.id().value()).isEqualTo(o.net()));
    }
}
