package dev.siyu.coupons.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.coupons.template.RefundPolicy;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.event.CouponEvent;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Limits;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CouponLedgerTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final MemberId ANN = MemberId.of("ann");
    static final MemberId BOB = MemberId.of("bob");

    static CouponTemplate tenOff(Limits limits) {
        return CouponTemplate.builder(CouponTemplateId.of("ten"), new Benefit.NoThreshold(Money.cny("10")))
                .validity(Validity.daysAfterIssue(7, ZONE)).limits(limits).build();
    }

    static OperationId op(String s) {
        return OperationId.of(s);
    }

    static AppliedCoupon use(Coupon coupon, String amount) {
        return new AppliedCoupon(coupon, Money.cny(amount), List.of(new LineShare(1, Money.cny(amount))));
    }

    final InMemoryVersionedStore<MemberId, MemberCoupons> wallets = new InMemoryVersionedStore<>();
    final InMemoryVersionedStore<CouponTemplateId, TemplateUsage> usage = new InMemoryVersionedStore<>();

    CouponLedger ledger(CouponTemplate... templates) {
        return new CouponLedger(List.of(templates), wallets, usage);
    }

    Coupon issued(CouponLedger ledger, MemberId member, String id) {
        assertThat(ledger.issue(op("issue-" + id), member, CouponId.of(id), CouponTemplateId.of("ten"), T0).outcome())
                .isInstanceOf(CouponOutcome.Applied.class);
        return ledger.wallet(member).coupon(CouponId.of(id)).orElseThrow().coupon();
    }

    @Nested
    class Issuance {
        @Test
        void issues_with_a_window_ending_at_midnight_in_the_mall_zone() {
            CouponLedger ledger = ledger(tenOff(Limits.none()));
            CouponResult r = ledger.issue(op("i1"), ANN, CouponId.of("c1"), CouponTemplateId.of("ten"), T0);
            assertThat(r.events()).singleElement().isInstanceOf(CouponEvent.CouponIssued.class);
            // issued 10:00 Shanghai on 20 Nov, 7 days: valid until 27 Nov 00:00 Shanghai = 26 Nov 16:00 UTC
            assertThat(ledger.wallet(ANN).coupon(CouponId.of("c1")).orElseThrow().coupon().validUntil())
                    .isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        }

        @Test
        void refuses_beyond_the_per_member_and_total_limits_with_the_reason() {
            CouponLedger ledger = ledger(tenOff(new Limits(1, 2, 0, Optional.empty())));
            issued(ledger, ANN, "a1");
            CouponResult again = ledger.issue(op("i2"), ANN, CouponId.of("a2"), CouponTemplateId.of("ten"), T0);
            assertThat(((CouponOutcome.Rejected) again.outcome()).reason())
                    .isEqualTo(CouponOutcome.Reason.MEMBER_LIMIT_REACHED);
            issued(ledger, BOB, "b1");
            CouponResult third = ledger.issue(op("i3"), MemberId.of("cy"), CouponId.of("c1"),
                    CouponTemplateId.of("ten"), T0);
            assertThat(((CouponOutcome.Rejected) third.outcome()).reason())
                    .isEqualTo(CouponOutcome.Reason.ISSUE_LIMIT_REACHED);
            assertThat(ledger.usage(CouponTemplateId.of("ten")).issued()).isEqualTo(2);
        }

        @Test
        void a_replay_is_a_duplicate_and_another_payload_a_conflict() {
            CouponLedger ledger = ledger(tenOff(Limits.none()));
            issued(ledger, ANN, "a1");
            assertThat(ledger.issue(op("issue-a1"), ANN, CouponId.of("a1"), CouponTemplateId.of("ten"), T0).outcome())
                    .isInstanceOf(CouponOutcome.Duplicate.class);
            assertThat(ledger.issue(op("other"), ANN, CouponId.of("a1"), CouponTemplateId.of("ten"), T0).outcome())
                    .isInstanceOf(CouponOutcome.Conflict.class);
            assertThat(ledger.usage(CouponTemplateId.of("ten")).issued()).isEqualTo(1);
        }

        @Test
        void an_unknown_template_is_a_caller_error() {
            CouponLedger ledger = ledger(tenOff(Limits.none()));
            assertThatThrownBy(() -> ledger.issue(op("x"), ANN, CouponId.of("a"), CouponTemplateId.of("nope"), T0))
                    .hasMessage("template must be known to this ledger: nope");
        }
    }

    @Nested
    class Reservation_lifecycle {
        @Test
        void reserve_then_commit_uses_the_coupon_once() {
            CouponLedger ledger = ledger(tenOff(Limits.none()));
            Coupon c = issued(ledger, ANN, "a1");
            assertThat(ledger.reserve(op("o1"), ANN, OrderId.of("O1"), use(c, "10"), T0, T0.plusSeconds(60)).outcome())
                    .isInstanceOf(CouponOutcome.Applied.class);
            assertThat(ledger.wallet(ANN).usableAt(T0)).isEmpty();
            CouponResult committed = ledger.commit(op("o1"), ANN, c.id(), T0.plusSeconds(5));
            assertThat(committed.events()).singleElement().isInstanceOf(CouponEvent.CouponRedeemed.class);
            assertThat(ledger.commit(op("o1"), ANN, c.id(), T0.plusSeconds(6)).outcome())
                    .isInstanceOf(CouponOutcome.Duplicate.class);
            CouponResult again = ledger.reserve(op("o2"), ANN, OrderId.of("O2"), use(c, "10"), T0.plusSeconds(7),
                    T0.plusSeconds(60));
            assertThat(((CouponOutcome.Rejected) again.outcome()).reason()).isEqualTo(CouponOutcome.Reason.ALREADY_USED);
            TemplateUsage u = ledger.usage(CouponTemplateId.of("ten"));
            assertThat(u.redeemed()).isEqualTo(1);
            assertThat(u.spent()).isEqualTo(Money.cny("10"));
            assertThat(u.holds()).isEmpty();
        }

        @Test
        void release_makes_the_coupon_usable_again() {
            CouponLedger ledger = ledger(tenOff(new Limits(0, 0, 1, Optional.empty())));
            Coupon c = issued(ledger, ANN, "a1");
            ledger.reserve(op("o1"), ANN, OrderId.of("O1"), use(c, "10"), T0, T0.plusSeconds(60));
            assertThat(ledger.release(op("o1"), ANN, c.id(), T0.plusSeconds(1)).outcome())
                    .isInstanceOf(CouponOutcome.Applied.class);
            assertThat(ledger.release(op("o1"), ANN, c.id(), T0.plusSeconds(2)).outcome())
                    .isInstanceOf(CouponOutcome.Duplicate.class);
            assertThat(ledger.usage(CouponTemplateId.of("ten")).redemptionsAt(T0.plusSeconds(2))).isZero();
            assertThat(ledger.redeem(op("o2"), ANN, OrderId.of("O2"), use(c, "10"), T0.plusSeconds(3)).outcome())
                    .isInstanceOf(CouponOutcome.Applied.class);
        }

        @Test
        void a_stale_reservation_expires_by_itself() {
            CouponLedger ledger = ledger(tenOff(new Limits(0, 0, 1, Optional.empty())));
            Coupon c = issued(ledger, ANN, "a1");
            ledger.reserve(op("o1"), ANN, OrderId.of("O1"), use(c, "10"), T0, T0.plusSeconds(60));
            assertThat(((CouponOutcome.Rejected) ledger.reserve(op("o2"), ANN, OrderId.of("O2"), use(c, "10"),
                    T0.plusSeconds(30), T0.plusSeconds(90)).outcome()).reason())
                    .isEqualTo(CouponOutcome.Reason.RESERVED_ELSEWHERE);
            assertThat(((CouponOutcome.Rejected) ledger.commit(op("o1"), ANN, c.id(), T0.plusSeconds(60)).outcome())
                    .reason()).isEqualTo(CouponOutcome.Reason.RESERVATION_EXPIRED);
            assertThat(ledger.reserve(op("o2"), ANN, OrderId.of("O2"), use(c, "10"), T0.plusSeconds(61),
                    T0.plusSeconds(120)).outcome()).isInstanceOf(CouponOutcome.Applied.class);
            assertThat(ledger.usage(CouponTemplateId.of("ten")).holds()).containsOnlyKeys(op("o2"));
        }

        @Test
        void the_same_operation_for_another_order_is_a_conflict() {
            CouponLedger ledger = ledger(tenOff(Limits.none()));
            Coupon c = issued(ledger, ANN, "a1");
            ledger.redeem(op("o1"), ANN, OrderId.of("O1"), use(c, "10"), T0);
            assertThat(ledger.redeem(op("o1"), ANN, OrderId.of("O1"), use(c, "10"), T0).outcome())
                    .isInstanceOf(CouponOutcome.Duplicate.class);
            assertThat(ledger.redeem(op("o1"), ANN, OrderId.of("O9"), use(c, "10"), T0).outcome())
                    .isInstanceOf(CouponOutcome.Conflict.class);
        }

        @Test
        void the_budget_is_never_exceeded_and_says_so() {
            CouponLedger ledger = ledger(tenOff(new Limits(0, 0, 0, Optional.of(Money.cny("25")))));
            Coupon a = issued(ledger, ANN, "a1");
            Coupon b = issued(ledger, BOB, "b1");
            Coupon c = issued(ledger, MemberId.of("cy"), "c1");
            assertThat(ledger.redeem(op("1"), ANN, OrderId.of("O1"), use(a, "10"), T0).outcome().succeeded()).isTrue();
            assertThat(ledger.redeem(op("2"), BOB, OrderId.of("O2"), use(b, "10"), T0).outcome().succeeded()).isTrue();
            CouponResult third = ledger.redeem(op("3"), MemberId.of("cy"), OrderId.of("O3"), use(c, "10"), T0);
            assertThat(((CouponOutcome.Rejected) third.outcome()).reason()).isEqualTo(CouponOutcome.Reason.BUDGET_EXHAUSTED);
            assertThat(ledger.redeem(op("4"), MemberId.of("cy"), OrderId.of("O3"), use(c, "5"), T0).outcome()
                    .succeeded()).isTrue();
            assertThat(ledger.usage(CouponTemplateId.of("ten")).spent()).isEqualTo(Money.cny("25"));
        }

        @Test
        void shares_that_do_not_sum_to_the_discount_are_a_caller_error() {
            CouponLedger ledger = ledger(tenOff(Limits.none()));
            Coupon c = issued(ledger, ANN, "a1");
            AppliedCoupon bad = new AppliedCoupon(c, Money.cny("10"), List.of(new LineShare(1, Money.cny("9"))));
            assertThatThrownBy(() -> ledger.redeem(op("o"), ANN, OrderId.of("O"), bad, T0))
                    .hasMessage("applied.shares must sum to the discount CNY 10.00: CNY 9.00");
            assertThat(ledger.usage(CouponTemplateId.of("ten")).holds()).isEmpty();
        }
    }

    @Nested
    class Stored_value_vouchers {
        @Test
        void pay_600_spend_750_over_several_orders() {
            CouponTemplate voucher = CouponTemplate.builder(CouponTemplateId.of("ten"),
                    new Benefit.StoredValue(Money.cny("750"), Money.cny("600"))).validity(Validity.daysAfterIssue(90, ZONE))
                    .build();
            CouponLedger ledger = ledger(voucher);
            Coupon v = issued(ledger, ANN, "v");
            assertThat(v.balance()).isEqualTo(Money.cny("750"));
            assertThat(ledger.redeem(op("1"), ANN, OrderId.of("O1"), use(v, "500"), T0).outcome().succeeded()).isTrue();
            Coupon left = ledger.wallet(ANN).coupon(v.id()).orElseThrow().coupon();
            assertThat(left.balance()).isEqualTo(Money.cny("250"));
            CouponResult over = ledger.redeem(op("2"), ANN, OrderId.of("O2"), use(left, "300"), T0);
            assertThat(((CouponOutcome.Rejected) over.outcome()).reason())
                    .isEqualTo(CouponOutcome.Reason.INSUFFICIENT_BALANCE);
            assertThat(ledger.redeem(op("3"), ANN, OrderId.of("O3"), use(left, "250"), T0).outcome().succeeded()).isTrue();
            assertThat(ledger.wallet(ANN).coupon(v.id()).orElseThrow().used()).isTrue();
        }
    }

    @Nested
    class Refunds_below_the_threshold {
        CouponTemplate fifty(RefundPolicy.ThresholdPolicy policy) {
            return CouponTemplate.builder(CouponTemplateId.of("ten"), Benefit.AmountOff.over(Money.cny("300"),
                    Money.cny("50"))).validity(Validity.daysAfterIssue(7, ZONE))
                    .refunds(new RefundPolicy(false, policy)).build();
        }

        Order order() {
            List<OrderLine> lines = List.of(
                    OrderLine.of(1, StoreId.of("S"), BrandId.of("B"), CategoryId.of("c"), SkuId.of("k1"), 1,
                            Money.cny("200")).withDiscount(Money.cny("25")),
                    OrderLine.of(2, StoreId.of("S"), BrandId.of("B"), CategoryId.of("c"), SkuId.of("k2"), 1,
                            Money.cny("200")).withDiscount(Money.cny("25")));
            return new Order(OrderId.of("O1"), ANN, T0, StoreId.of("S"), SalesChannel.STORE, lines,
                    List.of(Tender.of(TenderType.CARD, Money.cny("350"))));
        }

        String due(CouponResult r) {
            return ((CouponOutcome.Applied) r.outcome()).explanation().fact("refundDue").orElseThrow();
        }

        CouponLedger redeemed(RefundPolicy.ThresholdPolicy policy) {
            CouponLedger ledger = ledger(fifty(policy));
            Coupon c = issued(ledger, ANN, "a1");
            AppliedCoupon applied = new AppliedCoupon(c, Money.cny("50"), List.of(new LineShare(1, Money.cny("25")),
                    new LineShare(2, Money.cny("25"))));
            assertThat(ledger.redeem(op("pay"), ANN, OrderId.of("O1"), applied, T0).outcome().succeeded()).isTrue();
            return ledger;
        }

        Refund refund(String id, int line) {
            return new Refund(RefundId.of(id), OrderId.of("O1"), T0.plusSeconds(3600), List.of(new RefundLine(line, 1)));
        }

        @Test
        void claw_back_takes_the_kept_discount_from_the_refund_and_hands_it_back_with_the_last_return() {
            CouponLedger ledger = redeemed(RefundPolicy.ThresholdPolicy.CLAW_BACK);
            CouponResult first = ledger.refund(op("r1"), ANN, CouponId.of("a1"), order(), refund("R1", 2));
            assertThat(due(first)).isEqualTo("CNY 150.00");
            assertThat(((CouponEvent.CouponRefunded) first.events().get(0)).clawedBack()).isEqualTo(Money.cny("25"));
            CouponResult second = ledger.refund(op("r2"), ANN, CouponId.of("a1"), order(), refund("R2", 1));
            assertThat(due(second)).isEqualTo("CNY 200.00");
            assertThat(ledger.usage(CouponTemplateId.of("ten")).spent()).isEqualTo(Money.cny("0"));
        }

        @Test
        void keep_discount_refunds_each_unit_its_stored_net() {
            CouponLedger ledger = redeemed(RefundPolicy.ThresholdPolicy.KEEP_DISCOUNT);
            assertThat(due(ledger.refund(op("r1"), ANN, CouponId.of("a1"), order(), refund("R1", 2))))
                    .isEqualTo("CNY 175.00");
            assertThat(ledger.usage(CouponTemplateId.of("ten")).spent()).isEqualTo(Money.cny("25"));
        }

        @Test
        void a_refund_of_an_order_the_coupon_was_not_used_on_is_refused() {
            CouponLedger ledger = redeemed(RefundPolicy.ThresholdPolicy.KEEP_DISCOUNT);
            Order other = new Order(OrderId.of("O2"), ANN, T0, StoreId.of("S"), SalesChannel.STORE, order().lines(),
                    order().tenders());
            Refund r = new Refund(RefundId.of("R9"), OrderId.of("O2"), T0, List.of(new RefundLine(1, 1)));
            assertThat(((CouponOutcome.Rejected) ledger.refund(op("r9"), ANN, CouponId.of("a1"), other, r).outcome())
                    .reason()).isEqualTo(CouponOutcome.Reason.NOT_REDEEMED_ON_ORDER);
        }
    }
}
