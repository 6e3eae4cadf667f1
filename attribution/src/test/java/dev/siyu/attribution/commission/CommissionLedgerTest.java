package dev.siyu.attribution.commission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.RejectReason;
import dev.siyu.attribution.event.CommissionClawedBack;
import dev.siyu.attribution.event.PendingCommissionForfeited;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommissionLedgerTest {

    static final GuideId G = GuideId.of("G1");
    static final MemberId M = MemberId.of("M1");
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);

    static Instant at(String date) {
        return Instant.parse(date + "T04:00:00Z");
    }

    static Accrual accrual(String order, YearMonth period, String amount) {
        return new Accrual(G, M, OrderId.of(order), period.atDay(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                period, period.atDay(17), Money.cny(amount), Money.cny(amount).times(20), 1);
    }

    static Clawback clawback(String order, YearMonth period, String refundDate, String amount) {
        return new Clawback(G, M, OrderId.of(order), RefundId.of(order + "-R"), at(refundDate), period,
                Money.cny(amount), Money.cny(amount).times(20), Explanation.of("TEST"));
    }

    static OperationId op(String s) {
        return OperationId.of(s);
    }

    final CommissionLedger ledger = CommissionLedger.of(CommissionPlan.builder().returnWindowDays(7).build());

    @Nested
    class FreezeAndSettlement {
        @Test
        void a_month_cannot_be_settled_until_its_return_window_closes() {
            GuideLedger l = ledger.accrue(ledger.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            LedgerResult early = ledger.settle(l, MARCH, at("2026-04-06"), op("s1"));
            assertThat(early.outcome()).isInstanceOf(Outcome.Rejected.class);
            assertThat(((Outcome.Rejected) early.outcome()).reason()).isEqualTo(RejectReason.RETURN_WINDOW_OPEN);
            assertThat(early.ledger().frozen()).isEqualTo(Money.cny("30.00"));
            LedgerResult settled = ledger.settle(early.ledger(), MARCH, at("2026-04-07"), op("s2"));
            assertThat(settled.outcome().isApplied()).isTrue();
            assertThat(settled.statement().orElseThrow().payout()).isEqualTo(Money.cny("30.00"));
            assertThat(settled.ledger().open()).isEmpty();
            assertThat(settled.ledger().rememberedOperations()).isEqualTo(1);
        }

        @Test
        void a_later_month_waits_for_the_earlier_one() {
            GuideLedger l = ledger.accrue(ledger.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            l = ledger.accrue(l, accrual("O2", APRIL, "10.00"), op("a2")).ledger();
            LedgerResult r = ledger.settle(l, APRIL, at("2026-06-01"), op("s"));
            assertThat(((Outcome.Rejected) r.outcome()).reason()).isEqualTo(RejectReason.EARLIER_PERIOD_OPEN);
        }

        @Test
        void an_accrual_replayed_is_booked_once() {
            GuideLedger l = ledger.accrue(ledger.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            LedgerResult again = ledger.accrue(l, accrual("O1", MARCH, "30.00"), op("a1"));
            assertThat(again.outcome()).isInstanceOf(Outcome.Duplicate.class);
            assertThat(again.ledger()).isSameAs(l);
            assertThat(ledger.accrue(l, accrual("O1", MARCH, "31.00"), op("a1")).outcome())
                    .isInstanceOf(Outcome.Conflict.class);
        }
    }

    @Nested
    class Clawbacks {
        @Test
        void a_refund_before_settlement_reduces_the_frozen_amount() {
            GuideLedger l = ledger.accrue(ledger.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            LedgerResult r = ledger.clawback(l, clawback("O1", MARCH, "2026-03-12", "12.00"), op("c1"));
            assertThat(((CommissionClawedBack) r.events().get(0)).afterSettlement()).isFalse();
            Statement s = ledger.settle(r.ledger(), MARCH, at("2026-04-07"), op("s")).statement().orElseThrow();
            assertThat(s.lines()).extracting(StatementLine::code).containsExactly("ACCRUED", "REFUNDED");
            assertThat(s.payout()).isEqualTo(Money.cny("18.00"));
        }

        @Test
        void a_refund_after_payout_is_a_negative_entry_carried_until_earned_back() {
            GuideLedger l = ledger.accrue(ledger.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            l = ledger.settle(l, MARCH, at("2026-04-07"), op("s3")).ledger();
            LedgerResult back = ledger.clawback(l, clawback("O1", MARCH, "2026-04-20", "30.00"), op("c1"));
            CommissionClawedBack event = (CommissionClawedBack) back.events().get(0);
            assertThat(event.afterSettlement()).isTrue();
            assertThat(event.bookedIn()).isEqualTo(APRIL);
            l = ledger.accrue(back.ledger(), accrual("O2", APRIL, "10.00"), op("a2")).ledger();
            LedgerResult april = ledger.settle(l, APRIL, at("2026-05-07"), op("s4"));
            Statement s = april.statement().orElseThrow();
            assertThat(s.payout()).isEqualTo(Money.zero(Money.CNY));
            assertThat(s.carriedOut()).isEqualTo(Money.cny("-20.00"));
            assertThat(s.lines()).extracting(StatementLine::code)
                    .containsExactly("ACCRUED", "CLAWBACK_AFTER_SETTLEMENT", "CARRIED_OUT");
            l = ledger.accrue(april.ledger(), accrual("O3", YearMonth.of(2026, 5), "50.00"), op("a3")).ledger();
            Statement may = ledger.settle(l, YearMonth.of(2026, 5), at("2026-06-07"), op("s5")).statement().orElseThrow();
            assertThat(may.lines()).extracting(StatementLine::code).containsExactly("ACCRUED", "CARRIED_IN");
            assertThat(may.payout()).isEqualTo(Money.cny("30.00"));
        }
    }

    @Nested
    class CapsMinimumsAndTiers {
        @Test
        void a_payout_below_the_minimum_is_carried_and_the_cap_limits_the_month() {
            CommissionLedger capped = CommissionLedger.of(CommissionPlan.builder().minimumPayout(Money.cny("50.00"))
                    .monthlyCap(Money.cny("100.00")).build());
            GuideLedger l = capped.accrue(capped.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            Statement march = capped.settle(l, MARCH, at("2026-04-07"), op("s")).statement().orElseThrow();
            assertThat(march.payout().isZero()).isTrue();
            assertThat(march.carriedOut()).isEqualTo(Money.cny("30.00"));
            l = capped.settle(l, MARCH, at("2026-04-07"), op("s")).ledger();
            l = capped.accrue(l, accrual("O2", APRIL, "150.00"), op("a2")).ledger();
            Statement april = capped.settle(l, APRIL, at("2026-05-07"), op("s2")).statement().orElseThrow();
            assertThat(april.lines()).extracting(StatementLine::code).containsExactly("ACCRUED", "CAP", "CARRIED_IN");
            assertThat(april.payout()).isEqualTo(Money.cny("130.00"));
        }

        @Test
        void the_tier_bonus_is_paid_on_the_months_credited_net() {
            CommissionLedger tiered = CommissionLedger.of(CommissionPlan.fromJson(CommissionPlanTest.PLAN));
            GuideLedger l = tiered.accrue(tiered.open(G), new Accrual(G, M, OrderId.of("O1"), at("2026-03-10"), MARCH,
                    LocalDate.of(2026, 3, 17), Money.cny("100.00"), Money.cny("60000.00"), 1),
                    op("a1")).ledger();
            Statement s = tiered.settle(l, MARCH, at("2026-04-07"), op("s")).statement().orElseThrow();
            assertThat(s.lines().get(1).code()).isEqualTo("TIER_BONUS");
            assertThat(s.lines().get(1).amount()).isEqualTo(Money.cny("50.00")); // 0.5% of 10,000 above 50,000
            assertThat(s.payout()).isEqualTo(Money.cny("150.00"));
        }
    }

    @Nested
    class Departure {
        @Test
        void forfeiting_writes_off_frozen_commission_and_later_refunds_do_not_charge_the_leaver() {
            CommissionLedger forfeit = CommissionLedger.of(CommissionPlan.builder()
                    .pendingOnDeparture(PendingOnDeparture.FORFEIT).build());
            GuideLedger l = forfeit.accrue(forfeit.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            LedgerResult gone = forfeit.depart(l, at("2026-03-20"), op("d"));
            assertThat(gone.events()).singleElement().isInstanceOf(PendingCommissionForfeited.class);
            l = forfeit.clawback(gone.ledger(), clawback("O1", MARCH, "2026-03-21", "10.00"), op("c")).ledger();
            Statement s = forfeit.settle(l, MARCH, at("2026-04-07"), op("s")).statement().orElseThrow();
            assertThat(s.payout().isZero()).isTrue();
            assertThat(s.carriedOut().isZero()).isTrue();
            assertThat(s.lines()).extracting(StatementLine::code).containsExactly("ACCRUED", "REFUNDED", "FORFEITED");
        }

        @Test
        void keeping_pays_the_leaver_when_the_month_closes() {
            GuideLedger l = ledger.accrue(ledger.open(G), accrual("O1", MARCH, "30.00"), op("a1")).ledger();
            LedgerResult gone = ledger.depart(l, at("2026-03-20"), op("d"));
            assertThat(gone.events()).isEmpty();
            assertThat(ledger.settle(gone.ledger(), MARCH, at("2026-04-07"), op("s")).statement().orElseThrow().payout())
                    .isEqualTo(Money.cny("30.00"));
        }
    }
}
