package dev.siyu.core.points;

import static dev.siyu.core.points.Fixtures.MEMBER;
import static dev.siyu.core.points.Fixtures.PROFILE;
import static dev.siyu.core.points.Fixtures.day;
import static dev.siyu.core.points.Fixtures.line;
import static dev.siyu.core.points.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.store.InMemoryVersionedStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The usage example of the points ledger, kept compiling and passing. */
class PointsUsageExampleTest {

    @Test
    void a_host_earns_redeems_and_refunds_through_the_ledger() {
        Order order = order("O1", day(0), line(1, "COS", "B1", 2, "150.00"));

        PointsProgram program = PointsProgram.fromJson("""
                {"schemaVersion": 1, "earn": {"rate": 1, "tierMultipliers": {"GOLD": 2}},
                 "lots": {"pendingDays": 7, "expiry": {"policy": "end-of-next-year"}},
                 "redemption": {"rate": 100, "maxSharePercent": 50, "step": 100},
                 "negativeBalance": "clamp"}""");
        PointsLedger ledger = new PointsLedger(PointsEngine.of(program), new InMemoryVersionedStore<MemberId, PointsAccount>());
        PointsResult earned = ledger.apply(MEMBER, new PointsCommand.Earn(OperationId.of("O1:earn"), order.placedAt(),
                order, PROFILE, Optional.of(TierId.of("GOLD"))));                      // 300 yuan x 2 = 600 points, pending 7 days
        PointsResult spent = ledger.apply(MEMBER, new PointsCommand.RedeemForReward(OperationId.of("gift-1"), day(8),
                "COUPON-20", 500));
        PointsResult refunded = ledger.apply(MEMBER, PointsCommand.RefundOrder.of(order,
                new Refund(RefundId.of("R1"), order.id(), day(9), List.of(new RefundLine(1, 1)))));

        assertThat(earned.outcome()).isEqualTo(new PointsOutcome.Applied(600,
                ((PointsOutcome.Applied) earned.outcome()).explanation()));
        assertThat(spent.account().balance()).isEqualTo(100);
        assertThat(refunded.account().balance()).isZero();                               // 300 to reverse, 100 held
        assertThat(refunded.account().debt()).isEqualTo(200);                            // CLAMP: the rest is debt
        assertThat(ledger.account(MEMBER).totals().net()).isEqualTo(ledger.account(MEMBER).balance());
    }
}
