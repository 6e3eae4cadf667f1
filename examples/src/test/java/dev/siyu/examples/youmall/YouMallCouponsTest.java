package dev.siyu.examples.youmall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.money.Money;
import dev.siyu.coupons.checkout.AppliedCoupon;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YouMallCouponsTest {

    @Test
    void the_cross_counter_campaign_then_the_voucher_pay_the_basket_and_settle_per_counter() {
        YouMallCoupons.Outcome o = YouMallCoupons.run();
        // cross-counter: food excluded; 680 + 1299 = 1979 >= 1000; 10% = 197.90 (cap 300 not reached)
        AppliedCoupon cross = o.offer().applied().get(0);
        assertThat(cross.coupon().id().value()).isEqualTo("ann-cross");
        assertThat(cross.discount()).isEqualTo(Money.cny("197.90"));
        // the voucher then pays up to 750 of what is left: 2015 - 197.90 = 1817.10, so all 750
        AppliedCoupon voucher = o.offer().applied().get(1);
        assertThat(voucher.discount()).isEqualTo(Money.cny("750.00"));
        assertThat(o.offer().total()).isEqualTo(Money.cny("947.90"));
        Map<Integer, Money> byLine = o.offer().discountByLine();
        assertThat(byLine.values().stream().reduce(Money.zero(Money.CNY), Money::plus)).isEqualTo(o.offer().total());
        assertThat(o.redemptions()).allSatisfy(r -> assertThat(r.outcome().succeeded()).isTrue());
        // settlement: the campaign is half mall-funded, the voucher fully; per counter parts sum to its discount
        assertThat(o.cosmetics().mallFunded().plus(o.cosmetics().counterFunded())).isEqualTo(o.cosmetics().discount());
        assertThat(o.shoes().counterFunded()).isEqualTo(Money.cny("64.95"));
        assertThat(o.cosmetics().counterFunded().plus(o.shoes().counterFunded())).isEqualTo(Money.cny("98.95"));
    }
}
