package dev.siyu.coupons;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.coupons.checkout.Basket;
import dev.siyu.coupons.checkout.Shopper;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Eligibility;
import dev.siyu.coupons.template.Scope;
import dev.siyu.coupons.template.Stacking;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import dev.siyu.testkit.order.OrderGenerators;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Generators of templates, wallets and baskets as plain functions of a {@link RandomGenerator}
 * (wrap them with {@code Generators.gen}). Kept in the coupons tests: testkit depends on core only.
 */
public final class CouponGenerators {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    public static final Instant AS_OF = Instant.parse("2026-06-15T04:00:00Z");
    public static final MemberId MEMBER = MemberId.of("M1");

    private CouponGenerators() {
    }

    /** A template numbered {@code n} with a random benefit, brand scope and stacking. */
    public static CouponTemplate template(RandomGenerator r, int n) {
        Benefit benefit = switch (r.nextInt(6)) {
            case 0 -> {
                int steps = 1 + r.nextInt(3);
                List<Benefit.Step> list = new ArrayList<>();
                long threshold = 0;
                long amount = 0;
                for (int s = 0; s < steps; s++) {
                    threshold += 5_000 + r.nextLong(100_000);
                    amount += 500 + r.nextLong(threshold / 4);
                    list.add(new Benefit.Step(Money.cnyMinor(threshold), Money.cnyMinor(amount)));
                }
                yield new Benefit.AmountOff(list);
            }
            case 1 -> new Benefit.NoThreshold(Money.cnyMinor(100 + r.nextLong(20_000)));
            case 2 -> new Benefit.PercentOff(BigDecimal.valueOf(1 + r.nextInt(60)),
                    r.nextBoolean() ? Optional.of(Money.cnyMinor(1 + r.nextLong(150_000))) : Optional.empty(),
                    r.nextBoolean() ? Optional.of(Money.cnyMinor(1 + r.nextLong(30_000))) : Optional.empty(), Money.CNY);
            case 3 -> new Benefit.FixedPrice(Money.cnyMinor(r.nextLong(50_000)));
            case 4 -> new Benefit.StoredValue(Money.cnyMinor(75_000), Money.cnyMinor(60_000));
            default -> r.nextInt(3) == 0
                    ? new Benefit.Gift(dev.siyu.core.id.SkuId.of("GIFT"), 1, Money.cnyMinor(3000))
                    : new Benefit.NoThreshold(Money.cnyMinor(1 + r.nextLong(5_000)));
        };
        Eligibility eligibility = Eligibility.everyone();
        if (r.nextBoolean()) {
            Set<BrandId> brands = new HashSet<>();
            int k = 1 + r.nextInt(8);
            for (int i = 0; i < k; i++) {
                brands.add(BrandId.of("B" + r.nextInt(12)));
            }
            eligibility = eligibility.withBrands(r.nextInt(4) == 0 ? new Scope<>(Set.of(), brands)
                    : new Scope<>(brands, Set.of()));
        }
        Stacking stacking = switch (r.nextInt(6)) {
            case 0 -> Stacking.exclusiveCoupon();
            case 1, 2 -> Stacking.inGroup("g" + r.nextInt(3), r.nextInt(4));
            default -> Stacking.stackable().withPriority(r.nextInt(4));
        };
        stacking = stacking.exclusive() ? stacking : stacking.withPerOrder(1 + r.nextInt(2));
        return CouponTemplate.builder(CouponTemplateId.of("T" + n), benefit).eligibility(eligibility)
                .validity(Validity.between(FROM, UNTIL, ZONE)).stacking(stacking).build();
    }

    /** Up to {@code maxTemplates} templates. */
    public static List<CouponTemplate> templates(RandomGenerator r, int count) {
        List<CouponTemplate> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(template(r, i));
        }
        return out;
    }

    /** {@code size} coupons of {@link #MEMBER} drawn from {@code templates}. */
    public static List<Coupon> wallet(RandomGenerator r, List<CouponTemplate> templates, int size) {
        List<Coupon> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            CouponTemplate t = templates.get(r.nextInt(templates.size()));
            Money balance = t.benefit() instanceof Benefit.StoredValue
                    ? Money.cnyMinor(r.nextLong(75_001)) : Money.zero(Money.CNY);
            out.add(new Coupon(CouponId.of("C" + i), t.id(), MEMBER, FROM, FROM, UNTIL, balance));
        }
        return out;
    }

    /** A basket of 1 to {@code maxLines} lines from the testkit's order generator. */
    public static Basket basket(RandomGenerator r, int maxLines) {
        int n = 1 + r.nextInt(maxLines);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(OrderGenerators.line(r, i));
        }
        return new Basket(Shopper.of(MEMBER), SalesChannel.STORE, lines, AS_OF);
    }
}
