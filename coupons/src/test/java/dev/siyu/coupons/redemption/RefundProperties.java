package dev.siyu.coupons.redemption;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.coupons.CouponGenerators;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.Basket;
import dev.siyu.coupons.checkout.Checkout;
import dev.siyu.coupons.checkout.Offer;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.RefundPolicy;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.CouponId;
import dev.siyu.testkit.order.OrderGenerators;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Failure mode F8: refunds reverse stored shares; a full return refunds exactly what was paid. */
class RefundProperties {

    record Case(CouponTemplate template, Basket basket, List<Long> refundSeeds, boolean complete) {
    }

    static Case scenario(RandomGenerator r) {
        Benefit benefit = switch (r.nextInt(3)) {
            case 0 -> Benefit.AmountOff.over(Money.cnyMinor(1 + r.nextLong(100_000)), Money.cnyMinor(1 + r.nextLong(20_000)));
            case 1 -> new Benefit.PercentOff(BigDecimal.valueOf(1 + r.nextInt(50)),
                    Optional.of(Money.cnyMinor(1 + r.nextLong(100_000))), Optional.empty(), Money.CNY);
            default -> new Benefit.NoThreshold(Money.cnyMinor(1 + r.nextLong(20_000)));
        };
        RefundPolicy policy = new RefundPolicy(r.nextBoolean(),
                r.nextBoolean() ? RefundPolicy.ThresholdPolicy.CLAW_BACK : RefundPolicy.ThresholdPolicy.KEEP_DISCOUNT);
        CouponTemplate t = CouponTemplate.builder(CouponTemplateId.of("T"), benefit)
                .validity(Validity.between(CouponGenerators.FROM, CouponGenerators.UNTIL, CouponGenerators.ZONE))
                .refunds(policy).build();
        return new Case(t, CouponGenerators.basket(r, 6), List.of(r.nextLong()), r.nextBoolean());
    }

    @Test
    void refunds_never_exceed_what_was_paid_and_a_full_return_gives_back_exactly_that() {
        qt().withExamples(300).forAll(gen(RefundProperties::scenario)).checkAssert(c -> {
            MemberId m = CouponGenerators.MEMBER;
            CouponLedger ledger = new CouponLedger(List.of(c.template()), new InMemoryVersionedStore<>(),
                    new InMemoryVersionedStore<>());
            ledger.issue(OperationId.of("issue"), m, CouponId.of("c"), c.template().id(), CouponGenerators.FROM);
            var coupon = ledger.wallet(m).coupon(CouponId.of("c")).orElseThrow().coupon();
            Offer offer = Checkout.of(List.of(c.template()), 1).best(List.of(coupon), c.basket());
            if (offer.applied().isEmpty()) {
                return;
            }
            AppliedCoupon applied = offer.applied().get(0);
            Map<Integer, Money> byLine = offer.discountByLine();
            List<OrderLine> lines = new ArrayList<>();
            for (OrderLine l : c.basket().lines()) {
                lines.add(l.withDiscount(l.lineDiscount().plus(byLine.getOrDefault(l.lineNo(), Money.zero(Money.CNY)))));
            }
            Money net = lines.stream().map(OrderLine::net).reduce(Money.zero(Money.CNY), Money::plus);
            Order order = new Order(OrderId.of("O"), m, c.basket().asOf(), lines.get(0).store(), SalesChannel.STORE,
                    lines, net.isPositive() ? List.of(Tender.of(TenderType.CARD, net)) : List.of());
            assertThat(ledger.redeem(OperationId.of("pay"), m, order.id(), applied, c.basket().asOf()).outcome()
                    .succeeded()).isTrue();
            List<Refund> refunds = OrderGenerators.refunds(new java.util.Random(c.refundSeeds().get(0)), order,
                    c.complete());
            long due = 0;
            long paid = 0;
            long reversed = 0;
            Map<Integer, Integer> returned = new HashMap<>();
            for (Refund refund : refunds) {
                OperationId op = OperationId.of("refund-" + refund.id());
                CouponResult r = ledger.refund(op, m, coupon.id(), order, refund);
                assertThat(r.outcome()).isInstanceOf(CouponOutcome.Applied.class);
                Explanation e = ((CouponOutcome.Applied) r.outcome()).explanation();
                due += Money.parse(e.fact("refundDue").orElseThrow()).minor();
                reversed += Money.parse(e.fact("reversed").orElseThrow()).minor();
                for (var line : refund.lines()) {
                    OrderLine sold = order.line(line.lineNo()).orElseThrow();
                    paid += sold.netForUnits(returned.getOrDefault(line.lineNo(), 0), line.quantity()).minor();
                    returned.merge(line.lineNo(), line.quantity(), Integer::sum);
                }
                assertThat(due).isBetween(0L, paid);
                assertThat(reversed).isBetween(0L, applied.discount().minor());
                assertThat(ledger.refund(op, m, coupon.id(), order, refund).outcome())
                        .isInstanceOf(CouponOutcome.Duplicate.class);
                assertThat(ledger.usage(c.template().id()).spent().isNegative()).isFalse();
            }
            if (c.complete()) {
                assertThat(due).isEqualTo(order.net().minor());
                assertThat(reversed).isEqualTo(applied.discount().minor());
                assertThat(ledger.usage(c.template().id()).spent()).isEqualTo(Money.zero(Money.CNY));
                assertThat(ledger.wallet(m).coupon(coupon.id()).orElseThrow().used())
                        .isEqualTo(!c.template().refunds().restoreOnFullReturn());
            }
        });
    }
}
