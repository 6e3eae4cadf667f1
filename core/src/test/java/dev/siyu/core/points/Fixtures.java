package dev.siyu.core.points;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small builders of orders, refunds and commands for the points tests. */
final class Fixtures {

    static final MemberId MEMBER = MemberId.of("M1");
    static final StoreId STORE = StoreId.of("S1");
    static final MemberProfile PROFILE = MemberProfile.of(MEMBER, LocalDate.of(2020, 1, 1), AcquisitionChannel.STORE_TILL);
    static final LocalDate DAY0 = LocalDate.of(2026, 3, 10);

    private Fixtures() {
    }

    /** 10:00 Shanghai time, {@code days} after 2026-03-10. */
    static Instant day(int days) {
        return DAY0.plusDays(days).atTime(10, 0).atZone(BusinessClock.SHANGHAI).toInstant();
    }

    static OrderLine line(int no, String category, String brand, int quantity, String unitPriceYuan) {
        return OrderLine.of(no, STORE, BrandId.of(brand), CategoryId.of(category), SkuId.of("SKU" + no), quantity,
                Money.cny(unitPriceYuan));
    }

    /** An order of {@code lines} paid by card, except {@code points} points worth {@code pointsValue} yuan. */
    static Order order(String id, Instant at, long points, String pointsValue, OrderLine... lines) {
        Money net = Money.zero(Money.CNY);
        for (OrderLine l : lines) {
            net = net.plus(l.net());
        }
        List<Tender> tenders = new ArrayList<>();
        Money byPoints = Money.cny(pointsValue);
        if (points > 0) {
            tenders.add(Tender.points(points, byPoints));
        }
        Money rest = net.minus(byPoints);
        if (rest.isPositive()) {
            tenders.add(Tender.of(TenderType.CARD, rest));
        }
        return new Order(OrderId.of(id), MEMBER, at, STORE, SalesChannel.STORE, List.of(lines), tenders);
    }

    static Order order(String id, Instant at, OrderLine... lines) {
        return order(id, at, 0, "0", lines);
    }

    static PointsCommand.Earn earn(Order order) {
        return new PointsCommand.Earn(OperationId.of(order.id().value() + ":earn"), order.placedAt(), order, PROFILE,
                Optional.empty());
    }

    static PointsCommand.Earn earn(Order order, TierId tier) {
        return new PointsCommand.Earn(OperationId.of(order.id().value() + ":earn"), order.placedAt(), order, PROFILE,
                Optional.of(tier));
    }

    static PointsCommand.RedeemForReward reward(String op, Instant at, long points) {
        return new PointsCommand.RedeemForReward(OperationId.of(op), at, "COUPON-10", points);
    }

    static PointsCommand.RedeemForPayment pay(String op, Instant at, String orderId, String orderAmount, long points) {
        return new PointsCommand.RedeemForPayment(OperationId.of(op), at, OrderId.of(orderId), Money.cny(orderAmount),
                points);
    }

    static PointsCommand.RefundOrder refund(String id, Order order, Instant at, int... lineAndQty) {
        List<RefundLine> lines = new ArrayList<>();
        for (int i = 0; i < lineAndQty.length; i += 2) {
            lines.add(new RefundLine(lineAndQty[i], lineAndQty[i + 1]));
        }
        return PointsCommand.RefundOrder.of(order, new Refund(RefundId.of(id), order.id(), at, lines));
    }

    static PointsCommand.Expire expire(Instant at) {
        return new PointsCommand.Expire(OperationId.of("expire:" + at), at);
    }

    /** Applies the commands in turn, asserting each is applied, and returns the final account. */
    static PointsAccount run(PointsEngine engine, PointsAccount account, PointsCommand... commands) {
        for (PointsCommand c : commands) {
            PointsResult r = engine.apply(account, c);
            if (!(r.outcome() instanceof PointsOutcome.Applied)) {
                throw new AssertionError(c.operation() + " must be applied: " + r.outcome());
            }
            account = r.account();
        }
        return account;
    }
}
