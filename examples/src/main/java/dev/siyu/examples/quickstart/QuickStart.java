package dev.siyu.examples.quickstart;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
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
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierResult;
import dev.siyu.core.tier.TierStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The README's quick start, kept compiling and run by {@code QuickStartTest}. */
public final class QuickStart {

    private QuickStart() {
    }

    /** The results the quick start prints. */
    record Result(TierResult tier, PointsResult points) {
    }

    public static void main(String[] args) {
        Result result = run();
        System.out.println(result.tier().status().tier() + " because " + result.tier().events().get(0).explanation());
        System.out.println(result.points().account().balance() + " points: " + result.points().outcome());
    }

    static Result run() {
        // quick-start:begin
        TierProgram tiers = TierProgram.fromJson("""
            {"schemaVersion": 1, "metric": "spend", "window": {"kind": "rolling", "months": 12},
             "grace": {"days": 30}, "downgrade": "one-tier",
             "tiers": [{"id": "BASIC", "name": "普卡", "threshold": 0},
                       {"id": "GOLD", "name": "金卡", "threshold": "CNY 5000.00", "retention": "CNY 3000.00"}]}""");
        PointsProgram points = PointsProgram.fromJson("""
            {"schemaVersion": 1, "earn": {"rate": 1, "tierMultipliers": {"GOLD": 2}},
             "lots": {"pendingDays": 7, "expiry": {"policy": "end-of-next-year"}},
             "redemption": {"rate": 100, "maxSharePercent": 50, "step": 100}, "negativeBalance": "clamp"}""");
        PointsLedger ledger = new PointsLedger(PointsEngine.of(points), new InMemoryVersionedStore<>());

        Instant now = Instant.parse("2026-11-22T06:30:00Z");
        MemberProfile alice = MemberProfile.of(MemberId.of("M1"), LocalDate.of(2026, 3, 1), AcquisitionChannel.GUIDE_CARD);
        TierStatus status = tiers.enroll(alice, now).status();
        OrderLine boots = OrderLine.of(1, StoreId.of("S1"), BrandId.of("cbanner"), CategoryId.of("shoes"),
                SkuId.of("snow-boots-38"), 1, Money.cny("5999.00"));
        Order order = new Order(OrderId.of("O1"), alice.id(), now, StoreId.of("S1"), SalesChannel.STORE,
                List.of(boots), List.of(Tender.of(TenderType.MOBILE, Money.cny("5999.00"))));

        PointsResult earned = ledger.apply(alice.id(), new PointsCommand.Earn(OperationId.of("O1:earn"), now, order,
                alice, Optional.of(status.tier())));                      // 5,999 points, pending for 7 days
        TierResult upgraded = tiers.record(status, QualifyingActivity.of(order, 5999), now);  // BASIC -> GOLD at once
        // quick-start:end
        return new Result(upgraded, earned);
    }
}
