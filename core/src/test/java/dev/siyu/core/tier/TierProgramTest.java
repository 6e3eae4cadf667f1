package dev.siyu.core.tier;

import static dev.siyu.core.tier.TierFixtures.BASIC;
import static dev.siyu.core.tier.TierFixtures.DIAMOND;
import static dev.siyu.core.tier.TierFixtures.GOLD;
import static dev.siyu.core.tier.TierFixtures.PLATINUM;
import static dev.siyu.core.tier.TierFixtures.SILVER;
import static dev.siyu.core.tier.TierFixtures.ladder;
import static dev.siyu.core.tier.TierFixtures.member;
import static dev.siyu.core.tier.TierFixtures.noon;
import static dev.siyu.core.tier.TierFixtures.op;
import static dev.siyu.core.tier.TierFixtures.order;
import static dev.siyu.core.tier.TierFixtures.refund;
import static dev.siyu.core.tier.TierFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.event.Events;
import dev.siyu.core.event.TierChanged;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.WriteResult;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TierProgramTest {

    private final TierProgram rolling = ladder(QualificationWindow.rollingMonths(12), Period.ZERO,
            DowngradeRule.ONE_TIER).build();

    private TierStatus enrolled(TierProgram program, String joinedOn) {
        return program.enroll(member(joinedOn), noon(joinedOn)).status();
    }

    private TierResult recordAll(TierProgram program, TierStatus status, QualifyingActivity... activity) {
        TierResult result = null;
        for (QualifyingActivity a : activity) {
            result = program.record(result == null ? status : result.status(), a, a.at());
        }
        return result;
    }

    @Nested
    class Enrolment {

        @Test
        void a_new_member_starts_at_the_lowest_tier_with_an_enrolled_event() {
            TierResult result = rolling.enroll(member("2025-01-10"), noon("2025-01-10"));

            assertThat(result.status().tier()).isEqualTo(BASIC);
            assertThat(result.status().version()).isEqualTo(1);
            assertThat(result.events()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(TierChanged.Kind.ENROLLED);
                assertThat(e.from()).isEmpty();
                assertThat(e.to()).isEqualTo(BASIC);
                assertThat(e.explanation().code()).isEqualTo("TIER_ENROLLED");
            });
        }

        @Test
        void a_member_migrated_with_history_starts_at_the_tier_it_earns_and_its_operations_are_recorded() {
            QualifyingActivity old = order("2025-02-01", 6_000);
            TierResult result = rolling.enroll(member("2024-05-01"), noon("2025-03-01"), List.of(old));

            assertThat(result.status().tier()).isEqualTo(GOLD);
            assertThat(result.events().get(0).explanation().fact("value")).contains("CNY 6000.00");
            TierResult replay = rolling.record(result.status(), old, noon("2025-03-02"));
            assertThat(replay.replayed()).isTrue();
            assertThat(replay.status()).isSameAs(result.status());
        }
    }

    @Nested
    class Upgrades {

        @Test
        void an_order_reaching_a_threshold_upgrades_at_once_and_explains_the_deciding_values() {
            TierStatus status = enrolled(rolling, "2025-01-10");

            TierResult result = rolling.record(status, order("2025-03-01", 6_000), noon("2025-03-01"));

            assertThat(result.status().tier()).isEqualTo(GOLD);
            assertThat(result.status().since()).isEqualTo(noon("2025-03-01"));
            assertThat(result.status().version()).isEqualTo(2);
            TierChanged event = result.events().get(0);
            assertThat(event.kind()).isEqualTo(TierChanged.Kind.UPGRADED);
            assertThat(event.from()).contains(BASIC);
            assertThat(event.to()).isEqualTo(GOLD);
            assertThat(event.explanation().code()).isEqualTo("TIER_UPGRADED");
            assertThat(event.explanation().facts())
                    .containsEntry("metric", "SPEND")
                    .containsEntry("windowStart", "2024-03-02")
                    .containsEntry("windowEnd", "2025-03-01")
                    .containsEntry("value", "CNY 6000.00")
                    .containsEntry("threshold", "CNY 5000.00")
                    .containsEntry("nextTier", "PLATINUM");
        }

        @Test
        void orders_add_up_within_the_window() {
            TierStatus status = enrolled(rolling, "2025-01-10");

            TierResult first = rolling.record(status, order("2025-03-01", 600), noon("2025-03-01"));
            TierResult second = rolling.record(first.status(), order("2025-04-01", 500), noon("2025-04-01"));

            assertThat(first.events()).isEmpty();
            assertThat(first.status().tier()).isEqualTo(BASIC);
            assertThat(second.status().tier()).isEqualTo(SILVER);
        }

        @Test
        void a_large_order_skips_tiers() {
            TierResult result = rolling.record(enrolled(rolling, "2025-01-10"), order("2025-03-01", 25_000),
                    noon("2025-03-01"));

            assertThat(result.status().tier()).isEqualTo(PLATINUM);
        }

        @Test
        void qualification_reaching_only_the_retention_threshold_does_not_upgrade() {
            TierResult result = rolling.record(enrolled(rolling, "2025-01-10"), order("2025-03-01", 4_000),
                    noon("2025-03-01"));

            assertThat(result.status().tier()).isEqualTo(SILVER);
        }
    }

    @Nested
    class RollingWindows {

        @Test
        void a_365_day_window_spans_the_year_boundary_and_lets_old_spend_fall_out() {
            TierProgram program = ladder(QualificationWindow.rollingDays(365), Period.ZERO, DowngradeRule.ONE_TIER)
                    .build();
            TierResult result = recordAll(program, enrolled(program, "2024-06-01"),
                    order("2024-12-31", 3_000), order("2025-06-01", 2_500));

            assertThat(result.status().tier()).isEqualTo(GOLD);
            Qualification atYearEnd = program.qualify(result.status(), noon("2025-12-30"));
            assertThat(atYearEnd.windowStart()).isEqualTo(LocalDate.of(2024, 12, 31));
            assertThat(atYearEnd.value()).isEqualTo(yuan(5_500).minor());
            Qualification dayAfter = program.qualify(result.status(), noon("2025-12-31"));
            assertThat(dayAfter.windowStart()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(dayAfter.value()).isEqualTo(yuan(2_500).minor());
            assertThat(dayAfter.tier()).isEqualTo(SILVER);
        }

        @Test
        void a_12_month_window_counts_a_leap_day_until_28_february_of_the_next_year() {
            TierResult result = recordAll(rolling, enrolled(rolling, "2024-01-01"), order("2024-02-29", 1_200));

            assertThat(rolling.qualify(result.status(), noon("2025-02-28")).value()).isEqualTo(yuan(1_200).minor());
            assertThat(rolling.qualify(result.status(), noon("2025-02-28")).windowStart())
                    .isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(rolling.qualify(result.status(), noon("2025-03-01")).value()).isZero();
            assertThat(rolling.earnedTier(result.status(), noon("2025-03-01"))).isEqualTo(BASIC);
        }

        @Test
        void business_dates_are_read_in_shanghai_time() {
            TierProgram program = ladder(QualificationWindow.calendarYear(), Period.ZERO, DowngradeRule.ONE_TIER)
                    .build();
            Instant newYearShanghai = Instant.parse("2024-12-31T17:00:00Z"); // 01:00 on 1 January in Shanghai
            TierResult result = program.record(enrolled(program, "2024-06-01"),
                    QualifyingActivity.order(op("o-ny"), newYearShanghai, yuan(1_500), 0), newYearShanghai);

            Qualification q = program.qualify(result.status(), newYearShanghai);
            assertThat(q.windowStart()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(q.value()).isEqualTo(yuan(1_500).minor());
            assertThat(program.qualify(result.status(), Instant.parse("2024-12-31T15:59:00Z")).value()).isZero();
        }
    }

    @Nested
    class CalendarYears {

        private final TierProgram program = ladder(QualificationWindow.calendarYear(), Period.ZERO,
                DowngradeRule.ONE_TIER).build();

        @Test
        void the_window_restarts_on_1_january() {
            TierResult result = recordAll(program, enrolled(program, "2024-03-01"), order("2024-12-31", 6_000));

            assertThat(program.qualify(result.status(), noon("2024-12-31")).value()).isEqualTo(yuan(6_000).minor());
            Qualification next = program.qualify(result.status(), noon("2025-01-01"));
            assertThat(next.windowStart()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(next.value()).isZero();
        }

        @Test
        void a_tier_earned_in_one_year_holds_through_the_next_and_drops_when_that_year_is_short() {
            TierStatus gold = recordAll(program, enrolled(program, "2024-03-01"), order("2024-06-30", 6_000)).status();

            TierResult midNextYear = program.evaluate(gold, op("eval-2025-06-30"), noon("2025-06-30"));
            assertThat(midNextYear.status().tier()).isEqualTo(GOLD);
            assertThat(midNextYear.outcome().explanation().code()).isEqualTo("TIER_RETAINED");
            assertThat(midNextYear.outcome().explanation().facts())
                    .containsEntry("windowStart", "2024-01-01")
                    .containsEntry("windowEnd", "2024-12-31")
                    .containsEntry("value", "CNY 6000.00");

            TierResult yearAfter = program.evaluate(midNextYear.status(), op("eval-2026-01-01"), noon("2026-01-01"));
            assertThat(yearAfter.status().tier()).isEqualTo(SILVER);
            assertThat(yearAfter.events()).singleElement()
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(TierChanged.Kind.DOWNGRADED));
        }

        @Test
        void a_leap_year_is_counted_to_31_december() {
            TierResult result = recordAll(program, enrolled(program, "2024-01-01"),
                    order("2024-02-29", 700), order("2024-12-31", 400));

            Qualification q = program.qualify(result.status(), noon("2024-12-31"));
            assertThat(q.windowStart()).isEqualTo(LocalDate.of(2024, 1, 1));
            assertThat(q.tier()).isEqualTo(SILVER);
        }
    }

    @Nested
    class AnniversaryYears {

        private final TierProgram program = ladder(QualificationWindow.anniversaryYear(), Period.ZERO,
                DowngradeRule.ONE_TIER).build();

        @Test
        void a_member_who_joined_on_29_february_starts_the_year_on_28_february_in_common_years() {
            TierResult result = recordAll(program, enrolled(program, "2024-02-29"),
                    order("2025-02-27", 1_000), order("2025-02-28", 600));

            Qualification lastDay = program.qualify(result.status(), noon("2025-02-27"));
            assertThat(lastDay.windowStart()).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(lastDay.value()).isEqualTo(yuan(1_000).minor());
            Qualification newYear = program.qualify(result.status(), noon("2025-02-28"));
            assertThat(newYear.windowStart()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(newYear.value()).isEqualTo(yuan(600).minor());
            assertThat(program.qualify(result.status(), noon("2028-03-01")).windowStart())
                    .isEqualTo(LocalDate.of(2028, 2, 29));
        }

        @Test
        void retention_looks_at_the_previous_membership_year() {
            TierStatus gold = recordAll(program, enrolled(program, "2024-09-15"), order("2025-09-01", 6_000)).status();

            TierResult kept = program.evaluate(gold, op("e1"), noon("2026-09-14"));
            assertThat(kept.status().tier()).isEqualTo(GOLD);
            // the current year (from 2025-09-15) is empty; the previous one holds the 6000
            assertThat(kept.outcome().explanation().facts())
                    .containsEntry("windowStart", "2024-09-15")
                    .containsEntry("windowEnd", "2025-09-14")
                    .containsEntry("value", "CNY 6000.00");

            TierResult dropped = program.evaluate(kept.status(), op("e2"), noon("2026-09-15"));
            assertThat(dropped.status().tier()).isEqualTo(SILVER);
        }
    }

    @Nested
    class RetentionAndGrace {

        private final TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ofDays(30),
                DowngradeRule.ONE_TIER).build();

        private TierStatus goldSince(String date) {
            return recordAll(program, enrolled(program, "2024-01-01"), order(date, 6_000)).status();
        }

        @Test
        void a_member_above_retention_but_below_qualification_keeps_the_tier() {
            TierStatus status = recordAll(program, goldSinceRefunded(), order("2024-12-01", 3_200)).status();

            TierResult result = program.evaluate(status, op("e"), noon("2025-03-01"));

            assertThat(result.status().tier()).isEqualTo(GOLD);
            assertThat(result.status().graceEndsOn()).isEmpty();
            assertThat(result.outcome().explanation().facts()).containsEntry("retention", "CNY 3000.00")
                    .containsEntry("value", "CNY 3200.00");
        }

        private TierStatus goldSinceRefunded() {
            QualifyingActivity big = order("2024-01-15", 6_000);
            TierStatus gold = recordAll(program, enrolled(program, "2024-01-01"), big).status();
            return program.record(gold, refund(big, "2024-01-20", 6_000), noon("2024-01-20")).status();
        }

        @Test
        void a_member_below_retention_keeps_the_tier_until_the_grace_period_ends() {
            TierStatus gold = goldSince("2024-02-01");

            TierResult started = program.evaluate(gold, op("e1"), noon("2025-02-01"));
            assertThat(started.status().tier()).isEqualTo(GOLD);
            assertThat(started.status().graceEndsOn()).contains(LocalDate.of(2025, 3, 3));
            assertThat(started.outcome().explanation().code()).isEqualTo("GRACE_STARTED");
            assertThat(started.events()).isEmpty();

            TierResult lastDay = program.evaluate(started.status(), op("e2"), noon("2025-03-02"));
            assertThat(lastDay.status().tier()).isEqualTo(GOLD);
            assertThat(lastDay.outcome().explanation().code()).isEqualTo("IN_GRACE");

            TierResult ended = program.evaluate(lastDay.status(), op("e3"), noon("2025-03-03"));
            assertThat(ended.status().tier()).isEqualTo(SILVER);
            assertThat(ended.status().graceEndsOn()).isEmpty();
            TierChanged event = ended.events().get(0);
            assertThat(event.kind()).isEqualTo(TierChanged.Kind.DOWNGRADED);
            assertThat(event.explanation().facts())
                    .containsEntry("graceEndsOn", "2025-03-03")
                    .containsEntry("retention", "CNY 3000.00")
                    .containsEntry("value", "CNY 0.00")
                    .containsEntry("downgradeRule", "ONE_TIER");
        }

        @Test
        void spending_back_above_retention_during_grace_clears_it() {
            TierResult started = program.evaluate(goldSince("2024-02-01"), op("e1"), noon("2025-02-01"));
            TierStatus spent = program.record(started.status(), order("2025-02-10", 3_100), noon("2025-02-10"))
                    .status();
            assertThat(spent.graceEndsOn()).isPresent();

            TierResult cleared = program.evaluate(spent, op("e2"), noon("2025-02-11"));

            assertThat(cleared.outcome().explanation().code()).isEqualTo("GRACE_CLEARED");
            assertThat(cleared.status().graceEndsOn()).isEmpty();
            assertThat(program.evaluate(cleared.status(), op("e3"), noon("2025-04-01")).status().tier())
                    .isEqualTo(GOLD);
        }

        @Test
        void one_tier_down_drops_a_step_while_to_supported_drops_to_what_the_activity_keeps() {
            TierProgram oneTier = ladder(QualificationWindow.rollingMonths(12), Period.ZERO, DowngradeRule.ONE_TIER)
                    .build();
            TierProgram supported = ladder(QualificationWindow.rollingMonths(12), Period.ZERO,
                    DowngradeRule.TO_SUPPORTED).build();
            List<QualifyingActivity> history = List.of(order("2024-01-10", 25_000), order("2024-12-01", 900));

            TierStatus a = oneTier.enroll(member("2024-01-01"), noon("2024-12-02"), history).status();
            TierStatus b = supported.enroll(member("2024-01-01"), noon("2024-12-02"), history).status();
            assertThat(a.tier()).isEqualTo(PLATINUM);

            assertThat(oneTier.evaluate(a, op("e"), noon("2025-01-15")).status().tier()).isEqualTo(GOLD);
            assertThat(supported.evaluate(b, op("e"), noon("2025-01-15")).status().tier()).isEqualTo(SILVER);
            assertThat(supported.evaluate(b, op("e"), noon("2025-12-15")).status().tier()).isEqualTo(BASIC);
        }

        @Test
        void one_tier_down_starts_a_new_grace_period_for_the_lower_tier() {
            TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ofDays(10),
                    DowngradeRule.ONE_TIER).build();
            TierStatus platinum = recordAll(program, enrolled(program, "2024-01-01"), order("2024-01-10", 25_000))
                    .status();

            TierStatus s = program.evaluate(platinum, op("e1"), noon("2025-02-01")).status();
            s = program.evaluate(s, op("e2"), noon("2025-02-11")).status();
            assertThat(s.tier()).isEqualTo(GOLD);
            assertThat(s.graceEndsOn()).isEmpty();
            s = program.evaluate(s, op("e3"), noon("2025-02-12")).status();
            assertThat(s.tier()).isEqualTo(GOLD);
            assertThat(s.graceEndsOn()).contains(LocalDate.of(2025, 2, 22));
        }
    }

    @Nested
    class Refunds {

        @Test
        void a_refund_lowers_the_value_but_the_tier_only_at_the_next_evaluation() {
            QualifyingActivity big = order("2025-03-01", 6_000);
            TierStatus gold = recordAll(rolling, enrolled(rolling, "2025-01-10"), big).status();

            TierResult refunded = rolling.record(gold, refund(big, "2025-03-05", 3_500), noon("2025-03-05"));

            assertThat(refunded.outcome().isApplied()).isTrue();
            assertThat(refunded.status().tier()).isEqualTo(GOLD);
            assertThat(refunded.events()).isEmpty();
            assertThat(refunded.outcome().explanation().code()).isEqualTo("REFUND_RECORDED_DOWNGRADE_AT_EVALUATION");
            assertThat(rolling.qualify(refunded.status(), noon("2025-03-05")).value()).isEqualTo(yuan(2_500).minor());

            TierResult evaluated = rolling.evaluate(refunded.status(), op("eval"), noon("2025-03-06"));
            assertThat(evaluated.status().tier()).isEqualTo(SILVER);
            assertThat(evaluated.events().get(0).explanation().facts()).containsEntry("value", "CNY 2500.00");
        }

        @Test
        void a_refund_counts_on_the_date_of_the_order_it_returns() {
            TierProgram program = ladder(QualificationWindow.calendarYear(), Period.ZERO, DowngradeRule.ONE_TIER)
                    .build();
            QualifyingActivity december = order("2024-12-20", 6_000);
            TierStatus status = recordAll(program, enrolled(program, "2024-01-01"), december,
                    order("2025-01-03", 1_200)).status();

            status = program.record(status, refund(december, "2025-01-05", 6_000), noon("2025-01-05")).status();

            assertThat(program.qualify(status, noon("2025-01-05")).value()).isEqualTo(yuan(1_200).minor());
            assertThat(program.evaluate(status, op("e"), noon("2025-01-06")).status().tier()).isEqualTo(SILVER);
        }

        @Test
        void a_whole_order_refund_removes_the_order_from_the_count() {
            TierProgram byOrders = TierProgram.builder().metric(Metric.ORDER_COUNT)
                    .tier(Tier.of(BASIC, "普卡", 0))
                    .tier(Tier.of(SILVER, "银卡", 2))
                    .build();
            QualifyingActivity first = order("2025-01-02", 10);
            TierStatus silver = recordAll(byOrders, enrolled(byOrders, "2025-01-01"), first,
                    order("2025-01-03", 10)).status();
            assertThat(silver.tier()).isEqualTo(SILVER);

            TierStatus partial = byOrders.record(silver, refund(first, "2025-01-04", 5), noon("2025-01-04")).status();
            assertThat(byOrders.qualify(partial, noon("2025-01-04")).value()).isEqualTo(2);
            TierStatus whole = byOrders.record(partial, QualifyingActivity.refund(op("r-whole"), first.countsAt(),
                    noon("2025-01-05"), yuan(5), 5, true), noon("2025-01-05")).status();
            assertThat(byOrders.qualify(whole, noon("2025-01-05")).value()).isEqualTo(1);
            assertThat(whole.tier()).isEqualTo(SILVER);
        }
    }

    @Nested
    class PointsSpent {

        @Test
        void a_qualifying_fact_has_no_field_for_points_spent_or_a_balance() {
            assertThat(Arrays.stream(QualifyingActivity.class.getRecordComponents()).map(RecordComponent::getName))
                    .containsExactly("operation", "kind", "countsAt", "at", "spend", "pointsEarned", "orders");
        }

        @Test
        void paying_an_order_with_points_qualifies_exactly_like_paying_cash() {
            Order cash = order("o-cash", List.of(Tender.of(TenderType.CARD, yuan(6_000))));
            Order points = order("o-points", List.of(Tender.of(TenderType.CARD, yuan(1_000)),
                    Tender.points(500_000, yuan(5_000))));

            TierStatus start = enrolled(rolling, "2025-01-01");
            TierResult paidCash = rolling.record(start, QualifyingActivity.of(cash, 6_000), noon("2025-03-01"));
            TierResult paidPoints = rolling.record(start, QualifyingActivity.of(points, 6_000), noon("2025-03-01"));

            assertThat(paidPoints.status().tier()).isEqualTo(paidCash.status().tier()).isEqualTo(GOLD);
            assertThat(rolling.qualify(paidPoints.status(), noon("2025-03-01")))
                    .isEqualTo(rolling.qualify(paidCash.status(), noon("2025-03-01")));
        }

        private Order order(String id, List<Tender> tenders) {
            OrderLine line = OrderLine.of(1, StoreId.of("S1"), BrandId.of("B1"), CategoryId.of("C1"), SkuId.of("K1"),
                    1, yuan(6_000));
            return new Order(OrderId.of(id), MemberId.of("M1"), noon("2025-03-01"), StoreId.of("S1"),
                    SalesChannel.STORE, List.of(line), tenders);
        }
    }

    @Nested
    class Overrides {

        @Test
        void an_override_holds_through_its_date_then_the_earned_tier_applies_again() {
            TierStatus silver = recordAll(rolling, enrolled(rolling, "2025-01-01"), order("2025-01-05", 1_500))
                    .status();

            TierResult set = rolling.override(silver, op("ov-1"), DIAMOND, LocalDate.of(2025, 6, 30), "VIP launch",
                    noon("2025-02-01"));
            assertThat(set.status().tier()).isEqualTo(DIAMOND);
            assertThat(set.status().earnedTier()).isEqualTo(SILVER);
            assertThat(set.events()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(TierChanged.Kind.OVERRIDDEN);
                assertThat(e.explanation().facts()).containsEntry("until", "2025-06-30")
                        .containsEntry("reason", "VIP launch");
            });

            TierResult lastDay = rolling.evaluate(set.status(), op("e1"), noon("2025-06-30"));
            assertThat(lastDay.status().tier()).isEqualTo(DIAMOND);
            assertThat(lastDay.events()).isEmpty();

            TierResult expired = rolling.evaluate(lastDay.status(), op("e2"), noon("2025-07-01"));
            assertThat(expired.status().tier()).isEqualTo(SILVER);
            assertThat(expired.status().override()).isEmpty();
            assertThat(expired.events()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(TierChanged.Kind.OVERRIDE_EXPIRED);
                assertThat(e.from()).contains(DIAMOND);
                assertThat(e.explanation().code()).isEqualTo("TIER_OVERRIDE_EXPIRED");
            });
        }

        @Test
        void the_earned_tier_keeps_following_the_rules_under_an_override() {
            TierStatus status = rolling.override(enrolled(rolling, "2025-01-01"), op("ov"), SILVER,
                    LocalDate.of(2025, 3, 31), "complaint", noon("2025-01-02")).status();

            TierResult upgraded = rolling.record(status, order("2025-02-01", 6_000), noon("2025-02-01"));
            assertThat(upgraded.status().tier()).isEqualTo(SILVER);
            assertThat(upgraded.status().earnedTier()).isEqualTo(GOLD);
            assertThat(upgraded.events()).isEmpty();

            TierResult after = rolling.record(upgraded.status(), order("2025-04-01", 10), noon("2025-04-01"));
            assertThat(after.status().tier()).isEqualTo(GOLD);
            assertThat(after.events().get(0).kind()).isEqualTo(TierChanged.Kind.OVERRIDE_EXPIRED);
        }

        @Test
        void clearing_an_override_returns_to_the_earned_tier() {
            TierStatus status = rolling.override(enrolled(rolling, "2025-01-01"), op("ov"), GOLD,
                    LocalDate.of(2025, 3, 31), "goodwill", noon("2025-01-02")).status();

            TierResult cleared = rolling.clearOverride(status, op("clear"), noon("2025-01-03"));

            assertThat(cleared.status().tier()).isEqualTo(BASIC);
            assertThat(cleared.events().get(0).kind()).isEqualTo(TierChanged.Kind.OVERRIDE_EXPIRED);
        }

        @Test
        void an_override_naming_an_unknown_tier_is_refused_naming_the_tier() {
            TierStatus status = enrolled(rolling, "2025-01-01");

            assertThatThrownBy(() -> rolling.override(status, op("ov"), TierId.of("VIP"), LocalDate.of(2025, 3, 31),
                    "x", noon("2025-01-02")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tier must be one of [BASIC, SILVER, GOLD, PLATINUM, DIAMOND]: VIP");
            assertThat(status.isApplied(op("ov"))).isFalse();
            assertThat(status.version()).isEqualTo(1);
        }

        @Test
        void an_override_ending_before_today_or_without_a_reason_is_a_caller_error() {
            TierStatus status = enrolled(rolling, "2025-01-01");

            assertThatThrownBy(() -> rolling.override(status, op("ov"), GOLD, LocalDate.of(2025, 1, 1), "x",
                    noon("2025-01-02")))
                    .hasMessage("until must be on or after 2025-01-02, the business date of asOf: 2025-01-01");
            assertThatThrownBy(() -> rolling.override(status, op("ov"), GOLD, LocalDate.of(2025, 2, 1), " ",
                    noon("2025-01-02")))
                    .hasMessage("reason must not be blank: ' '");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void replaying_an_activity_changes_nothing_and_returns_the_recorded_outcome() {
            QualifyingActivity big = order("2025-03-01", 6_000);
            TierResult first = rolling.record(enrolled(rolling, "2025-01-01"), big, noon("2025-03-01"));

            TierResult replay = rolling.record(first.status(), big, noon("2025-03-02"));

            assertThat(replay.replayed()).isTrue();
            assertThat(replay.status()).isSameAs(first.status());
            assertThat(replay.events()).isEmpty();
            assertThat(replay.outcome()).isEqualTo(first.outcome().asRecorded());
            assertThat(rolling.qualify(replay.status(), noon("2025-03-02")).value()).isEqualTo(yuan(6_000).minor());
        }

        @Test
        void the_same_operation_with_another_payload_is_a_conflict() {
            TierResult first = rolling.record(enrolled(rolling, "2025-01-01"),
                    QualifyingActivity.order(op("o-1"), noon("2025-03-01"), yuan(100), 100), noon("2025-03-01"));

            TierResult conflict = rolling.record(first.status(),
                    QualifyingActivity.order(op("o-1"), noon("2025-03-01"), yuan(9_000), 100), noon("2025-03-01"));

            assertThat(conflict.outcome()).isInstanceOfSatisfying(TierOutcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(TierOutcome.Reason.OPERATION_CONFLICT));
            assertThat(conflict.status()).isSameAs(first.status());
            assertThat(conflict.events()).isEmpty();
            TierResult reusedForEvaluation = rolling.evaluate(first.status(), op("o-1"), noon("2025-03-02"));
            assertThat(reusedForEvaluation.outcome().isApplied()).isFalse();
        }

        @Test
        void an_evaluation_replayed_later_is_not_applied_again() {
            TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ZERO, DowngradeRule.ONE_TIER)
                    .build();
            TierStatus gold = recordAll(program, enrolled(program, "2024-01-01"), order("2024-02-01", 6_000)).status();
            TierResult evaluated = program.evaluate(gold, op("eval-2025-01-01"), noon("2025-01-01"));

            TierResult replay = program.evaluate(evaluated.status(), op("eval-2025-01-01"), noon("2025-03-01"));

            assertThat(replay.replayed()).isTrue();
            assertThat(replay.status()).isSameAs(evaluated.status());
            assertThat(replay.status().tier()).isEqualTo(GOLD);
        }

        @Test
        void a_command_dated_before_the_last_decision_is_rejected() {
            TierStatus status = rolling.record(enrolled(rolling, "2025-01-01"), order("2025-03-01", 100),
                    noon("2025-03-01")).status();

            TierResult late = rolling.evaluate(status, op("e"), noon("2025-02-01"));

            assertThat(late.outcome()).isInstanceOfSatisfying(TierOutcome.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(TierOutcome.Reason.AS_OF_BEFORE_LAST_DECISION));
            assertThat(late.status()).isSameAs(status);
        }
    }

    @Nested
    class Snapshots {

        private TierStatus busy() {
            TierProgram program = rolling;
            QualifyingActivity big = order("2025-03-01", 6_000);
            TierStatus s = recordAll(program, enrolled(program, "2024-02-29"), order("2025-02-01", 300), big).status();
            s = program.record(s, refund(big, "2025-03-05", 4_000), noon("2025-03-05")).status();
            s = program.override(s, op("ov"), PLATINUM, LocalDate.of(2025, 12, 31), "store opening", noon("2025-03-06"))
                    .status();
            return program.evaluate(s, op("eval-1"), noon("2025-03-07")).status();
        }

        @Test
        void a_status_survives_a_json_round_trip_and_behaves_the_same_after_restore() {
            TierStatus original = busy();
            String json = SiyuJson.write(original.snapshot());

            TierSnapshot read = SiyuJson.read(json, TierSnapshot.class);
            TierStatus restored = rolling.restore(read);

            assertThat(read).isEqualTo(original.snapshot());
            assertThat(restored.snapshot()).isEqualTo(original.snapshot());
            assertThat(restored.tier()).isEqualTo(PLATINUM);
            assertThat(restored.earnedTier()).isEqualTo(SILVER);
            assertThat(rolling.qualify(restored, noon("2025-03-07"))).isEqualTo(rolling.qualify(original, noon("2025-03-07")));
            assertThat(rolling.record(restored, QualifyingActivity.order(op("order-x"), noon("2025-03-08"), yuan(1), 1),
                    noon("2025-03-08")).status().snapshot().facts())
                    .hasSize(original.activityCount() + 1);
            TierResult replay = rolling.evaluate(restored, op("eval-1"), noon("2025-04-01"));
            assertThat(replay.replayed()).isTrue();
            assertThat(replay.outcome()).isEqualTo(rolling.evaluate(original, op("eval-1"), noon("2025-04-01")).outcome());
            assertThat(rolling.override(restored, op("ov"), GOLD, LocalDate.of(2025, 12, 31), "store opening",
                    noon("2025-04-01")).outcome().isApplied()).isFalse();
        }

        @Test
        void a_snapshot_naming_a_tier_off_the_ladder_is_refused() {
            TierSnapshot snapshot = busy().snapshot();
            TierSnapshot foreign = new TierSnapshot(snapshot.member(), snapshot.joinedOn(), snapshot.version(),
                    TierId.of("VIP"), Optional.empty(), Optional.empty(), snapshot.since(), snapshot.lastDecisionAt(),
                    snapshot.facts(), snapshot.operations());

            assertThatThrownBy(() -> rolling.restore(foreign))
                    .hasMessage("snapshot earnedTier must be one of [BASIC, SILVER, GOLD, PLATINUM, DIAMOND]: VIP");
        }
    }

    @Nested
    class CallerErrors {

        @Test
        void activity_in_another_currency_is_refused_naming_both() {
            TierStatus status = enrolled(rolling, "2025-01-01");
            QualifyingActivity usd = QualifyingActivity.order(op("o"), noon("2025-02-01"),
                    Money.ofMinor(1_000, java.util.Currency.getInstance("USD")), 10);

            assertThatThrownBy(() -> rolling.record(status, usd, noon("2025-02-01")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("activity spend currency must be CNY: USD 10.00");
            assertThat(status.activityCount()).isZero();
        }

        @Test
        void activity_after_as_of_is_refused() {
            TierStatus status = enrolled(rolling, "2025-01-01");

            assertThatThrownBy(() -> rolling.record(status, order("2025-02-02", 10), noon("2025-02-01")))
                    .hasMessageStartingWith("activity at must be <= asOf 2025-02-01T04:00:00Z");
        }

        @Test
        void negative_amounts_are_refused_naming_the_field_and_value() {
            assertThatThrownBy(() -> QualifyingActivity.order(op("o"), noon("2025-01-01"), yuan(-5), 0))
                    .hasMessage("spend must be >= 0 for an order: CNY -5.00");
            assertThatThrownBy(() -> QualifyingActivity.order(op("o"), noon("2025-01-01"), yuan(5), -1))
                    .hasMessage("pointsEarned must be >= 0 for an order: -1");
            assertThatThrownBy(() -> QualifyingActivity.refund(op("r"), noon("2025-01-01"), noon("2025-01-02"),
                    yuan(-5), 0, false))
                    .hasMessage("refunded must be >= 0: CNY -5.00");
            assertThatThrownBy(() -> QualifyingActivity.refund(op("r"), noon("2025-01-03"), noon("2025-01-02"),
                    yuan(5), 0, false))
                    .hasMessageStartingWith("countsAt must be <= at");
        }

        @Test
        void benefits_of_an_unknown_tier_are_refused() {
            assertThatThrownBy(() -> rolling.benefits(TierId.of("NOPE")))
                    .hasMessageStartingWith("tier must be one of");
        }
    }

    @Nested
    class TierChangedEvents {

        @Test
        void a_tier_changed_event_round_trips_through_json_with_its_explanation() {
            TierChanged event = rolling.record(enrolled(rolling, "2025-01-01"), order("2025-03-01", 6_000),
                    noon("2025-03-01")).events().get(0);

            assertThat(Events.membershipFromJson(Events.toJson(event))).isEqualTo(event);
        }

        @Test
        void a_host_keeps_statuses_in_a_versioned_store_and_writes_each_applied_command_once() {
            InMemoryVersionedStore<MemberId, TierStatus> store = new InMemoryVersionedStore<>();
            TierResult enrolled = rolling.enroll(member("2025-01-01"), noon("2025-01-01"));
            MemberId m = enrolled.status().member();
            assertThat(store.write(m, 0, enrolled.status(), op("enrol-M1"))).isEqualTo(WriteResult.WRITTEN);

            QualifyingActivity big = order("2025-03-01", 6_000);
            for (int attempt = 0; attempt < 2; attempt++) {
                Versioned<TierStatus> current = store.load(m).orElseThrow();
                TierResult result = rolling.record(current.value(), big, noon("2025-03-01"));
                if (!result.replayed() && result.outcome().isApplied()) {
                    assertThat(store.write(m, current.version(), result.status(), big.operation()))
                            .isEqualTo(WriteResult.WRITTEN);
                }
            }

            Versioned<TierStatus> stored = store.load(m).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.value().tier()).isEqualTo(GOLD);
            assertThat(stored.value().activityCount()).isEqualTo(1);
        }

        @Test
        void an_applied_command_without_a_move_emits_nothing_but_still_explains() {
            TierResult result = rolling.record(enrolled(rolling, "2025-01-01"), order("2025-03-01", 10),
                    noon("2025-03-01"));

            assertThat(result.events()).isEmpty();
            assertThat(result.outcome().explanation().code()).isEqualTo("NO_HIGHER_TIER_EARNED");
            assertThat(result.outcome().explanation().fact("nextThreshold")).isEqualTo(Optional.of("CNY 1000.00"));
        }
    }
}
