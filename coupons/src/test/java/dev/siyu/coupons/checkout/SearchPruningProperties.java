package dev.siyu.coupons.checkout;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.coupons.CouponGenerators;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Eligibility;
import dev.siyu.coupons.template.Scope;
import dev.siyu.coupons.template.Stacking;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The pruning of the best-offer search (exclusive coupons tried alone before it, a greedy incumbent,
 * stand-alone and remaining-net bounds) against brute force on wallets built to exercise it: many
 * exclusive coupons, stacking groups, several coupons of one template under {@code perOrder}, caps,
 * thresholds read over lines of several counters, lines small enough to be taken to zero, and few
 * distinct amounts so that equal totals (and so the tie-break) are common.
 */
class SearchPruningProperties {

    private static final long[] AMOUNTS = {1_000, 2_000, 3_000};

    record Case(List<CouponTemplate> templates, List<Coupon> wallet, Basket basket, int max) {
    }

    static CouponTemplate template(RandomGenerator r, int n) {
        Benefit benefit = switch (r.nextInt(6)) {
            case 0 -> new Benefit.NoThreshold(Money.cnyMinor(AMOUNTS[r.nextInt(3)]));
            case 1 -> Benefit.AmountOff.over(Money.cnyMinor(5_000L * (1 + r.nextInt(8))),
                    Money.cnyMinor(AMOUNTS[r.nextInt(3)]));
            case 2 -> new Benefit.AmountOff(List.of(
                    new Benefit.Step(Money.cnyMinor(5_000L * (1 + r.nextInt(3))), Money.cnyMinor(AMOUNTS[r.nextInt(3)])),
                    new Benefit.Step(Money.cnyMinor(30_000L + 5_000L * r.nextInt(3)), Money.cnyMinor(3_000 + AMOUNTS[r.nextInt(3)]))));
            case 3 -> new Benefit.PercentOff(BigDecimal.valueOf(5L * (1 + r.nextInt(4))),
                    r.nextBoolean() ? Optional.of(Money.cnyMinor(10_000L * (1 + r.nextInt(4)))) : Optional.empty(),
                    r.nextBoolean() ? Optional.of(Money.cnyMinor(AMOUNTS[r.nextInt(3)])) : Optional.empty(), Money.CNY);
            case 4 -> new Benefit.StoredValue(Money.cnyMinor(3_000), Money.cnyMinor(2_000));
            default -> new Benefit.PercentOff(BigDecimal.valueOf(10), Optional.empty(), Optional.empty(), Money.CNY);
        };
        Eligibility eligibility = Eligibility.everyone();
        if (r.nextInt(3) > 0) {
            Set<CounterId> counters = new HashSet<>();
            int k = 1 + r.nextInt(3);
            for (int i = 0; i < k; i++) {
                counters.add(CounterId.of("K" + r.nextInt(4)));
            }
            eligibility = eligibility.withCounters(new Scope<>(counters, Set.of()));
        }
        Stacking stacking = switch (r.nextInt(4)) {
            case 0 -> Stacking.exclusiveCoupon();
            case 1 -> Stacking.inGroup("g" + r.nextInt(2), r.nextInt(3));
            default -> Stacking.stackable().withPriority(r.nextInt(3));
        };
        stacking = stacking.exclusive() ? stacking : stacking.withPerOrder(1 + r.nextInt(3));
        return CouponTemplate.builder(CouponTemplateId.of("T" + n), benefit).eligibility(eligibility)
                .validity(Validity.between(CouponGenerators.FROM, CouponGenerators.UNTIL, CouponGenerators.ZONE))
                .stacking(stacking).build();
    }

