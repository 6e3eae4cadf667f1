package dev.siyu.coupons.checkout;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a wallet against a basket and finds the best combination of its coupons.
 *
 * <p><b>Stacking.</b> Coupons apply one after another in a fixed application order (discounts
 * before stored-value vouchers, then descending {@code stacking.priority}, then template id, then
 * coupon id), each on what earlier coupons left of its eligible lines: thresholds are read on that
 * remaining net, percents are taken of it, and no coupon takes a line below zero. A combination is
 * allowed when it holds at most {@code maxCouponsPerOrder} coupons, an exclusive coupon only
 * alone, at most one coupon per stacking group and at most {@code perOrder} per template.
 *
 * <p><b>Optimality.</b> {@link #best} returns the allowed combination with the largest total
 * discount, found by an exact branch-and-bound over the application order (the stand-alone discount
 * of each coupon bounds what it can add to any combination); ties go to fewer coupons, then to the
 * smallest sorted list of coupon ids, so the result never depends on the order of the wallet.
 *
 * <p><b>Allocation.</b> Each discount is split over its eligible lines by largest remainder
 * ({@link dev.siyu.core.money.Allocation}) over their remaining nets: shares sum to the discount
 * exactly and none exceeds its line.
 *
 * <p>Immutable and thread-safe; never reads the clock ({@link Basket#asOf()}).
 */
public final class Checkout {

    private final Map<CouponTemplateId, CouponTemplate> templates;
    /** Per template, why it cannot apply to a basket with no line in its scope: the same for every basket. */
    private final Map<CouponTemplateId, Explanation> noEligibleLines;
    private final int maxCouponsPerOrder;

    private Checkout(Map<CouponTemplateId, CouponTemplate> templates, int maxCouponsPerOrder) {
        this.templates = templates;
        Map<CouponTemplateId, Explanation> noLines = new java.util.HashMap<>();
        templates.forEach((id, t) -> noLines.put(id, Applicability.noEligibleLines(t)));
        this.noEligibleLines = Map.copyOf(noLines);
        this.maxCouponsPerOrder = maxCouponsPerOrder;
    }

    /**
     * A checkout over {@code templates} allowing at most {@code maxCouponsPerOrder} coupons per order.
     *
     * @throws IllegalArgumentException for duplicate template ids or {@code maxCouponsPerOrder < 1}
     */
    public static Checkout of(Collection<CouponTemplate> templates, int maxCouponsPerOrder) {
        Objects.requireNonNull(templates, "templates");
        if (maxCouponsPerOrder < 1) {
            throw new IllegalArgumentException("maxCouponsPerOrder must be >= 1: " + maxCouponsPerOrder);
        }
        Map<CouponTemplateId, CouponTemplate> byId = new HashMap<>();
        for (CouponTemplate t : templates) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("templates id must be unique: " + t.id());
            }
        }
        return new Checkout(Map.copyOf(byId), maxCouponsPerOrder);
    }

    /** The template with {@code id}, if known. */
    public Optional<CouponTemplate> template(CouponTemplateId id) {
        return Optional.ofNullable(templates.get(id));
    }

    /**
     * Checks each coupon of {@code wallet} against {@code basket} on its own, in wallet order.
     *
     * @throws IllegalArgumentException for duplicate coupon ids or a template in another currency
     */
    public List<CouponCheck> validate(List<Coupon> wallet, Basket basket) {
        Objects.requireNonNull(basket, "basket");
        checkWallet(wallet, basket);
        long[] nets = nets(basket);
        int[] scratch = new int[nets.length];
        List<CouponCheck> out = new ArrayList<>(wallet.size());
        for (Coupon coupon : wallet) {
            out.add(check(coupon, basket, nets, scratch));
        }
        return List.copyOf(out);
    }

    /**
     * The best allowed combination of {@code wallet}'s coupons for {@code basket}, with the reason
     * each other coupon is not used.
     *
     * @throws IllegalArgumentException for duplicate coupon ids or a template in another currency
     */
    public Offer best(List<Coupon> wallet, Basket basket) {
        Objects.requireNonNull(basket, "basket");
        checkWallet(wallet, basket);
        long[] nets = nets(basket);
        int[] scratch = new int[nets.length];
        // the coupons not used, by id: the refused now, the candidates left out after the search
        Map<CouponId, Explanation> notUsed = new TreeMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Coupon coupon : wallet) {
            // the same checks as validate, without building the explanations of applicable coupons
            Assessed a = assess(coupon, basket, nets, scratch);
            if (a.refusal() != null) {
                notUsed.put(coupon.id(), a.refusal());
            } else if (a.discount() == 0) {
                notUsed.put(coupon.id(), Explanation.of("GIFT_NOT_A_DISCOUNT"));
            } else {
                candidates.add(a.candidate().withStandalone(a.discount()));
            }
        }
        candidates.sort(Candidate.APPLICATION_ORDER);
        Combination search = new Combination(candidates, nets, maxCouponsPerOrder).search();
        int[] best = search.best();
        List<AppliedCoupon> applied = new ArrayList<>();
        List<Candidate> chosen = new ArrayList<>();
        boolean[] inBest = new boolean[candidates.size()];
        long[] remaining = nets.clone();
        long sum = 0;
        for (int k : best) {
            Candidate c = candidates.get(k);
            chosen.add(c);
            inBest[k] = true;
            long[] shares = new long[c.lines().length];
            sum += Combination.apply(c, remaining, shares);
            applied.add(applied(c, shares, basket));
        }
        if (sum != search.bestTotal()) {
            throw new IllegalStateException("the search total must equal the replayed total: " + search.bestTotal()
                    + " vs " + sum);
        }
        Money total = Money.ofMinor(search.bestTotal(), basket.currency());
        for (int k = 0; k < candidates.size(); k++) {
            if (!inBest[k]) {
                Candidate c = candidates.get(k);
                notUsed.put(c.coupon().id(), whyNot(c, chosen, total, basket));
            }
        }
        return new Offer(applied, total, notUsed); // the offer keeps a copy in this (id) order
    }

    /**
     * The discounts of exactly {@code chosen} applied in application order, or empty if one of them
     * does not apply on its own or the stacking rules forbid the combination. Used by tests and hosts
     * that let the member pick.
     */
    public Optional<Offer> combine(List<Coupon> chosen, Basket basket) {
        Objects.requireNonNull(basket, "basket");
        checkWallet(chosen, basket);
        long[] nets = nets(basket);
        int[] scratch = new int[nets.length];
        List<Candidate> selection = new ArrayList<>();
        for (Coupon coupon : chosen) {
            Assessed a = assess(coupon, basket, nets, scratch);
            if (a.refusal() != null) {
                return Optional.empty();
            }
            selection.add(a.candidate().withStandalone(a.discount()));
        }
        selection.sort(Candidate.APPLICATION_ORDER);
        if (!Combination.allowed(selection, maxCouponsPerOrder)) {
            return Optional.empty();
        }
        long[] remaining = nets.clone();
        List<AppliedCoupon> applied = new ArrayList<>();
        long total = 0;
        for (Candidate c : selection) {
            long[] shares = new long[c.lines().length];
            total += Combination.apply(c, remaining, shares);
            applied.add(applied(c, shares, basket));
        }
        return Optional.of(new Offer(applied, Money.ofMinor(total, basket.currency()), Map.of()));
    }

    /**
     * Why an applicable coupon is not in the best combination: a stacking conflict with a chosen
     * coupon, or else the search proved every allowed combination with it worth no more.
     */
    private Explanation whyNot(Candidate c, List<Candidate> chosen, Money total, Basket basket) {
        var stacking = c.template().stacking();
        for (Candidate other : chosen) {
            var os = other.template().stacking();
            if (stacking.exclusive() || os.exclusive()) {
                return Explanation.builder("EXCLUSIVE_CONFLICT").fact("with", other.coupon().id())
                        .fact("standalone", Money.ofMinor(c.standalone(), basket.currency())).fact("bestTotal", total)
                        .build();
            }
            if (stacking.group().isPresent() && stacking.group().equals(os.group())) {
                return Explanation.builder("GROUP_TAKEN").fact("group", stacking.group().get())
                        .fact("by", other.coupon().id())
                        .fact("standalone", Money.ofMinor(c.standalone(), basket.currency())).build();
            }
        }
        int sameTemplate = 0;
        for (Candidate other : chosen) {
            if (other.template().id().equals(c.template().id())) {
                sameTemplate++;
            }
        }
        if (sameTemplate >= stacking.perOrder()) {
            return Explanation.builder("PER_ORDER_LIMIT").fact("template", c.template().id())
                    .fact("perOrder", stacking.perOrder()).build();
        }
        // chosen is allowed, and c neither conflicts with it (exclusive, group) nor exceeds its
        // template's perOrder: chosen plus c is allowed exactly when it fits maxCouponsPerOrder
        if (chosen.size() + 1 > maxCouponsPerOrder) {
            return Explanation.builder("MAX_COUPONS_PER_ORDER").fact("max", maxCouponsPerOrder).build();
        }
        return Explanation.builder("NOT_IN_BEST_COMBINATION")
                .fact("standalone", Money.ofMinor(c.standalone(), basket.currency())).fact("bestTotal", total)
                .build();
    }

    private static AppliedCoupon applied(Candidate c, long[] shares, Basket basket) {
        int nonZero = 0;
        for (long share : shares) {
            if (share != 0) {
                nonZero++;
            }
        }
        List<LineShare> out = new ArrayList<>(nonZero);
        long sum = 0;
        for (int j = 0; j < shares.length; j++) {
            if (shares[j] != 0) {
                OrderLine line = basket.lines().get(c.lines()[j]);
                out.add(new LineShare(line.lineNo(), Money.ofMinor(shares[j], basket.currency())));
                sum += shares[j];
            }
        }
        return new AppliedCoupon(c.coupon(), Money.ofMinor(sum, basket.currency()), out);
    }

    /**
     * One coupon checked alone: its refusal, or (refusal {@code null}) the candidate it makes (stand-alone
     * discount not yet set) with its eligible net and stand-alone discount, zero for a gift.
     */
    private record Assessed(Candidate candidate, long eligible, long discount, Explanation refusal) {
    }

    /** Checks one coupon alone, as {@link #validate} reports it. */
    private CouponCheck check(Coupon coupon, Basket basket, long[] nets, int[] scratch) {
        Assessed a = assess(coupon, basket, nets, scratch);
        if (a.refusal() != null) {
            return new CouponCheck.NotApplicable(coupon, a.refusal());
        }
        Money eligibleNet = Money.ofMinor(a.eligible(), basket.currency());
        if (a.candidate().template().benefit() instanceof Benefit.Gift) {
            return new CouponCheck.Applicable(coupon, Money.zero(basket.currency()),
                    Explanation.builder("GIFT_APPLIES").fact("eligibleNet", eligibleNet).build());
        }
        return new CouponCheck.Applicable(coupon, Money.ofMinor(a.discount(), basket.currency()),
                Explanation.builder("APPLIES").fact("eligibleNet", eligibleNet)
                        .fact("discount", Money.ofMinor(a.discount(), basket.currency())).build());
    }

    /** Checks one coupon alone without building the explanation of an applicable coupon. */
    private Assessed assess(Coupon coupon, Basket basket, long[] nets, int[] scratch) {
        CouponTemplate template = templates.get(coupon.template());
        if (template == null) {
            return new Assessed(null, 0, 0,
                    Explanation.builder("TEMPLATE_UNKNOWN").fact("template", coupon.template()).build());
        }
        int[] lines = Applicability.eligibleLines(template, basket, nets, scratch);
        Optional<Explanation> refusal = Applicability.refusal(coupon, template, basket, lines,
                noEligibleLines.get(coupon.template()));
        if (refusal.isPresent()) {
            return new Assessed(null, 0, 0, refusal.get());
        }
        long eligible = 0;
        for (int i : lines) {
            eligible += nets[i];
        }
        Candidate probe = Candidate.of(coupon, template, lines, 0);
        if (template.benefit() instanceof Benefit.Gift) {
            return new Assessed(probe, eligible, 0, null);
        }
        long discount = probe.discount(eligible);
        if (discount <= 0) {
            return new Assessed(null, eligible, 0, Applicability.noDiscount(template, eligible, basket.currency()));
        }
        return new Assessed(probe, eligible, discount, null);
    }

    private void checkWallet(List<Coupon> wallet, Basket basket) {
        Objects.requireNonNull(wallet, "wallet");
        Set<CouponId> ids = new HashSet<>();
        for (Coupon coupon : wallet) {
            Objects.requireNonNull(coupon, "coupon");
            if (!ids.add(coupon.id())) {
                throw new IllegalArgumentException("wallet coupon ids must be unique: " + coupon.id());
            }
            CouponTemplate t = templates.get(coupon.template());
            if (t != null && !t.currency().equals(basket.currency())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "basket currency must match template %s: %s vs %s", t.id(),
                        basket.currency().getCurrencyCode(), t.currency().getCurrencyCode()));
            }
            if (!coupon.balance().currency().equals(basket.currency())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "coupon %s balance currency must match the basket: %s vs %s", coupon.id(),
                        coupon.balance().currency().getCurrencyCode(), basket.currency().getCurrencyCode()));
            }
        }
    }

    private static long[] nets(Basket basket) {
        long[] nets = new long[basket.lines().size()];
        for (int i = 0; i < nets.length; i++) {
            nets[i] = basket.lines().get(i).net().minor();
        }
        return nets;
    }
}
