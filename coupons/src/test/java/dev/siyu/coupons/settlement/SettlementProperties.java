package dev.siyu.coupons.settlement;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.coupons.CouponGenerators;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.Checkout;
import dev.siyu.coupons.checkout.Offer;
import dev.siyu.coupons.event.CouponEvent;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Funding;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import dev.siyu.testkit.order.OrderGenerators;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettlementProperties {

    record Case(int mallPercent, int percent, dev.siyu.coupons.checkout.Basket basket, long seed) {
    }

    @Test
    void mall_and_counter_parts_sum_to_every_share_and_a_full_return_reverses_them_exactly() {
        qt().withExamples(300).forAll(gen(r -> new Case(r.nextInt(101), 1 + r.nextInt(60),
                CouponGenerators.basket(r, 6), r.nextLong()))).checkAssert(c -> {
                    CouponTemplate t = CouponTemplate.builder(CouponTemplateId.of("T"), new Benefit.PercentOff(
                            BigDecimal.valueOf(c.percent()), Optional.empty(), Optional.empty(), Money.CNY))
                            .validity(Validity.between(CouponGenerators.FROM, CouponGenerators.UNTIL, CouponGenerators.ZONE))
                            .funding(new Funding(c.mallPercent())).build();
                    Coupon coupon = new Coupon(CouponId.of("c"), t.id(), CouponGenerators.MEMBER, CouponGenerators.FROM,
                            CouponGenerators.FROM, CouponGenerators.UNTIL, Money.zero(Money.CNY));
                    Offer offer = Checkout.of(List.of(t), 1).best(List.of(coupon), c.basket());
                    if (offer.applied().isEmpty()) {
                        return;
                    }
                    AppliedCoupon a = offer.applied().get(0);
                    List<OrderLine> lines = new ArrayList<>();
                    for (OrderLine l : c.basket().lines()) {
                        lines.add(l.withDiscount(l.lineDiscount().plus(offer.discountByLine()
                                .getOrDefault(l.lineNo(), Money.zero(Money.CNY)))));
                    }
                    Money net = lines.stream().map(OrderLine::net).reduce(Money.zero(Money.CNY), Money::plus);
                    Order order = new Order(OrderId.of("O"), CouponGenerators.MEMBER, c.basket().asOf(),
                            lines.get(0).store(), SalesChannel.STORE, lines,
                            net.isPositive() ? List.of(Tender.of(TenderType.CARD, net)) : List.of());
                    CouponEvent.CouponRedeemed redeemed = new CouponEvent.CouponRedeemed(CouponGenerators.MEMBER,
                            c.basket().asOf(), OperationId.of("pay"), coupon.id(), t.id(), order.id(), a.discount(),
                            a.shares());
                    Settlement settlement = Settlement.of(List.of(t));
                    List<FundingEntry> entries = new ArrayList<>(settlement.funding(redeemed, order));
                    Money funded = entries.stream().map(FundingEntry::discount).reduce(Money.zero(Money.CNY), Money::plus);
                    assertThat(funded).isEqualTo(a.discount());
                    Map<Integer, Integer> returned = new HashMap<>();
                    for (Refund refund : OrderGenerators.refunds(new java.util.Random(c.seed()), order, true)) {
                        entries.addAll(settlement.reversal(redeemed, order, returned, refund));
                        for (RefundLine l : refund.lines()) {
                            returned.merge(l.lineNo(), l.quantity(), Integer::sum);
                        }
                        Map<Integer, long[]> perLine = new HashMap<>();
                        for (FundingEntry e : entries) {
                            long[] sums = perLine.computeIfAbsent(e.lineNo(), k -> new long[2]);
                            sums[0] += e.mallFunded().minor();
                            sums[1] += e.counterFunded().minor();
                        }
                        perLine.values().forEach(s -> assertThat(Math.min(s[0], s[1])).isGreaterThanOrEqualTo(0L));
                    }
                    Map<Integer, long[]> perLine = new HashMap<>();
                    for (FundingEntry e : entries) {
                        long[] sums = perLine.computeIfAbsent(e.lineNo(), k -> new long[2]);
                        sums[0] += e.mallFunded().minor();
                        sums[1] += e.counterFunded().minor();
                    }
                    perLine.values().forEach(s -> assertThat(s).containsExactly(0, 0));
                });
    }

    @Test
    void a_half_funded_cross_counter_campaign_settles_per_counter_and_period() {
        CouponTemplate t = CouponTemplate.builder(CouponTemplateId.of("yoho"), new Benefit.PercentOff(BigDecimal.TEN,
                Optional.of(Money.cny("1000")), Optional.of(Money.cny("300")), Money.CNY))
                .validity(Validity.between(CouponGenerators.FROM, CouponGenerators.UNTIL, CouponGenerators.ZONE))
                .funding(new Funding(50)).build();
        List<OrderLine> lines = List.of(
                OrderLine.of(1, dev.siyu.core.id.StoreId.of("M"), dev.siyu.core.id.BrandId.of("A"),
                        dev.siyu.core.id.CategoryId.of("c"), dev.siyu.core.id.SkuId.of("a"), 1, Money.cny("600.01"))
                        .atCounter(CounterId.of("C1")).withDiscount(Money.cny("60.00")),
                OrderLine.of(2, dev.siyu.core.id.StoreId.of("M"), dev.siyu.core.id.BrandId.of("B"),
                        dev.siyu.core.id.CategoryId.of("c"), dev.siyu.core.id.SkuId.of("b"), 1, Money.cny("500.00"))
                        .atCounter(CounterId.of("C2")).withDiscount(Money.cny("50.00")));
        Instant at = Instant.parse("2026-11-21T03:00:00Z");
        Order order = new Order(OrderId.of("O1"), MemberId.of("M1"), at, dev.siyu.core.id.StoreId.of("M"),
                SalesChannel.STORE, lines, List.of(Tender.of(TenderType.CARD, Money.cny("990.01"))));
        CouponEvent.CouponRedeemed redeemed = new CouponEvent.CouponRedeemed(MemberId.of("M1"), at,
                OperationId.of("pay"), CouponId.of("c"), t.id(), order.id(), Money.cny("110.00"),
                List.of(new dev.siyu.coupons.checkout.LineShare(1, Money.cny("60.00")),
                        new dev.siyu.coupons.checkout.LineShare(2, Money.cny("50.00"))));
        Settlement settlement = Settlement.of(List.of(t));
        List<FundingEntry> entries = new ArrayList<>(settlement.funding(redeemed, order));
        entries.addAll(settlement.reversal(redeemed, order, Map.of(), new Refund(dev.siyu.core.id.RefundId.of("R"),
                order.id(), at.plusSeconds(40 * 86_400), List.of(new RefundLine(2, 1)))));
        Instant nov = Instant.parse("2026-10-31T16:00:00Z");
        Instant dec = Instant.parse("2026-11-30T16:00:00Z");
        SettlementStatement c1 = settlement.statement(CounterId.of("C1"), nov, dec, entries);
        assertThat(c1.mallFunded()).isEqualTo(Money.cny("30.00"));
        assertThat(c1.counterFunded()).isEqualTo(Money.cny("30.00"));
        SettlementStatement c2 = settlement.statement(CounterId.of("C2"), nov, dec, entries);
        assertThat(c2.discount()).isEqualTo(Money.cny("50.00"));
        SettlementStatement c2Next = settlement.statement(CounterId.of("C2"), dec, dec.plusSeconds(31 * 86_400), entries);
        assertThat(c2Next.discount()).isEqualTo(Money.cny("-50.00"));
        assertThat(c2Next.mallFunded()).isEqualTo(Money.cny("-25.00"));
    }
}