    static Basket basket(RandomGenerator r, int maxLines) {
        int n = 1 + r.nextInt(maxLines);
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            long net = r.nextInt(4) == 0 ? 1 + r.nextInt(1_500) : 1_000L * (1 + r.nextInt(25)) + r.nextInt(100);
            lines.add(OrderLine.of(i, StoreId.of("MALL"), BrandId.of("B" + r.nextInt(3)), CategoryId.of("cat"),
                    SkuId.of("S" + i), 1, Money.cnyMinor(net)).atCounter(CounterId.of("K" + r.nextInt(4))));
        }
        return new Basket(Shopper.of(CouponGenerators.MEMBER), SalesChannel.STORE, lines, CouponGenerators.AS_OF);
    }

    static Case scenario(RandomGenerator r, int minWallet, int maxWallet, int maxLines) {
        List<CouponTemplate> templates = new ArrayList<>();
        int count = 1 + r.nextInt(6);
        for (int i = 0; i < count; i++) {
            templates.add(template(r, i));
        }
        int size = minWallet + r.nextInt(maxWallet - minWallet + 1);
        List<Coupon> wallet = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            CouponTemplate t = templates.get(r.nextInt(templates.size()));
            Money balance = t.benefit() instanceof Benefit.StoredValue
                    ? Money.cnyMinor(AMOUNTS[r.nextInt(3)]) : Money.zero(Money.CNY);
            wallet.add(new Coupon(CouponId.of("C" + i), t.id(), CouponGenerators.MEMBER, CouponGenerators.FROM,
                    CouponGenerators.FROM, CouponGenerators.UNTIL, balance));
        }
        return new Case(templates, wallet, basket(r, maxLines), 1 + r.nextInt(5));
    }

    @Test
    void the_best_offer_equals_brute_force_on_wallets_dense_with_exclusives_groups_caps_and_ties() {
        qt().withExamples(300).forAll(gen(r -> scenario(r, 0, 10, 8))).checkAssert(c -> {
            Checkout checkout = Checkout.of(c.templates(), c.max());
            Offer best = checkout.best(c.wallet(), c.basket());
            Offer brute = CheckoutProperties.bruteForce(checkout, c.wallet(), c.basket());
            assertThat(best.total()).isEqualTo(brute.total());
            assertThat(CheckoutProperties.ids(best)).isEqualTo(CheckoutProperties.ids(brute));
            assertThat(best.applied()).isEqualTo(brute.applied());
        });
    }

    @Test
    void wider_wallets_equal_an_exhaustive_search_over_every_selection_up_to_the_maximum() {
        qt().withExamples(60).forAll(gen(r -> scenario(r, 12, 16, 12))).checkAssert(c -> {
            Checkout checkout = Checkout.of(c.templates(), c.max());
            Offer best = checkout.best(c.wallet(), c.basket());
            Offer exhaustive = exhaustive(checkout, c.wallet(), c.basket(), c.max());
            assertThat(best.total()).isEqualTo(exhaustive.total());
            assertThat(CheckoutProperties.ids(best)).isEqualTo(CheckoutProperties.ids(exhaustive));
            assertThat(best.applied()).isEqualTo(exhaustive.applied());
        });
    }

    @Test
    void wallets_and_baskets_wider_than_one_bit_word_equal_an_exhaustive_search() {
        // more than 64 lines and more than 64 applicable coupons: the search's line sets and line
        // classes span several 64-bit words
        qt().withExamples(15).forAll(gen(r -> {
            List<CouponTemplate> templates = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // stackable percents and amounts on a few counters: discounts that move with the lines left
                Benefit benefit = r.nextBoolean()
                        ? new Benefit.PercentOff(BigDecimal.valueOf(1 + r.nextInt(30)), Optional.empty(), Optional.empty(), Money.CNY)
                        : Benefit.AmountOff.over(Money.cnyMinor(1_000L * (1 + r.nextInt(60))), Money.cnyMinor(AMOUNTS[r.nextInt(3)]));
                Set<CounterId> counters = new HashSet<>();
                for (int k = 0; k < 1 + r.nextInt(3); k++) {
                    counters.add(CounterId.of("K" + r.nextInt(4)));
                }
                Stacking stacking = r.nextInt(4) == 0 ? Stacking.inGroup("g" + r.nextInt(3), r.nextInt(3))
                        : Stacking.stackable().withPriority(r.nextInt(3));
                templates.add(CouponTemplate.builder(CouponTemplateId.of("T" + i), benefit)
                        .eligibility(Eligibility.everyone().withCounters(new Scope<>(counters, Set.of())))
                        .validity(Validity.between(CouponGenerators.FROM, CouponGenerators.UNTIL, CouponGenerators.ZONE))
                        .stacking(stacking.withPerOrder(1 + r.nextInt(3))).build());
            }
            List<Coupon> wallet = new ArrayList<>();
            for (int i = 0; i < 66 + r.nextInt(15); i++) {
                wallet.add(new Coupon(CouponId.of("C" + i), templates.get(r.nextInt(templates.size())).id(),
                        CouponGenerators.MEMBER, CouponGenerators.FROM, CouponGenerators.FROM, CouponGenerators.UNTIL,
                        Money.zero(Money.CNY)));
            }
            List<OrderLine> lines = new ArrayList<>();
            int count = 65 + r.nextInt(40);
            for (int i = 1; i <= count; i++) {
                lines.add(OrderLine.of(i, StoreId.of("MALL"), BrandId.of("B" + r.nextInt(3)), CategoryId.of("cat"),
                        SkuId.of("S" + i), 1, Money.cnyMinor(1 + r.nextInt(3_000))).atCounter(CounterId.of("K" + r.nextInt(4))));
            }
            return new Case(templates, wallet, new Basket(Shopper.of(CouponGenerators.MEMBER), SalesChannel.STORE,
                    lines, CouponGenerators.AS_OF), 2);
        })).checkAssert(c -> {
            Checkout checkout = Checkout.of(c.templates(), c.max());
            Offer best = checkout.best(c.wallet(), c.basket());
            Offer exhaustive = exhaustive(checkout, c.wallet(), c.basket(), c.max());
            assertThat(best.total()).isEqualTo(exhaustive.total());
            assertThat(CheckoutProperties.ids(best)).isEqualTo(CheckoutProperties.ids(exhaustive));
            assertThat(best.applied()).isEqualTo(exhaustive.applied());
        });
    }

    @Test
    void the_generated_wallets_exercise_exclusives_groups_per_order_and_ties() {
        java.util.Random random = new java.util.Random(7);
        Set<String> reasons = new java.util.TreeSet<>();
        int exclusiveWins = 0;
        int ties = 0;
        for (int i = 0; i < 300; i++) {
            Case c = scenario(random, 0, 10, 8);
            Checkout checkout = Checkout.of(c.templates(), c.max());
            Offer best = checkout.best(c.wallet(), c.basket());
            best.notUsed().values().forEach(e -> reasons.add(e.code()));
            if (best.applied().size() == 1 && checkout.template(best.applied().get(0).coupon().template()).orElseThrow()
                    .stacking().exclusive()) {
                exclusiveWins++;
            }
            for (Coupon coupon : c.wallet()) {
                if (best.applied().stream().noneMatch(a -> a.coupon().equals(coupon))
                        && checkout.combine(List.of(coupon), c.basket()).map(o -> o.total().equals(best.total()))
                                .orElse(false)) {
                    ties++;
                }
            }
        }
        assertThat(reasons).contains("EXCLUSIVE_CONFLICT", "GROUP_TAKEN", "PER_ORDER_LIMIT", "THRESHOLD_NOT_MET",
                "NOT_IN_BEST_COMBINATION");
        assertThat(exclusiveWins).isGreaterThan(10);
        assertThat(ties).isGreaterThan(10);
    }

    @Test
    void the_greedy_pick_by_stand_alone_value_is_only_a_start() {
        // alone: a 10% = 100, b 150 (over 1000), c 20; all three apply a, then b on 900 (below its
        // threshold), then c: 120. The optimum skips a: b then c = 170.
        CouponTemplate a = CheckoutTest.template("a", new Benefit.PercentOff(BigDecimal.TEN, Optional.empty(),
                Optional.empty(), Money.CNY)).stacking(Stacking.stackable().withPriority(2)).build();
        CouponTemplate b = CheckoutTest.template("b", Benefit.AmountOff.over(Money.cny("1000"), Money.cny("150")))
                .stacking(Stacking.stackable().withPriority(1)).build();
        CouponTemplate c = CheckoutTest.template("c", new Benefit.NoThreshold(Money.cny("20"))).build();
        Offer offer = Checkout.of(List.of(a, b, c), 3).best(
                List.of(CheckoutTest.coupon("a", a), CheckoutTest.coupon("b", b), CheckoutTest.coupon("c", c)),
                CheckoutTest.basket(CheckoutTest.line(1, "K1", "A", "1000.00")));
        assertThat(offer.total()).isEqualTo(Money.cny("170.00"));
        assertThat(CheckoutProperties.ids(offer)).containsExactly(CouponId.of("b"), CouponId.of("c"));
        assertThat(offer.notUsed().get(CouponId.of("a")).code()).isEqualTo("NOT_IN_BEST_COMBINATION");
    }

    @Test
    void an_exclusive_coupon_worth_as_much_as_a_stacked_pair_wins_by_fewer_coupons() {
        CouponTemplate alone = CheckoutTest.template("alone", new Benefit.NoThreshold(Money.cny("30")))
                .stacking(Stacking.exclusiveCoupon()).build();
        CouponTemplate ten = CheckoutTest.template("ten", new Benefit.NoThreshold(Money.cny("10"))).build();
        CouponTemplate twenty = CheckoutTest.template("twenty", new Benefit.NoThreshold(Money.cny("20"))).build();
        Offer offer = Checkout.of(List.of(alone, ten, twenty), 3).best(List.of(CheckoutTest.coupon("a", ten),
                CheckoutTest.coupon("b", twenty), CheckoutTest.coupon("z", alone)),
                CheckoutTest.basket(CheckoutTest.line(1, "K1", "A", "100.00")));
        assertThat(offer.total()).isEqualTo(Money.cny("30.00"));
        assertThat(CheckoutProperties.ids(offer)).containsExactly(CouponId.of("z"));
        assertThat(offer.notUsed().get(CouponId.of("a")).code()).isEqualTo("EXCLUSIVE_CONFLICT");
    }

    @Test
    void an_exclusive_and_a_stackable_coupon_of_equal_value_are_decided_by_coupon_id() {
        CouponTemplate alone = CheckoutTest.template("alone", new Benefit.NoThreshold(Money.cny("30")))
                .stacking(Stacking.exclusiveCoupon()).build();
        CouponTemplate thirty = CheckoutTest.template("thirty", new Benefit.NoThreshold(Money.cny("30"))).build();
        Checkout checkout = Checkout.of(List.of(alone, thirty), 1);
        Basket basket = CheckoutTest.basket(CheckoutTest.line(1, "K1", "A", "100.00"));
        assertThat(CheckoutProperties.ids(checkout.best(List.of(CheckoutTest.coupon("b", alone),
                CheckoutTest.coupon("a", thirty)), basket))).containsExactly(CouponId.of("a"));
        assertThat(CheckoutProperties.ids(checkout.best(List.of(CheckoutTest.coupon("a", alone),
                CheckoutTest.coupon("b", thirty)), basket))).containsExactly(CouponId.of("a"));
    }

    /** Every selection of at most {@code max} applicable coupons, by {@link Checkout#combine}; same order as brute force. */
    static Offer exhaustive(Checkout checkout, List<Coupon> wallet, Basket basket, int max) {
        List<Coupon> applicable = new ArrayList<>();
        for (CouponCheck check : checkout.validate(wallet, basket)) {
            if (check instanceof CouponCheck.Applicable) {
                applicable.add(check.coupon());
            }
        }
        Offer[] best = {checkout.combine(List.of(), basket).orElseThrow()};
        extend(checkout, applicable, basket, max, 0, new ArrayList<>(), best);
        return best[0];
    }

    private static void extend(Checkout checkout, List<Coupon> applicable, Basket basket, int max, int from,
            List<Coupon> subset, Offer[] best) {
        for (int i = from; i < applicable.size(); i++) {
            subset.add(applicable.get(i));
            Optional<Offer> offer = checkout.combine(subset, basket);
            offer.ifPresent(o -> {
                int byTotal = o.total().compareTo(best[0].total());
                if (byTotal > 0 || byTotal == 0 && (o.applied().size() < best[0].applied().size()
                        || o.applied().size() == best[0].applied().size()
                                && CheckoutProperties.compare(CheckoutProperties.ids(o), CheckoutProperties.ids(best[0])) < 0)) {
                    best[0] = o;
                }
            });
            // the stacking rules only forbid more as a selection grows: no superset of a refused one is allowed
            if (offer.isPresent() && subset.size() < max) {
                extend(checkout, applicable, basket, max, i + 1, subset, best);
            }
            subset.remove(subset.size() - 1);
        }
    }
}
