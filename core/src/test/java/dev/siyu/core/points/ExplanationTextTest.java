package dev.siyu.core.points;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The explanations of earns, redemptions, refunds and expiry, word for word: every multiplier, both
 * caps, a points tender split over lines, debt and overdraft repaid, lots used. Earn and redemption
 * explanations are made when first read, from the values kept in the outcome; this pins them to the
 * text the engine wrote when it built them eagerly (the expected text was produced by that engine).
 */
class ExplanationTextTest {

    @Test
    void explanations_read_as_the_engine_has_always_written_them() {
        assertThat(String.join("\n", outcomes())).isEqualTo(EXPECTED);
    }

    static final MemberId M = MemberId.of("M1");
    static final StoreId S = StoreId.of("S1");
    static Instant day(int d) { return LocalDate.of(2026, 3, 10).plusDays(d).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(); }
    static OrderLine line(int no, String cat, String brand, int qty, String price) {
        return OrderLine.of(no, S, BrandId.of(brand), CategoryId.of(cat), SkuId.of("SKU" + no), qty, Money.cny(price));
    }
    static Order order(String id, Instant at, long points, String pointsValue, OrderLine... lines) {
        Money net = Money.zero(Money.CNY);
        for (OrderLine l : lines) net = net.plus(l.net());
        List<Tender> t = new ArrayList<>();
        if (points > 0) t.add(Tender.points(points, Money.cny(pointsValue)));
        Money rest = net.minus(Money.cny(pointsValue));
        if (rest.isPositive()) t.add(Tender.of(TenderType.CARD, rest));
        return new Order(OrderId.of(id), M, at, S, SalesChannel.STORE, List.of(lines), t);
    }
    private static List<String> outcomes() {
        List<String> out = new ArrayList<>();
        MemberProfile profile = MemberProfile.of(M, LocalDate.of(2020, 1, 1), AcquisitionChannel.STORE_TILL).withBirthday(MonthDay.of(3, 1));
        for (NegativeBalancePolicy policy : new NegativeBalancePolicy[] {NegativeBalancePolicy.CLAMP, NegativeBalancePolicy.ALLOW}) {
            PointsEngine engine = PointsEngine.of(PointsProgram.builder().earnRate(new BigDecimal("0.5"))
                    .tierMultiplier(TierId.of("GOLD"), new BigDecimal("1.5")).birthdayMultiplier(new BigDecimal("2"))
                    .campaign(new PointsProgram.Campaign("SPRING", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), new BigDecimal("1.1")))
                    .categoryMultiplier(CategoryId.of("COS"), new BigDecimal("2")).brandMultiplier(BrandId.of("B2"), new BigDecimal("1.2"))
                    .maxPerOrder(2500).maxPerDay(3500).pendingDays(0).expiry(ExpiryPolicy.rollingMonths(12)).redeemRate(100).maxSharePercent(BigDecimal.valueOf(50))
                    .negativeBalance(policy).build());
            PointsAccount a = PointsAccount.empty(M);
            Order o1 = order("O1", day(0), 2000, "20.00", line(1, "COS", "B2", 2, "123.45"), line(2, "FOOD", "B1", 1, "99.99"), line(3, "COS", "B1", 3, "10.00"));
            Order o2 = order("O2", day(0), 0, "0", line(1, "BAGS", "B2", 1, "1999.00"));
            Order o3 = order("O3", day(1), 0, "0", line(1, "FOOD", "B1", 1, "50.00"));
            List<PointsCommand> cmds = List.of(
                    new PointsCommand.Earn(OperationId.of("e1"), day(0), o1, profile, Optional.of(TierId.of("GOLD"))),
                    new PointsCommand.Earn(OperationId.of("e2"), day(0), o2, profile, Optional.of(TierId.of("SILVER"))),
                    new PointsCommand.RedeemForReward(OperationId.of("r1"), day(0), "COUPON-10", 2000),
                    new PointsCommand.RedeemForPayment(OperationId.of("p1"), day(0), OrderId.of("O9"), Money.cny("100.00"), 400),
                    new PointsCommand.RedeemForPayment(OperationId.of("p2"), day(0), OrderId.of("O9"), Money.cny("100.00"), 150),
                    PointsCommand.RefundOrder.of(o1, new Refund(RefundId.of("R1"), OrderId.of("O1"), day(1), List.of(new RefundLine(1, 2), new RefundLine(3, 3)))),
                    new PointsCommand.Earn(OperationId.of("e3"), day(1), o3, profile, Optional.empty()),
                    new PointsCommand.Earn(OperationId.of("e3b"), day(1), o3, profile, Optional.empty()),
                    new PointsCommand.RedeemForReward(OperationId.of("r2"), day(1), "COUPON-99", 100000),
                    new PointsCommand.Earn(OperationId.of("e4"), day(2), order("O4", day(2), 0, "0", line(1, "FOOD", "B1", 4, "250.00")), profile, Optional.empty()),
                    new PointsCommand.RedeemForReward(OperationId.of("r3"), day(2), "COUPON-5", 1000),
                    new PointsCommand.Expire(OperationId.of("x1"), day(800)));
            for (PointsCommand c : cmds) {
                PointsResult r = engine.apply(a, c);
                a = r.account();
                out.add(r.outcome().toString());
            }
        }
        return out;
    }

    private static final String EXPECTED = """
Applied[balanceChange=1174, explanation=POINTS_EARNED(order=O1, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, tier=GOLD, tierMultiplier=1.5, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=1174, lot=1, points=1174, availableOn=2026-03-10, expiresOn=2027-03-10)[LINE_POINTS(lineNo=1, net=CNY 246.90, paidByPoints=CNY 13.10, lineMultiplier=2.4, points=925), LINE_POINTS(lineNo=2, net=CNY 99.99, paidByPoints=CNY 5.31, lineMultiplier=1, points=156), LINE_POINTS(lineNo=3, net=CNY 30.00, paidByPoints=CNY 1.59, lineMultiplier=2, points=93)]]
Applied[balanceChange=2326, explanation=POINTS_EARNED(order=O2, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, tier=SILVER, tierMultiplier=1, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=2638, cappedPerOrder=2500, cappedPerDay=2326, earnedEarlierThatDay=1174, lot=1, points=2326, availableOn=2026-03-10, expiresOn=2027-03-10)[LINE_POINTS(lineNo=1, net=CNY 1999.00, paidByPoints=CNY 0.00, lineMultiplier=1.2, points=2638)]]
Applied[balanceChange=-2000, explanation=POINTS_REDEEMED(purpose=COUPON-10, points=2000, lotsUsed=1:2000)]
Applied[balanceChange=-400, explanation=POINTS_REDEEMED(purpose=payment, order=O9, points=400, value=CNY 4.00, rate=100 points per CNY, rounding=value floored to the minor unit (DOWN), lotsUsed=1:400)]
Applied[balanceChange=-150, explanation=POINTS_REDEEMED(purpose=payment, order=O9, points=150, value=CNY 1.50, rate=100 points per CNY, rounding=value floored to the minor unit (DOWN), lotsUsed=1:150)]
Applied[balanceChange=-950, explanation=POINTS_REFUNDED(order=O1, refund=R1, rounding=cumulative: reversed = ceil(earned x unitsReturned / units) per line; returned = floor(redeemed x netRefunded / orderNet), reversed=1018, takenFromBalance=950, recordedAsDebt=68, returnedPoints=0, policy=CLAMP)[LINE_REVERSED(lineNo=1, units=2, returnedBefore=0, earnedOnLine=925, reversed=925), LINE_REVERSED(lineNo=3, units=3, returnedBefore=0, earnedOnLine=93, reversed=93)]]
Applied[balanceChange=0, explanation=POINTS_EARNED(order=O3, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=55, debtRepaid=55, points=55, availableOn=2026-03-11, expiresOn=2027-03-11)[LINE_POINTS(lineNo=1, net=CNY 50.00, paidByPoints=CNY 0.00, lineMultiplier=1, points=55)]]
Rejected[reason=ORDER_ALREADY_EARNED, explanation=ORDER_ALREADY_EARNED(order=O3)]
Rejected[reason=INSUFFICIENT_POINTS, explanation=INSUFFICIENT_POINTS(available=0, points=100000)]
Applied[balanceChange=1087, explanation=POINTS_EARNED(order=O4, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=1100, debtRepaid=13, lot=2, points=1100, availableOn=2026-03-12, expiresOn=2027-03-12)[LINE_POINTS(lineNo=1, net=CNY 1000.00, paidByPoints=CNY 0.00, lineMultiplier=1, points=1100)]]
Applied[balanceChange=-1000, explanation=POINTS_REDEEMED(purpose=COUPON-5, points=1000, lotsUsed=2:1000)]
Applied[balanceChange=-87, explanation=POINTS_EXPIRED(asOf=2028-05-18, points=87, byDate={2027-03-12=87})]
Applied[balanceChange=1174, explanation=POINTS_EARNED(order=O1, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, tier=GOLD, tierMultiplier=1.5, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=1174, lot=1, points=1174, availableOn=2026-03-10, expiresOn=2027-03-10)[LINE_POINTS(lineNo=1, net=CNY 246.90, paidByPoints=CNY 13.10, lineMultiplier=2.4, points=925), LINE_POINTS(lineNo=2, net=CNY 99.99, paidByPoints=CNY 5.31, lineMultiplier=1, points=156), LINE_POINTS(lineNo=3, net=CNY 30.00, paidByPoints=CNY 1.59, lineMultiplier=2, points=93)]]
Applied[balanceChange=2326, explanation=POINTS_EARNED(order=O2, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, tier=SILVER, tierMultiplier=1, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=2638, cappedPerOrder=2500, cappedPerDay=2326, earnedEarlierThatDay=1174, lot=1, points=2326, availableOn=2026-03-10, expiresOn=2027-03-10)[LINE_POINTS(lineNo=1, net=CNY 1999.00, paidByPoints=CNY 0.00, lineMultiplier=1.2, points=2638)]]
Applied[balanceChange=-2000, explanation=POINTS_REDEEMED(purpose=COUPON-10, points=2000, lotsUsed=1:2000)]
Applied[balanceChange=-400, explanation=POINTS_REDEEMED(purpose=payment, order=O9, points=400, value=CNY 4.00, rate=100 points per CNY, rounding=value floored to the minor unit (DOWN), lotsUsed=1:400)]
Applied[balanceChange=-150, explanation=POINTS_REDEEMED(purpose=payment, order=O9, points=150, value=CNY 1.50, rate=100 points per CNY, rounding=value floored to the minor unit (DOWN), lotsUsed=1:150)]
Applied[balanceChange=-1018, explanation=POINTS_REFUNDED(order=O1, refund=R1, rounding=cumulative: reversed = ceil(earned x unitsReturned / units) per line; returned = floor(redeemed x netRefunded / orderNet), reversed=1018, takenFromBalance=1018, recordedAsDebt=0, returnedPoints=0, policy=ALLOW)[LINE_REVERSED(lineNo=1, units=2, returnedBefore=0, earnedOnLine=925, reversed=925), LINE_REVERSED(lineNo=3, units=3, returnedBefore=0, earnedOnLine=93, reversed=93)]]
Applied[balanceChange=55, explanation=POINTS_EARNED(order=O3, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=55, overdraftRepaid=55, points=55, availableOn=2026-03-11, expiresOn=2027-03-11)[LINE_POINTS(lineNo=1, net=CNY 50.00, paidByPoints=CNY 0.00, lineMultiplier=1, points=55)]]
Rejected[reason=ORDER_ALREADY_EARNED, explanation=ORDER_ALREADY_EARNED(order=O3)]
Rejected[reason=INSUFFICIENT_POINTS, explanation=INSUFFICIENT_POINTS(available=0, points=100000)]
Applied[balanceChange=1100, explanation=POINTS_EARNED(order=O4, rounding=floor per line (DOWN) on the money paid by non-points tenders, earnRate=0.5 per CNY, birthdayMultiplier=2, campaign=SPRING, campaignMultiplier=1.1, uncapped=1100, overdraftRepaid=13, lot=2, points=1100, availableOn=2026-03-12, expiresOn=2027-03-12)[LINE_POINTS(lineNo=1, net=CNY 1000.00, paidByPoints=CNY 0.00, lineMultiplier=1, points=1100)]]
Applied[balanceChange=-1000, explanation=POINTS_REDEEMED(purpose=COUPON-5, points=1000, lotsUsed=2:1000)]
Applied[balanceChange=-87, explanation=POINTS_EXPIRED(asOf=2028-05-18, points=87, byDate={2027-03-12=87})]""";
}
