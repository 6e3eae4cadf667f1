package dev.siyu.coupons.checkout;

import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Eligibility;
import dev.siyu.coupons.template.MemberKind;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeSet;

/** Checks one coupon against a basket on its own. Stateless. */
final class Applicability {

    private Applicability() {
    }

    /**
     * The reason the coupon cannot apply whatever it is combined with, if any; {@code noLines} is
     * {@link #noEligibleLines} of the template, made once per checkout.
     */
    static Optional<Explanation> refusal(Coupon coupon, CouponTemplate template, Basket basket, int[] lines,
            Explanation noLines) {
        Shopper shopper = basket.shopper();
        Eligibility e = template.eligibility();
        if (!coupon.owner().equals(shopper.member())) {
            return Optional.of(Explanation.builder("NOT_OWNER").fact("owner", coupon.owner())
                    .fact("member", shopper.member()).build());
        }
        if (basket.asOf().isBefore(coupon.validFrom())) {
            return Optional.of(Explanation.builder("NOT_YET_VALID").fact("validFrom", coupon.validFrom())
                    .fact("asOf", basket.asOf()).build());
        }
        if (!basket.asOf().isBefore(coupon.validUntil())) {
            return Optional.of(Explanation.builder("EXPIRED").fact("validUntil", coupon.validUntil())
                    .fact("asOf", basket.asOf()).build());
        }
        if (!template.validity().allowsDayAndHour(basket.asOf())) {
            return Optional.of(Explanation.builder("OUTSIDE_DAYS_OR_HOURS")
                    .fact("local", basket.asOf().atZone(template.validity().zone()).toLocalDateTime())
                    .fact("daysOfWeek", new TreeSet<>(template.validity().daysOfWeek()))
                    .fact("hours", template.validity().hoursFrom().map(f -> f + "-" + template.validity().hoursUntil().get())
                            .orElse("any"))
                    .build());
        }
        if (!e.channels().isEmpty() && !e.channels().contains(basket.channel())) {
            return Optional.of(Explanation.builder("CHANNEL_NOT_ALLOWED").fact("channel", basket.channel())
                    .fact("allowed", new TreeSet<>(e.channels())).build());
        }
        if (e.members() == MemberKind.NEW && !shopper.newMember()) {
            return Optional.of(Explanation.builder("NEW_MEMBERS_ONLY").fact("member", shopper.member()).build());
        }
        if (e.members() == MemberKind.EXISTING && shopper.newMember()) {
            return Optional.of(Explanation.builder("EXISTING_MEMBERS_ONLY").fact("member", shopper.member()).build());
        }
        if (!e.tiers().isEmpty() && (shopper.tier().isEmpty() || !e.tiers().contains(shopper.tier().get()))) {
            return Optional.of(Explanation.builder("TIER_NOT_ALLOWED").fact("tier", shopper.tier().map(String::valueOf)
                    .orElse("none")).fact("allowed", new TreeSet<>(e.tiers())).build());
        }
        if (!e.tags().isEmpty() && Collections.disjoint(e.tags(), shopper.tags())) {
            return Optional.of(Explanation.builder("TAG_REQUIRED").fact("anyOf", new TreeSet<>(e.tags())).build());
        }
        if (template.benefit() instanceof Benefit.StoredValue && !coupon.balance().isPositive()) {
            return Optional.of(Explanation.builder("NO_BALANCE").fact("balance", coupon.balance()).build());
        }
        if (lines.length == 0) {
            return Optional.of(noLines);
        }
        long units = 0;
        for (int i : lines) {
            units += basket.lines().get(i).quantity();
        }
        if (units < e.minQuantity()) {
            return Optional.of(Explanation.builder("MIN_QUANTITY_NOT_MET").fact("minQuantity", e.minQuantity())
                    .fact("eligibleUnits", units).build());
        }
        return Optional.empty();
    }

    /** Why {@code template} cannot apply to a basket with no line in its scope. */
    static Explanation noEligibleLines(CouponTemplate template) {
        Eligibility e = template.eligibility();
        return Explanation.builder("NO_ELIGIBLE_LINES").fact("stores", e.stores())
                .fact("counters", e.counters()).fact("brands", e.brands()).fact("categories", e.categories())
                .fact("skus", e.skus()).build();
    }

    /**
     * Indexes of the basket lines the template admits, in basket order; {@code scratch} (at least as
     * long as {@code nets}) is working space shared by the coupons of one call.
     */
    static int[] eligibleLines(CouponTemplate template, Basket basket, long[] nets, int[] scratch) {
        int[] out = scratch;
        int n = 0;
        for (int i = 0; i < nets.length; i++) {
            OrderLine line = basket.lines().get(i);
            if (nets[i] > 0 && template.eligibility().admits(line)) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Why a coupon that passed {@link #refusal} still gives nothing on {@code eligibleNet}. */
    static Explanation noDiscount(CouponTemplate template, long eligibleNet, java.util.Currency currency) {
        long threshold = template.benefit().thresholdMinor();
        if (template.benefit() instanceof Benefit.Gift) {
            return Explanation.of("GIFT_NOT_A_DISCOUNT");
        }
        if (eligibleNet < threshold) {
            return Explanation.builder("THRESHOLD_NOT_MET").fact("threshold", Money.ofMinor(threshold, currency))
                    .fact("eligibleNet", Money.ofMinor(eligibleNet, currency))
                    .fact("shortBy", Money.ofMinor(threshold - eligibleNet, currency)).build();
        }
        return Explanation.builder("NO_DISCOUNT").fact("eligibleNet", Money.ofMinor(eligibleNet, currency)).build();
    }
}
