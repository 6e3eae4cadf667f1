package dev.siyu.coupons.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.event.Events;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponEventJsonTest {

    @Test
    void a_redemption_event_serialises_with_its_type_and_line_shares() {
        CouponEvent e = new CouponEvent.CouponRedeemed(MemberId.of("ann"), Instant.parse("2026-11-20T06:00:00Z"),
                OperationId.of("op"), CouponId.of("c1"), CouponTemplateId.of("t"), OrderId.of("O1"), Money.cny("10"),
                List.of(new LineShare(1, Money.cny("10"))));
        String json = Events.toJson(e);
        assertThat(json).contains("coupon-redeemed").contains("\"lineNo\":1").contains("\"coupon\":\"c1\"");
    }
}
