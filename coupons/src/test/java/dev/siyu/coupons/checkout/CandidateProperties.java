package dev.siyu.coupons.checkout;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.money.Money;
import dev.siyu.coupons.CouponGenerators;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandidateProperties {

    record Case(BigDecimal percent, Optional<Money> threshold, Optional<Money> cap, long eligible) {
    }

    @Test
    void the_long_percent_path_equals_the_benefits_own_rounding_down() {
        qt().withExamples(2_000).forAll(gen(r -> new Case(
                BigDecimal.valueOf(1 + r.nextLong(100_000_000L), r.nextInt(7)).min(BigDecimal.valueOf(100)),
                r.nextBoolean() ? Optional.of(Money.cnyMinor(1 + r.nextLong(1_000_000))) : Optional.empty(),
                r.nextBoolean() ? Optional.of(Money.cnyMinor(1 + r.nextLong(1_000_000))) : Optional.empty(),
                r.nextBoolean() ? r.nextLong(2_000_000) : r.nextLong(Long.MAX_VALUE / 200)))).checkAssert(c -> {
                    Benefit.PercentOff b = new Benefit.PercentOff(c.percent(), c.threshold(), c.cap(), Money.CNY);
                    CouponTemplate t = CouponTemplate.builder(CouponTemplateId.of("T"), b).build();
                    Coupon coupon = new Coupon(CouponId.of("c"), t.id(), CouponGenerators.MEMBER, CouponGenerators.FROM,
                            CouponGenerators.FROM, CouponGenerators.UNTIL, Money.zero(Money.CNY));
                    long expected = c.eligible() < b.thresholdMinor() ? 0 : b.discountMinor(c.eligible(), 0);
                    assertThat(Candidate.of(coupon, t, new int[0], 0).discount(c.eligible())).isEqualTo(expected);
                });
    }
}
