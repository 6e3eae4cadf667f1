package dev.siyu.coupons.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Limits;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointsExchangeTest {

    static final MemberId ANN = MemberId.of("ann");
    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final CouponTemplateId TWENTY = CouponTemplateId.of("points-20");

    final PointsLedger points = new PointsLedger(PointsEngine.of(PointsProgram.builder().build()),
            new InMemoryVersionedStore<>());
    final CouponLedger coupons = new CouponLedger(List.of(CouponTemplate.builder(TWENTY,
            new Benefit.NoThreshold(Money.cny("20"))).validity(Validity.daysAfterIssue(30, ZoneId.of("Asia/Shanghai")))
            .limits(new Limits(2, 0, 0, Optional.empty())).build()), new InMemoryVersionedStore<>(),
            new InMemoryVersionedStore<>());
    final PointsExchange exchange = new PointsExchange(coupons, points);

    PointsExchangeTest() {
        Order order = new Order(OrderId.of("O1"), ANN, T0.minusSeconds(86_400), StoreId.of("S"), SalesChannel.STORE,
                List.of(OrderLine.of(1, StoreId.of("S"), BrandId.of("B"), CategoryId.of("c"), SkuId.of("k"), 1,
                        Money.cny("500"))), List.of(Tender.of(TenderType.CARD, Money.cny("500"))));
        points.apply(ANN, new PointsCommand.Earn(OperationId.of("O1:earn"), order.placedAt(), order,
                MemberProfile.of(ANN, LocalDate.of(2026, 1, 1), AcquisitionChannel.GUIDE_CARD), Optional.empty()));
    }

    @Test
    void spends_points_once_and_issues_the_coupon_once() {
        assertThat(points.account(ANN).balance()).isEqualTo(500);
        CouponResult r = exchange.exchange(OperationId.of("x1"), ANN, CouponId.of("p1"), TWENTY, 200, T0);
        assertThat(r.outcome()).isInstanceOf(CouponOutcome.Applied.class);
        assertThat(exchange.exchange(OperationId.of("x1"), ANN, CouponId.of("p1"), TWENTY, 200, T0).outcome())
                .isInstanceOf(CouponOutcome.Duplicate.class);
        assertThat(points.account(ANN).balance()).isEqualTo(300);
        assertThat(coupons.wallet(ANN).coupons()).containsOnlyKeys(CouponId.of("p1"));
    }

    @Test
    void too_few_points_issue_nothing_and_a_reached_limit_spends_nothing() {
        CouponResult poor = exchange.exchange(OperationId.of("x1"), ANN, CouponId.of("p1"), TWENTY, 900, T0);
        assertThat(((CouponOutcome.Rejected) poor.outcome()).reason()).isEqualTo(CouponOutcome.Reason.POINTS_REFUSED);
        assertThat(coupons.wallet(ANN).coupons()).isEmpty();
        exchange.exchange(OperationId.of("x2"), ANN, CouponId.of("p2"), TWENTY, 100, T0);
        exchange.exchange(OperationId.of("x3"), ANN, CouponId.of("p3"), TWENTY, 100, T0);
        CouponResult third = exchange.exchange(OperationId.of("x4"), ANN, CouponId.of("p4"), TWENTY, 100, T0);
        assertThat(((CouponOutcome.Rejected) third.outcome()).reason())
                .isEqualTo(CouponOutcome.Reason.MEMBER_LIMIT_REACHED);
        assertThat(points.account(ANN).balance()).isEqualTo(300);
    }
}
