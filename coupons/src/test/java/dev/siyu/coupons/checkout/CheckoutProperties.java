package dev.siyu.coupons.checkout;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import dev.siyu.coupons.CouponGenerators;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CheckoutProperties {

    record Case(List<CouponTemplate> templates, List<Coupon> wallet, Basket basket, int max, long seed) {
    }

    static Case scenario(RandomGenerator r, int walletSize) {
        List<CouponTemplate> templates = CouponGenerators.templates(r, 1 + r.nextInt(8));
        int size = r.nextInt(walletSize + 1);
        return new Case(templates, CouponGenerators.wallet(r, templates, size), CouponGenerators.basket(r, 8),
                1 + r.nextInt(4), r.nextLong());
    }

    static final Gen<Case> CASES = gen(r -> scenario(r, 10));

    @Test
    void the_best_offer_equals_brute_force_on_wallets_of_up_to_ten_coupons() {
        qt().withExamples(300).forAll(CASES).checkAssert(c -> {
            Checkout checkout = Checkout.of(c.templates(), c.max());
            Offer best = checkout.best(c.wallet(), c.basket());
            Offer brute = bruteForce(checkout, c.wallet(), c.basket());
            assertThat(best.total()).isEqualTo(brute.total());
            assertThat(ids(best)).isEqualTo(ids(brute));
            assertThat(best.applied()).isEqualTo(brute.applied());
        });
    }

    @Test
    void the_discount_lies_between_zero_and_the_eligible_amount_and_shares_sum_exactly() {
        qt().withExamples(300).forAll(CASES).checkAssert(c -> {
            Offer best = Checkout.of(c.templates(), c.max()).best(c.wallet(), c.basket());
            assertThat(best.total().isNegative()).isFalse();
            assertThat(best.total()).isLessThanOrEqualTo(c.basket().net());
            Money sum = Money.zero(Money.CNY);
            for (AppliedCoupon a : best.applied()) {
                assertThat(a.discount().isPositive()).isTrue();
                Money shares = a.shares().stream().map(LineShare::amount).reduce(Money.zero(Money.CNY), Money::plus);
                assertThat(shares).isEqualTo(a.discount());
                sum = sum.plus(a.discount());
            }
            assertThat(sum).isEqualTo(best.total());
            for (Map.Entry<Integer, Money> e : best.discountByLine().entrySet()) {
                OrderLine line = c.basket().lines().stream().filter(l -> l.lineNo() == e.getKey()).findFirst()
                        .orElseThrow();
                assertThat(e.getValue()).isLessThanOrEqualTo(line.net());
            }
            assertThat(best.applied().size() + best.notUsed().size()).isEqualTo(c.wallet().size());
        });
    }

    @Test
    void the_order_of_coupons_in_the_wallet_changes_nothing() {
        qt().withExamples(200).forAll(CASES).checkAssert(c -> {
            Checkout checkout = Checkout.of(c.templates(), c.max());
            List<Coupon> shuffled = new ArrayList<>(c.wallet());
            Collections.shuffle(shuffled, new Random(c.seed()));
            assertThat(checkout.best(shuffled, c.basket())).isEqualTo(checkout.best(c.wallet(), c.basket()));
        });
    }

    @Test
    void thirty_coupon_wallets_never_do_worse_than_any_single_coupon_or_greedy_pair() {
        qt().withExamples(50).forAll(gen(r -> scenario(r, 30))).checkAssert(c -> {
            Checkout checkout = Checkout.of(c.templates(), c.max());
            Offer best = checkout.best(c.wallet(), c.basket());
            for (Coupon coupon : c.wallet()) {
                checkout.combine(List.of(coupon), c.basket())
                        .ifPresent(o -> assertThat(best.total()).isGreaterThanOrEqualTo(o.total()));
            }
        });
    }

    @Test
    void the_generated_scenarios_exercise_stacking_not_just_single_coupons() {
        Random random = new Random(42);
        int multi = 0;
        java.util.Set<String> reasons = new java.util.TreeSet<>();
        for (int i = 0; i < 300; i++) {
            Case c = scenario(random, 10);
            Offer best = Checkout.of(c.templates(), c.max()).best(c.wallet(), c.basket());
            if (best.applied().size() >= 2) {
                multi++;
            }
            best.notUsed().values().forEach(e -> reasons.add(e.code()));
        }
        assertThat(multi).isGreaterThan(30);
        assertThat(reasons).contains("THRESHOLD_NOT_MET", "GROUP_TAKEN", "EXCLUSIVE_CONFLICT", "NO_ELIGIBLE_LINES");
    }

    static List<CouponId> ids(Offer offer) {
        return offer.applied().stream().map(a -> a.coupon().id()).sorted().toList();
    }

    /** Every subset of the wallet, evaluated by {@link Checkout#combine}, best total then fewest then smallest ids. */
    static Offer bruteForce(Checkout checkout, List<Coupon> wallet, Basket basket) {
        Offer best = checkout.combine(List.of(), basket).orElseThrow();
        Map<Integer, Offer> unused = new HashMap<>();
        for (int mask = 1; mask < 1 << wallet.size(); mask++) {
            List<Coupon> subset = new ArrayList<>();
            for (int i = 0; i < wallet.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(wallet.get(i));
                }
            }
            Optional<Offer> offer = checkout.combine(subset, basket);
            if (offer.isEmpty()) {
                continue;
            }
            Offer o = offer.get();
            int byTotal = o.total().compareTo(best.total());
            if (byTotal > 0 || byTotal == 0 && (o.applied().size() < best.applied().size()
                    || o.applied().size() == best.applied().size() && compare(ids(o), ids(best)) < 0)) {
                best = o;
            }
        }
        unused.clear();
        return best;
    }

    static int compare(List<CouponId> a, List<CouponId> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).value().compareTo(b.get(i).value());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
