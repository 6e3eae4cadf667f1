package dev.siyu.core.points;

import static dev.siyu.core.points.Fixtures.DAY0;
import static dev.siyu.core.points.Fixtures.MEMBER;
import static dev.siyu.core.points.Fixtures.PROFILE;
import static dev.siyu.core.points.Fixtures.day;
import static dev.siyu.core.points.Fixtures.earn;
import static dev.siyu.core.points.Fixtures.expire;
import static dev.siyu.core.points.Fixtures.line;
import static dev.siyu.core.points.Fixtures.order;
import static dev.siyu.core.points.Fixtures.pay;
import static dev.siyu.core.points.Fixtures.refund;
import static dev.siyu.core.points.Fixtures.reward;
import static dev.siyu.core.points.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.event.PointsEarned;
import dev.siyu.core.event.PointsExpired;
import dev.siyu.core.event.PointsRedeemed;
import dev.siyu.core.event.PointsReturned;
import dev.siyu.core.event.PointsReversed;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PointsEngineTest {

    private static final PointsEngine PLAIN = PointsEngine.of(PointsProgram.builder().build());

    private static long applied(PointsResult result) {
        assertThat(result.outcome()).isInstanceOf(PointsOutcome.Applied.class);
        return ((PointsOutcome.Applied) result.outcome()).balanceChange();
    }

    private static void conserved(PointsAccount account) {
        assertThat(account.balance()).isEqualTo(account.totals().net());
    }

    @Nested
    class Earning {

        @Test
        void earns_one_point_per_yuan_floored() {
            PointsResult r = PLAIN.apply(PointsAccount.empty(MEMBER), earn(order("O1", day(0), line(1, "C", "B", 2, "49.90"))));
            assertThat(applied(r)).isEqualTo(99);
            assertThat(r.account().balance()).isEqualTo(99);
            assertThat(r.events()).singleElement().isInstanceOfSatisfying(PointsEarned.class,
                    e -> assertThat(e.points()).isEqualTo(99));
            conserved(r.account());
        }

        @Test
        void rounds_down_each_line_not_the_total() {
            PointsResult r = PLAIN.apply(PointsAccount.empty(MEMBER),
                    earn(order("O1", day(0), line(1, "C", "B", 1, "10.50"), line(2, "C", "B", 1, "10.50"))));
            assertThat(applied(r)).isEqualTo(20);
            assertThat(((PointsOutcome.Applied) r.outcome()).explanation().fact("rounding")).get().asString()
                    .contains("floor per line");
        }

        @Test
        void multiplies_tier_category_brand_birthday_and_campaign() {
            PointsEngine engine = PointsEngine.of(PointsProgram.builder()
                    .tierMultiplier(TierId.of("GOLD"), new BigDecimal("1.5"))
                    .categoryMultiplier(CategoryId.of("COS"), BigDecimal.valueOf(2))
                    .brandMultiplier(BrandId.of("LUX"), new BigDecimal("1.1"))
                    .birthdayMultiplier(BigDecimal.valueOf(2))
                    .campaign(new PointsProgram.Campaign("SPRING", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15),
                            BigDecimal.valueOf(3)))
                    .build());
            Order o = order("O1", day(0), line(1, "COS", "LUX", 1, "100.00"), line(2, "FOOD", "X", 1, "100.00"));
            var born = PROFILE.withBirthday(MonthDay.of(3, 1));
            PointsResult r = engine.apply(PointsAccount.empty(MEMBER), new PointsCommand.Earn(OperationId.of("e"),
                    o.placedAt(), o, born, Optional.of(TierId.of("GOLD"))));
            // common 1.5 x 2 x 3 = 9; line 1: 100 x 9 x 2 x 1.1 = 1980; line 2: 100 x 9 = 900
            assertThat(applied(r)).isEqualTo(1980 + 900);

            PointsResult outside = engine.apply(PointsAccount.empty(MEMBER),
                    earn(order("O2", day(10), line(1, "FOOD", "X", 1, "100.00"))));
            assertThat(applied(outside)).isEqualTo(100);
        }

        @Test
        void earns_nothing_on_money_paid_with_points() {
            Order o = order("O1", day(0), 1000, "10.00", line(1, "C", "B", 1, "60.00"), line(2, "C", "B", 1, "40.00"));
            assertThat(applied(PLAIN.apply(PointsAccount.empty(MEMBER), earn(o)))).isEqualTo(90);
        }

        @Test
        void caps_points_per_order_and_per_day() {
            PointsEngine engine = PointsEngine.of(PointsProgram.builder().maxPerOrder(60).maxPerDay(100).build());
            PointsResult first = engine.apply(PointsAccount.empty(MEMBER), earn(order("O1", day(0), line(1, "C", "B", 1, "80"))));
            assertThat(applied(first)).isEqualTo(60);
            PointsResult second = engine.apply(first.account(), earn(order("O2", day(0), line(1, "C", "B", 1, "80"))));
            assertThat(applied(second)).isEqualTo(40);
            PointsResult nextDay = engine.apply(second.account(), earn(order("O3", day(1), line(1, "C", "B", 1, "80"))));
            assertThat(applied(nextDay)).isEqualTo(60);
            conserved(nextDay.account());
        }

        @Test
        void refuses_to_earn_twice_on_one_order() {
            Order o = order("O1", day(0), line(1, "C", "B", 1, "10"));
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(o));
            PointsResult again = PLAIN.apply(a, new PointsCommand.Earn(OperationId.of("other"), o.placedAt(), o, PROFILE,
                    Optional.empty()));
            assertThat(again.outcome()).isInstanceOfSatisfying(PointsOutcome.Rejected.class,
                    x -> assertThat(x.reason()).isEqualTo(RejectReason.ORDER_ALREADY_EARNED));
            assertThat(again.account().balance()).isEqualTo(10);
        }
    }

    @Nested
    class Lots {

        private final PointsEngine engine = PointsEngine.of(PointsProgram.builder().pendingDays(7)
                .expiry(ExpiryPolicy.rollingMonths(12)).build());

        @Test
        void stay_pending_until_the_return_window_closes() {
            PointsAccount a = run(engine, PointsAccount.empty(MEMBER), earn(order("O1", day(0), line(1, "C", "B", 1, "50"))));
            assertThat(engine.pending(a, day(6))).isEqualTo(50);
            assertThat(engine.available(a, day(6))).isZero();
            assertThat(engine.available(a, day(7))).isEqualTo(50);
            assertThat(engine.apply(a, reward("r", day(6), 10)).outcome())
                    .isInstanceOfSatisfying(PointsOutcome.Rejected.class,
                            x -> assertThat(x.reason()).isEqualTo(RejectReason.INSUFFICIENT_POINTS));
        }

        @Test
        void credits_of_the_same_dates_share_one_lot_so_busy_accounts_stay_small() {
            PointsAccount a = PointsAccount.empty(MEMBER);
            for (int i = 0; i < 2000; i++) {
                a = run(engine, a, earn(order("O" + i, day(i % 3), line(1, "C", "B", 1, "10"))),
                        reward("r" + i, day(i % 3 + 7), 5));
            }
            // earned per day 6670, 6670, 6660; the 10000 redeemed used up day 0 and 3330 of day 1
            assertThat(a.lots()).extracting(PointsLot::earnedOn, PointsLot::points, PointsLot::remaining).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(DAY0.plusDays(1), 6670L, 3340L),
                    org.assertj.core.groups.Tuple.tuple(DAY0.plusDays(2), 6660L, 6660L));
            assertThat(a.balance()).isEqualTo(2000 * 5);
            assertThat(a.operationCount()).isEqualTo(4000);
            assertThat(a.outcomeOf(OperationId.of("O1234:earn"))).get().isInstanceOf(PointsOutcome.Applied.class);
            conserved(a);
        }

        @Test
        void available_lots_of_one_expiry_merge_into_the_first_keeping_its_sequence_the_earliest_earning_and_the_latest_availability() {
            PointsEngine yearly = PointsEngine.of(PointsProgram.builder().pendingDays(7)
                    .expiry(ExpiryPolicy.endOfNextYear()).build());
            PointsAccount a = run(yearly, PointsAccount.empty(MEMBER),
                    earn(order("O1", day(0), line(1, "C", "B", 1, "50"))),
                    earn(order("O2", day(3), line(1, "C", "B", 1, "30"))));
            assertThat(a.lots()).hasSize(2);
            // on day 10 both are past their pending period: the next command's account holds them as one
            a = run(yearly, a, earn(order("O3", day(10), line(1, "C", "B", 1, "20"))));
            LocalDate expiry = ExpiryPolicy.endOfNextYear().expiresOn(DAY0).orElseThrow();
            assertThat(a.lots()).containsExactly(
                    new PointsLot(1, DAY0, DAY0.plusDays(10), Optional.of(expiry), 80, 80),
                    new PointsLot(3, DAY0.plusDays(10), DAY0.plusDays(17), Optional.of(expiry), 20, 20));
            conserved(a);
        }

        @Test
        void expire_by_each_policy() {
            assertThat(ExpiryPolicy.rollingMonths(12).expiresOn(DAY0)).contains(LocalDate.of(2027, 3, 10));
            assertThat(ExpiryPolicy.endOfNextYear().expiresOn(LocalDate.of(2026, 12, 31))).contains(LocalDate.of(2028, 1, 1));
            assertThat(ExpiryPolicy.fixedDate(LocalDate.of(2026, 6, 30)).expiresOn(DAY0)).contains(LocalDate.of(2026, 6, 30));
            assertThat(ExpiryPolicy.never().expiresOn(DAY0)).isEmpty();
        }

        @Test
        void expiry_reads_the_business_date_in_the_program_zone() {
            // 2026-03-09T23:30 in UTC is 2026-03-10 07:30 in Shanghai.
            var at = java.time.Instant.parse("2026-03-09T23:30:00Z");
            Order o = order("O1", at, line(1, "C", "B", 1, "50"));
            PointsResult r = engine.apply(PointsAccount.empty(MEMBER), earn(o));
            assertThat(r.account().lots().get(0).earnedOn()).isEqualTo(DAY0);
            assertThat(r.account().lots().get(0).expiresOn()).contains(LocalDate.of(2027, 3, 10));
        }

        @Test
        void expire_only_what_is_left_and_report_what_expires_soon() {
            PointsAccount a = run(engine, PointsAccount.empty(MEMBER),
                    earn(order("O1", day(0), line(1, "C", "B", 1, "100"))),
                    earn(order("O2", day(30), line(1, "C", "B", 1, "50"))),
                    reward("r1", day(40), 30));
            var soon = engine.expiringWithin(a, DAY0.plusYears(1).minusDays(5).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant(), 10);
            assertThat(soon).containsExactly(new ExpiringPoints(LocalDate.of(2027, 3, 10), 70));
            PointsResult swept = engine.apply(a, expire(day(365)));
            assertThat(applied(swept)).isEqualTo(-70);
            assertThat(swept.events()).singleElement().isInstanceOfSatisfying(PointsExpired.class,
                    e -> assertThat(e.points()).isEqualTo(70));
            assertThat(swept.account().balance()).isEqualTo(50);
            assertThat(swept.account().totals().redeemed()).isEqualTo(30);
            conserved(swept.account());
        }
    }

    @Nested
    class Redemption {

        private final PointsEngine engine = PointsEngine.of(PointsProgram.builder().redeemRate(100)
                .maxSharePercent(BigDecimal.valueOf(50)).minimumBalance(500).redeemStep(100).build());

        private PointsAccount funded(long yuan) {
            return run(engine, PointsAccount.empty(MEMBER), earn(order("O0", day(0), line(1, "C", "B", 1, yuan + ".00"))));
        }

        @Test
        void pays_part_of_an_order_at_the_rate() {
            PointsResult r = engine.apply(funded(2000), pay("p", day(1), "O9", "100.00", 1000));
            assertThat(applied(r)).isEqualTo(-1000);
            assertThat(((PointsOutcome.Applied) r.outcome()).explanation().fact("value")).contains("CNY 10.00");
            assertThat(r.events()).singleElement().isInstanceOfSatisfying(PointsRedeemed.class,
                    e -> assertThat(e.purpose()).isEqualTo("payment"));
            assertThat(r.account().balance()).isEqualTo(1000);
        }

        @Test
        void refuses_above_the_share_off_step_below_minimum_or_beyond_the_balance() {
            PointsAccount a = funded(2000);
            assertThat(reason(engine.apply(a, pay("p1", day(1), "O9", "100.00", 5100)))).isEqualTo(RejectReason.ABOVE_MAX_SHARE);
            assertThat(reason(engine.apply(a, pay("p2", day(1), "O9", "100.00", 150)))).isEqualTo(RejectReason.NOT_A_MULTIPLE_OF_STEP);
            assertThat(reason(engine.apply(funded(400), reward("r", day(1), 100)))).isEqualTo(RejectReason.BELOW_MINIMUM_BALANCE);
            assertThat(reason(engine.apply(a, reward("r", day(1), 2100)))).isEqualTo(RejectReason.INSUFFICIENT_POINTS);
        }

        @Test
        void a_refusal_changes_no_points_and_is_refused_again_on_replay() {
            PointsAccount a = funded(2000);
            PointsResult refused = engine.apply(a, reward("r", day(1), 2100));
            assertThat(refused.account().balance()).isEqualTo(2000);
            assertThat(refused.account().lots()).isEqualTo(a.lots());
            assertThat(refused.events()).isEmpty();
            PointsAccount richer = run(engine, refused.account(), earn(order("O1", day(1), line(1, "C", "B", 1, "500"))));
            assertThat(engine.apply(richer, reward("r", day(1), 2100)).outcome())
                    .isEqualTo(new PointsOutcome.Duplicate(refused.outcome().asRecorded()));
        }

        @Test
        void consumes_earliest_expiry_first_and_never_expiring_last() {
            PointsEngine forever = PointsEngine.of(PointsProgram.builder().build());
            PointsEngine monthly = PointsEngine.of(PointsProgram.builder().expiry(ExpiryPolicy.rollingMonths(1)).build());
            PointsAccount a = run(forever, PointsAccount.empty(MEMBER), earn(order("O1", day(0), line(1, "C", "B", 1, "100"))));
            a = run(monthly, a, earn(order("O2", day(1), line(1, "C", "B", 1, "100"))));
            a = run(monthly, a, earn(order("O3", day(0), line(1, "C", "B", 1, "100"))));
            PointsResult r = forever.apply(a, reward("r", day(2), 250));
            assertThat(r.account().lots()).extracting(PointsLot::sequence, PointsLot::remaining)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 50L));
            assertThat(((PointsOutcome.Applied) r.outcome()).explanation().fact("lotsUsed")).contains("3:100,2:100,1:50");
        }
    }

    private static RejectReason reason(PointsResult r) {
        assertThat(r.outcome()).isInstanceOf(PointsOutcome.Rejected.class);
        return ((PointsOutcome.Rejected) r.outcome()).reason();
    }

    @Nested
    class Refunds {

        @Test
        void with_a_seven_day_window_refuse_a_refund_on_day_eight_and_change_nothing() {
            PointsEngine week = PointsEngine.of(PLAIN.program().toBuilder().refundWindowDays(7).build());
            Order o = order("O1", day(0), line(1, "C", "B", 2, "50.00"));
            PointsAccount a = run(week, PointsAccount.empty(MEMBER), earn(o));
            assertThat(applied(week.apply(a, refund("R1", o, day(7), 1, 1)))).isEqualTo(-50);
            PointsResult late = week.apply(a, refund("R1", o, day(8), 1, 1));
            assertThat(reason(late)).isEqualTo(RejectReason.REFUND_WINDOW_CLOSED);
            assertThat(late.account().balance()).isEqualTo(a.balance());
            assertThat(late.account().totals()).isEqualTo(a.totals());
            assertThat(late.account().lots()).isEqualTo(a.lots());
            assertThat(late.events()).isEmpty();
            assertThat(week.apply(late.account(), refund("R1", o, day(8), 1, 1)).outcome())
                    .isInstanceOf(PointsOutcome.Duplicate.class);
        }

        @Test
        void with_a_seven_day_window_refuse_an_earn_on_an_order_older_than_the_window_even_a_second_one() {
            PointsEngine week = PointsEngine.of(PLAIN.program().toBuilder().refundWindowDays(7).build());
            Order o = order("O1", day(0), line(1, "C", "B", 2, "50.00"));
            PointsCommand.Earn late = new PointsCommand.Earn(OperationId.of("late"), day(8), o, PROFILE, Optional.empty());
            PointsResult refused = week.apply(PointsAccount.empty(MEMBER), late);
            assertThat(reason(refused)).isEqualTo(RejectReason.EARN_WINDOW_CLOSED);
            assertThat(refused.account().balance()).isZero();
            // earned in time, then the window moves on with later orders: a second earn is still refused
            PointsAccount a = run(week, PointsAccount.empty(MEMBER), earn(o));
            for (int d = 10; d < 40; d += 3) {
                a = run(week, a, earn(order("O-" + d, day(d), line(1, "C", "B", 1, "10.00"))));
            }
            PointsResult again = week.apply(a, new PointsCommand.Earn(OperationId.of("again"), day(40), o, PROFILE,
                    Optional.empty()));
            assertThat(reason(again)).isEqualTo(RejectReason.EARN_WINDOW_CLOSED);
            assertThat(again.account().balance()).isEqualTo(a.balance());
            assertThat(again.events()).isEmpty();
        }

        @Test
        void a_refund_matches_lines_by_number_whatever_sequence_the_host_lists_them_in() {
            Order sold = order("O1", day(0), line(1, "C", "B", 1, "100.00"), line(2, "C", "B", 2, "10.00"));
            Order relisted = new Order(sold.id(), sold.member(), sold.placedAt(), sold.store(), sold.channel(),
                    List.of(sold.lines().get(1), sold.lines().get(0)), sold.tenders());
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(sold));
            PointsResult inOrder = PLAIN.apply(a, refund("R1", sold, day(1), 1, 1));
            PointsResult reordered = PLAIN.apply(a, refund("R1", relisted, day(1), 1, 1));
            assertThat(applied(reordered)).isEqualTo(applied(inOrder)).isEqualTo(-100);
            assertThat(reordered.account().balance()).isEqualTo(inOrder.account().balance());
            // and the other way round: earned on the relisted order, refunded on the original listing
            PointsAccount b = run(PLAIN, PointsAccount.empty(MEMBER), earn(relisted));
            assertThat(applied(PLAIN.apply(b, refund("R2", sold, day(1), 2, 2)))).isEqualTo(-20);
        }

        @Test
        void reverse_earned_points_cumulatively_so_all_steps_sum_to_the_earn() {
            Order o = order("O1", day(0), line(1, "C", "B", 3, "33.34"));
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(o));
            assertThat(a.balance()).isEqualTo(100);
            PointsResult first = PLAIN.apply(a, refund("R1", o, day(1), 1, 1));
            assertThat(applied(first)).isEqualTo(-34);
            PointsResult rest = PLAIN.apply(first.account(), refund("R2", o, day(2), 1, 2));
            assertThat(applied(rest)).isEqualTo(-66);
            assertThat(rest.account().balance()).isZero();
            assertThat(rest.account().totals().reversed()).isEqualTo(100);
            conserved(rest.account());
        }

        @Test
        void return_points_that_paid_for_the_refunded_lines() {
            Order o = order("O1", day(0), 1000, "10.00", line(1, "C", "B", 1, "60.00"), line(2, "C", "B", 1, "40.00"));
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(order("O0", day(0), line(1, "C", "B", 1, "1500"))),
                    pay("O1:pay", day(0), "O1", "100.00", 1000), earn(o));
            assertThat(a.balance()).isEqualTo(1500 - 1000 + 90);
            PointsResult r2 = PLAIN.apply(a, refund("R1", o, day(1), 2, 1));
            assertThat(r2.events()).satisfiesExactly(
                    e -> assertThat(e).isInstanceOfSatisfying(PointsReturned.class, x -> assertThat(x.points()).isEqualTo(400)),
                    e -> assertThat(e).isInstanceOfSatisfying(PointsReversed.class, x -> assertThat(x.points()).isEqualTo(36)));
            PointsResult r1 = PLAIN.apply(r2.account(), refund("R2", o, day(1), 1, 1));
            assertThat(applied(r1)).isEqualTo(600 - 54);
            assertThat(r1.account().balance()).isEqualTo(1500);
            conserved(r1.account());
        }

        @Test
        void under_deny_refuse_a_reversal_the_member_cannot_cover() {
            Order o = order("O1", day(0), line(1, "C", "B", 1, "100"));
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(o), reward("r", day(0), 100));
            PointsResult r = PLAIN.apply(a, refund("R1", o, day(1), 1, 1));
            assertThat(reason(r)).isEqualTo(RejectReason.NEGATIVE_BALANCE_DENIED);
            assertThat(r.account().balance()).isZero();
            assertThat(r.account().totals()).isEqualTo(a.totals());
            assertThat(r.events()).isEmpty();
        }

        @Test
        void under_allow_take_the_balance_negative_and_repay_from_later_earns() {
            PointsEngine engine = PointsEngine.of(PointsProgram.builder().negativeBalance(NegativeBalancePolicy.ALLOW).build());
            Order o = order("O1", day(0), line(1, "C", "B", 1, "100"));
            PointsAccount a = run(engine, PointsAccount.empty(MEMBER), earn(o), reward("r", day(0), 80));
            PointsResult r = engine.apply(a, refund("R1", o, day(1), 1, 1));
            assertThat(r.account().balance()).isEqualTo(-80);
            assertThat(r.events()).singleElement().isEqualTo(new PointsReversed(MEMBER, day(1), OperationId.of("R1"),
                    OrderId.of("O1"), 100, 0));
            PointsAccount later = run(engine, r.account(), earn(order("O2", day(2), line(1, "C", "B", 1, "30"))));
            assertThat(later.balance()).isEqualTo(-50);
            assertThat(later.lots()).isEmpty();
            conserved(later);
        }

        @Test
        void under_clamp_take_what_is_held_and_record_the_rest_as_debt() {
            PointsEngine engine = PointsEngine.of(PointsProgram.builder().negativeBalance(NegativeBalancePolicy.CLAMP).build());
            Order o = order("O1", day(0), line(1, "C", "B", 1, "100"));
            PointsAccount a = run(engine, PointsAccount.empty(MEMBER), earn(o), reward("r", day(0), 80));
            PointsResult r = engine.apply(a, refund("R1", o, day(1), 1, 1));
            assertThat(r.account().balance()).isZero();
            assertThat(r.account().debt()).isEqualTo(80);
            assertThat(r.events()).singleElement().isEqualTo(new PointsReversed(MEMBER, day(1), OperationId.of("R1"),
                    OrderId.of("O1"), 20, 80));
            PointsAccount later = run(engine, r.account(), earn(order("O2", day(2), line(1, "C", "B", 1, "30"))),
                    earn(order("O3", day(2), line(1, "C", "B", 1, "100"))));
            assertThat(later.debt()).isZero();
            assertThat(later.balance()).isEqualTo(50);
            assertThat(later.totals().debtRepaid()).isEqualTo(80);
            conserved(later);
        }

        @Test
        void reject_returning_more_units_than_sold() {
            Order o = order("O1", day(0), line(1, "C", "B", 2, "10"));
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(o), refund("R1", o, day(1), 1, 2));
            assertThatThrownBy(() -> PLAIN.apply(a, refund("R2", o, day(1), 1, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refund quantity of line 1");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void a_replay_returns_the_recorded_outcome_and_changes_nothing() {
            Order o = order("O1", day(0), line(1, "C", "B", 1, "10"));
            PointsResult first = PLAIN.apply(PointsAccount.empty(MEMBER), earn(o));
            PointsResult again = PLAIN.apply(first.account(), earn(o));
            assertThat(again.outcome()).isEqualTo(new PointsOutcome.Duplicate(first.outcome().asRecorded()));
            assertThat(again.account()).isSameAs(first.account());
            assertThat(again.events()).isEmpty();
        }

        @Test
        void the_same_id_with_another_payload_is_a_conflict() {
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(order("O1", day(0), line(1, "C", "B", 1, "100"))),
                    reward("r", day(1), 10));
            PointsResult r = PLAIN.apply(a, reward("r", day(1), 11));
            assertThat(r.outcome()).isInstanceOf(PointsOutcome.Conflict.class);
            assertThat(r.account()).isSameAs(a);
        }

        @Test
        void replaying_a_completed_refund_is_a_duplicate_not_an_over_return() {
            Order o = order("O1", day(0), line(1, "C", "B", 2, "10"));
            PointsAccount a = run(PLAIN, PointsAccount.empty(MEMBER), earn(o), refund("R1", o, day(1), 1, 2));
            assertThat(PLAIN.apply(a, refund("R1", o, day(1), 1, 2)).outcome()).isInstanceOf(PointsOutcome.Duplicate.class);
        }
    }

    @Nested
    class Events {

        @Test
        void every_event_of_a_full_cycle_round_trips_through_json() {
            PointsEngine engine = PointsEngine.of(PointsProgram.builder().expiry(ExpiryPolicy.rollingMonths(1))
                    .negativeBalance(NegativeBalancePolicy.CLAMP).build());
            Order o = order("O1", day(0), 1000, "10.00", line(1, "C", "B", 2, "60.00"));
            PointsAccount a = run(engine, PointsAccount.empty(MEMBER), earn(order("O0", day(0), line(1, "C", "B", 1, "1000"))),
                    pay("O1:pay", day(0), "O1", "120.00", 1000), earn(o), reward("r", day(1), 100));
            List<dev.siyu.core.event.MembershipEvent> events = new java.util.ArrayList<>();
            PointsResult refunded = engine.apply(a, refund("R1", o, day(2), 1, 2));
            events.addAll(refunded.events());
            events.addAll(engine.apply(refunded.account(), expire(day(60))).events());
            assertThat(events).hasAtLeastOneElementOfType(PointsReturned.class).hasAtLeastOneElementOfType(PointsReversed.class)
                    .hasAtLeastOneElementOfType(PointsExpired.class);
            for (var e : events) {
                assertThat(dev.siyu.core.event.Events.membershipFromJson(dev.siyu.core.event.Events.toJson(e))).isEqualTo(e);
            }
            PointsResult earned = engine.apply(PointsAccount.empty(MEMBER), earn(o));
            var e = earned.events().get(0);
            assertThat(dev.siyu.core.event.Events.membershipFromJson(dev.siyu.core.event.Events.toJson(e))).isEqualTo(e);
        }
    }

    @Nested
    class CallerErrors {

        @Test
        void an_order_of_another_member_is_refused_by_exception() {
            Order o = order("O1", day(0), line(1, "C", "B", 1, "10"));
            assertThatThrownBy(() -> PLAIN.apply(PointsAccount.empty(MemberId.of("M2")), earn(o)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("order member must be the account's member M2: M1");
        }

        @Test
        void an_order_in_another_currency_is_refused_naming_both() {
            Currency usd = Currency.getInstance("USD");
            OrderLine l = OrderLine.of(1, Fixtures.STORE, BrandId.of("B"), CategoryId.of("C"), dev.siyu.core.id.SkuId.of("S"),
                    1, Money.ofMinor(1000, usd));
            Order o = new Order(OrderId.of("O1"), MEMBER, day(0), Fixtures.STORE, SalesChannel.STORE, List.of(l),
                    List.of(Tender.of(TenderType.CARD, Money.ofMinor(1000, usd))));
            assertThatThrownBy(() -> PLAIN.apply(PointsAccount.empty(MEMBER), earn(o)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("order currency must be CNY: USD");
        }

        @Test
        void non_positive_points_are_refused_naming_the_value() {
            assertThatThrownBy(() -> reward("r", day(0), -5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("points must be > 0: -5");
            assertThatThrownBy(() -> pay("p", day(0), "O1", "-1.00", 100)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("orderAmount must be >= 0: CNY -1.00");
        }
    }
}
