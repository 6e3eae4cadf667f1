package dev.siyu.coupons.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Eligibility;
import dev.siyu.coupons.template.MemberKind;
import dev.siyu.coupons.template.Scope;
import dev.siyu.coupons.template.Stacking;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckoutTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant FROM = java.time.OffsetDateTime.parse("2026-11-20T00:00:00+08:00").toInstant();
    static final Instant UNTIL = FROM.plusSeconds(3 * 86_400);
    static final Instant FRIDAY_NOON = Instant.parse("2026-11-20T04:00:00Z");
    static final MemberId MEMBER = MemberId.of("M1");

    static OrderLine line(int no, String counter, String brand, String yuan) {
        return OrderLine.of(no, StoreId.of("MALL"), BrandId.of(brand), CategoryId.of("cat"), SkuId.of("S" + no), 1,
                Money.cny(yuan)).atCounter(CounterId.of(counter));
    }

    static Basket basket(OrderLine... lines) {
        return new Basket(Shopper.of(MEMBER), SalesChannel.STORE, List.of(lines), FRIDAY_NOON);
    }

    static CouponTemplate.Builder template(String id, Benefit benefit) {
        return CouponTemplate.builder(CouponTemplateId.of(id), benefit).validity(Validity.between(FROM, UNTIL, ZONE));
    }

    static Coupon coupon(String id, CouponTemplate t) {
        return new Coupon(CouponId.of(id), t.id(), MEMBER, FROM, FROM, UNTIL, Money.zero(Money.CNY));
    }

    @Nested
    class The_cross_counter_campaign {
        CouponTemplate yoho = template("yoho", new Benefit.PercentOff(BigDecimal.TEN, Optional.of(Money.cny("1000")),
                Optional.of(Money.cny("150")), Money.CNY))
                .eligibility(Eligibility.everyone().withCounters(Scope.only(CounterId.of("C1"), CounterId.of("C2"))))
                .build();
        Checkout checkout = Checkout.of(List.of(yoho), 3);

        @Test
        void sums_the_lines_of_several_counters_against_the_threshold() {
            Basket b = basket(line(1, "C1", "A", "600.00"), line(2, "C2", "B", "500.00"), line(3, "C9", "Z", "900.00"));
            Offer offer = checkout.best(List.of(coupon("c1", yoho)), b);
            assertThat(offer.total()).isEqualTo(Money.cny("110.00"));
            assertThat(offer.discountByLine()).isEqualTo(Map.of(1, Money.cny("60.00"), 2, Money.cny("50.00")));
        }

        @Test
        void caps_the_discount() {
            Basket b = basket(line(1, "C1", "A", "1999.99"), line(2, "C2", "B", "0.02"));
            Offer offer = checkout.best(List.of(coupon("c1", yoho)), b);
            assertThat(offer.total()).isEqualTo(Money.cny("150.00"));
        }

        @Test
        void says_how_far_the_basket_is_from_the_threshold() {
            Basket b = basket(line(1, "C1", "A", "600.00"), line(2, "C9", "B", "500.00"));
            CouponCheck check = checkout.validate(List.of(coupon("c1", yoho)), b).get(0);
            assertThat(check).isInstanceOf(CouponCheck.NotApplicable.class);
            Explanation reason = ((CouponCheck.NotApplicable) check).reason();
            assertThat(reason.code()).isEqualTo("THRESHOLD_NOT_MET");
            assertThat(reason.fact("shortBy")).contains("CNY 400.00");
        }
    }

    @Nested
    class Allocation_to_lines {
        @Test
        void three_five_yuan_lines_share_two_yuan_exactly() {
            CouponTemplate two = template("two", new Benefit.NoThreshold(Money.cny("2"))).build();
            Basket b = basket(line(1, "C1", "A", "5"), line(2, "C1", "A", "5"), line(3, "C1", "A", "5"));
            Offer offer = Checkout.of(List.of(two), 1).best(List.of(coupon("c", two)), b);
            assertThat(offer.applied().get(0).shares()).extracting(LineShare::amount)
                    .containsExactly(Money.cny("0.67"), Money.cny("0.67"), Money.cny("0.66"));
        }

        @Test
        void a_no_threshold_coupon_larger_than_the_basket_takes_it_to_zero_and_no_further() {
            CouponTemplate big = template("big", new Benefit.NoThreshold(Money.cny("100"))).build();
            Offer offer = Checkout.of(List.of(big), 1).best(List.of(coupon("c", big)), basket(line(1, "C1", "A", "30")));
            assertThat(offer.total()).isEqualTo(Money.cny("30.00"));
        }
    }

    @Nested
    class Stacking_rules {
        CouponTemplate full = template("full", Benefit.AmountOff.over(Money.cny("300"), Money.cny("50")))
                .stacking(Stacking.inGroup("store", 10)).build();
        CouponTemplate full2 = template("full2", new Benefit.AmountOff(List.of(
                new Benefit.Step(Money.cny("200"), Money.cny("20")), new Benefit.Step(Money.cny("400"), Money.cny("60")))))
                .stacking(Stacking.inGroup("store", 5)).build();
        CouponTemplate pct = template("pct", new Benefit.PercentOff(BigDecimal.valueOf(20), Optional.empty(),
                Optional.empty(), Money.CNY)).stacking(Stacking.exclusiveCoupon()).build();
        CouponTemplate free = template("free", new Benefit.NoThreshold(Money.cny("10"))).build();

        @Test
        void picks_the_exact_optimum_not_the_biggest_single_coupon() {
            Checkout checkout = Checkout.of(List.of(full, full2, pct, free), 5);
            Basket b = basket(line(1, "C1", "A", "420.00"));
            Offer offer = checkout.best(List.of(coupon("a", full), coupon("b", full2), coupon("c", pct),
                    coupon("d", free)), b);
            // pct alone: 84; full2 (60) + free (10) = 70; full (50)+free = 60; the exclusive 20% wins
            assertThat(offer.total()).isEqualTo(Money.cny("84.00"));
            assertThat(offer.notUsed().get(CouponId.of("b")).code()).isEqualTo("EXCLUSIVE_CONFLICT");
        }

        @Test
        void one_coupon_per_group_and_thresholds_read_after_earlier_coupons() {
            Checkout checkout = Checkout.of(List.of(full, full2, free), 5);
            Basket b = basket(line(1, "C1", "A", "405.00"));
            Offer offer = checkout.best(List.of(coupon("a", full), coupon("b", full2), coupon("d", free)), b);
            // free applies after the group coupon (priority 0 < 5); full2 step 400 gives 60, then free 10
            assertThat(offer.total()).isEqualTo(Money.cny("70.00"));
            assertThat(offer.notUsed().get(CouponId.of("a")).code()).isEqualTo("GROUP_TAKEN");
        }

        @Test
        void respects_the_maximum_per_order() {
            Checkout checkout = Checkout.of(List.of(full2, free), 1);
            Offer offer = checkout.best(List.of(coupon("b", full2), coupon("d", free)), basket(line(1, "C1", "A", "405")));
            assertThat(offer.total()).isEqualTo(Money.cny("60.00"));
            assertThat(offer.notUsed().get(CouponId.of("d")).code()).isEqualTo("MAX_COUPONS_PER_ORDER");
        }
    }

    @Nested
    class Eligibility_reasons {
        @Test
        void first_order_price_only_for_new_members() {
            CouponTemplate first = template("first", new Benefit.FixedPrice(Money.cny("9.90")))
                    .eligibility(Eligibility.everyone().withMembers(MemberKind.NEW)).build();
            Checkout checkout = Checkout.of(List.of(first), 1);
            Basket existing = basket(line(1, "C1", "A", "59"));
            assertThat(((CouponCheck.NotApplicable) checkout.validate(List.of(coupon("f", first)), existing).get(0))
                    .reason().code()).isEqualTo("NEW_MEMBERS_ONLY");
            Basket fresh = new Basket(Shopper.of(MEMBER).asNewMember(), SalesChannel.STORE, existing.lines(), FRIDAY_NOON);
            assertThat(checkout.best(List.of(coupon("f", first)), fresh).total()).isEqualTo(Money.cny("49.10"));
        }

        @Test
        void days_of_week_and_hours_are_read_in_the_mall_zone() {
            CouponTemplate weekend = template("weekend", new Benefit.NoThreshold(Money.cny("5")))
                    .validity(Validity.between(FROM, UNTIL, ZONE).onDays(Set.of(DayOfWeek.SATURDAY))
                            .duringHours(LocalTime.of(10, 0), LocalTime.of(22, 0))).build();
            Checkout checkout = Checkout.of(List.of(weekend), 1);
            Coupon c = coupon("w", weekend);
            Basket friday = basket(line(1, "C1", "A", "59"));
            assertThat(((CouponCheck.NotApplicable) checkout.validate(List.of(c), friday).get(0)).reason().code())
                    .isEqualTo("OUTSIDE_DAYS_OR_HOURS");
            // Saturday 09:30 in Shanghai is Saturday 01:30 UTC: too early
            Basket early = new Basket(Shopper.of(MEMBER), SalesChannel.STORE, friday.lines(),
                    Instant.parse("2026-11-21T01:30:00Z"));
            assertThat(checkout.validate(List.of(c), early).get(0)).isInstanceOf(CouponCheck.NotApplicable.class);
            Basket ok = new Basket(Shopper.of(MEMBER), SalesChannel.STORE, friday.lines(),
                    Instant.parse("2026-11-21T02:30:00Z"));
            assertThat(checkout.validate(List.of(c), ok).get(0)).isInstanceOf(CouponCheck.Applicable.class);
        }

        @Test
        void each_refusal_names_its_reason() {
            CouponTemplate brandOnly = template("brand", new Benefit.NoThreshold(Money.cny("5")))
                    .eligibility(Eligibility.everyone().withBrands(Scope.only(BrandId.of("X")))).build();
            CouponTemplate app = template("app", new Benefit.NoThreshold(Money.cny("5")))
                    .eligibility(Eligibility.everyone().withChannels(Set.of(SalesChannel.MINI_PROGRAM))).build();
            Checkout checkout = Checkout.of(List.of(brandOnly, app), 3);
            Coupon foreign = new Coupon(CouponId.of("x"), brandOnly.id(), MemberId.of("M2"), FROM, FROM, UNTIL,
                    Money.zero(Money.CNY));
            Coupon expired = new Coupon(CouponId.of("e"), app.id(), MEMBER, FROM, FROM, FROM.plusSeconds(60),
                    Money.zero(Money.CNY));
            Coupon unknown = new Coupon(CouponId.of("u"), CouponTemplateId.of("gone"), MEMBER, FROM, FROM, UNTIL,
                    Money.zero(Money.CNY));
            List<CouponCheck> checks = checkout.validate(
                    List.of(coupon("b", brandOnly), coupon("a", app), foreign, expired, unknown),
                    basket(line(1, "C1", "A", "59")));
            assertThat(checks).map(c -> ((CouponCheck.NotApplicable) c).reason().code()).containsExactly(
                    "NO_ELIGIBLE_LINES", "CHANNEL_NOT_ALLOWED", "NOT_OWNER", "EXPIRED", "TEMPLATE_UNKNOWN");
        }
    }

    @Nested
    class Caller_errors {
        @Test
        void a_basket_in_another_currency_is_refused_naming_both() {
            CouponTemplate t = template("t", new Benefit.NoThreshold(Money.cny("5"))).build();
            Money usd = Money.ofMinor(500, Currency.getInstance("USD"));
            Basket b = basket(OrderLine.of(1, StoreId.of("S"), BrandId.of("A"), CategoryId.of("c"), SkuId.of("k"), 1, usd));
            assertThatThrownBy(() -> Checkout.of(List.of(t), 1).best(List.of(coupon("c", t)), b))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency")
                    .hasMessageContaining("USD").hasMessageContaining("CNY");
        }

        @Test
        void duplicate_coupons_in_a_wallet_are_refused() {
            CouponTemplate t = template("t", new Benefit.NoThreshold(Money.cny("5"))).build();
            assertThatThrownBy(() -> Checkout.of(List.of(t), 1).best(List.of(coupon("c", t), coupon("c", t)),
                    basket(line(1, "C1", "A", "9")))).hasMessageContaining("wallet coupon ids must be unique: c");
        }

        @Test
        void contradictory_values_are_refused_with_the_field() {
            assertThatThrownBy(() -> new Benefit.PercentOff(BigDecimal.valueOf(120), Optional.empty(), Optional.empty(),
                    Money.CNY)).hasMessage("percent must be > 0 and <= 100: 120");
            assertThatThrownBy(() -> new Benefit.PercentOff(BigDecimal.TEN, Optional.empty(),
                    Optional.of(Money.cny("-1")), Money.CNY)).hasMessage("cap must be > 0: CNY -1.00");
            assertThatThrownBy(() -> Benefit.AmountOff.over(Money.cny("0"), Money.cny("5")))
                    .hasMessage("threshold must be > 0: CNY 0.00");
            assertThatThrownBy(() -> new Scope<>(Set.of(BrandId.of("A")), Set.of(BrandId.of("A"))))
                    .hasMessageContaining("must not both include and exclude");
        }
    }
}
