package dev.siyu.coupons.redemption;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Allocation;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.VersionedStore;
import dev.siyu.core.store.WriteResult;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.event.CouponEvent;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Limits;
import dev.siyu.coupons.template.RefundPolicy;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Issues, reserves, commits, releases and redeems coupons through two host stores: the members'
 * wallets ({@link MemberCoupons} by member) and the templates' shared counters
 * ({@link TemplateUsage} by template). Every write is a compare-and-set on the version that
 * records the operation id in the same write, so limits and budgets hold under any concurrency.
 *
 * <p><b>Lifecycle.</b> {@code reserve} first places a hold on the template (counted against the
 * redemption limit and the budget until it expires), then marks the coupon reserved in the wallet;
 * {@code commit} turns the hold into a committed use, then marks the coupon used; {@code release}
 * clears the wallet, then the hold. Each step is ordered so that a crash between two writes can
 * only over-count usage until the hold's {@code expiresAt}, never under-count it; a retry with the
 * same operation id completes the missing step. Expiry is read from {@code at}: nothing needs to
 * sweep stale reservations.
 *
 * <p><b>Idempotency.</b> Replaying a command with the same operation id returns
 * {@link CouponOutcome.Duplicate} and changes nothing; the same id with another coupon, order or
 * amount returns {@link CouponOutcome.Conflict}. Refusals are not recorded: a refused command
 * retried later is decided afresh. Operation ids should be at most 118 characters (the ledger
 * derives per-step ids by prefixing them).
 *
 * <p>Thread-safe; never reads the clock.
 */
public final class CouponLedger {

    private static final int MAX_ATTEMPTS = 256;

    private final Map<CouponTemplateId, CouponTemplate> templates;
    private final VersionedStore<MemberId, MemberCoupons> wallets;
    private final VersionedStore<CouponTemplateId, TemplateUsage> usage;

    /** @throws IllegalArgumentException for duplicate template ids */
    public CouponLedger(Collection<CouponTemplate> templates, VersionedStore<MemberId, MemberCoupons> wallets,
            VersionedStore<CouponTemplateId, TemplateUsage> usage) {
        Map<CouponTemplateId, CouponTemplate> byId = new HashMap<>();
        for (CouponTemplate t : templates) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("templates id must be unique: " + t.id());
            }
        }
        this.templates = Map.copyOf(byId);
        this.wallets = Objects.requireNonNull(wallets, "wallets");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    /** The member's stored wallet, or an empty one. */
    public MemberCoupons wallet(MemberId member) {
        Objects.requireNonNull(member, "member");
        return wallets.load(member).map(Versioned::value).orElseGet(() -> MemberCoupons.empty(member));
    }

    /** The template's stored counters, or empty ones. */
    public TemplateUsage usage(CouponTemplateId template) {
        return usage.load(template).map(Versioned::value)
                .orElseGet(() -> TemplateUsage.empty(template, template(template).currency()));
    }

    /**
     * Issues coupon {@code couponId} of {@code template} to {@code member} at {@code at}, within the
     * template's per-member and total limits. Its validity window comes from the template (N days
     * after issue end at midnight in the template's zone); a stored-value voucher starts with its
     * face value as balance.
     *
     * @throws IllegalArgumentException for an unknown template
     */
    public CouponResult issue(OperationId operation, MemberId member, CouponId couponId, CouponTemplateId template,
            Instant at) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(at, "at");
        CouponTemplate t = template(template);
        MemberCoupons before = wallet(member);
        Optional<HeldCoupon> existing = before.coupon(couponId);
        if (existing.isPresent()) {
            HeldCoupon held = existing.get();
            return CouponResult.of(held.issuedBy().equals(operation) && held.coupon().template().equals(template)
                    ? new CouponOutcome.Duplicate(operation)
                    : new CouponOutcome.Conflict(operation, "coupon " + couponId + " was issued by "
                            + held.issuedBy() + " from " + held.coupon().template()));
        }
        if (t.validity().until().isPresent() && !at.isBefore(t.validity().until().get())) {
            return CouponResult.of(rejected(CouponOutcome.Reason.TEMPLATE_ENDED, b -> b
                    .fact("until", t.validity().until().get()).fact("at", at)));
        }
        Limits limits = t.limits();
        Optional<CouponOutcome.Rejected> perMember = memberLimit(t, before);
        if (perMember.isPresent()) {
            return CouponResult.of(perMember.get());
        }
        Optional<CouponOutcome.Rejected> refused = update(usage, template, () -> TemplateUsage.empty(template,
                t.currency()), step("issue", operation), u -> {
                    if (limits.issuedTotal() > 0 && u.issued() >= limits.issuedTotal()) {
                        return refuse(CouponOutcome.Reason.ISSUE_LIMIT_REACHED, b -> b
                                .fact("issuedTotal", limits.issuedTotal()).fact("issued", u.issued()));
                    }
                    if (limits.budget().isPresent() && !u.budgetUsedAt(at).isLessThan(limits.budget().get())) {
                        return refuse(CouponOutcome.Reason.BUDGET_EXHAUSTED, b -> b
                                .fact("budget", limits.budget().get()).fact("used", u.budgetUsedAt(at)));
                    }
                    return write(u.withIssued(u.issued() + 1));
                });
        if (refused.isPresent()) {
            return CouponResult.of(refused.get());
        }
        Money balance = t.benefit() instanceof Benefit.StoredValue sv ? sv.faceValue() : Money.zero(t.currency());
        Coupon coupon = new Coupon(couponId, template, member, at, t.validity().startFor(at), t.validity().endFor(at),
                balance);
        HeldCoupon held = new HeldCoupon(coupon, operation, Optional.empty(), List.of(), false);
        refused = update(wallets, member, () -> MemberCoupons.empty(member), step("issue", operation), w -> {
            if (w.coupon(couponId).isPresent()) {
                return refuse(CouponOutcome.Reason.MEMBER_LIMIT_REACHED, b -> b.fact("coupon", couponId)
                        .fact("detail", "coupon id taken concurrently"));
            }
            Optional<CouponOutcome.Rejected> limit = memberLimit(t, w);
            return limit.<Step<MemberCoupons>>map(Refuse::new).orElseGet(() -> write(w.with(held)));
        });
        if (refused.isPresent()) {
            update(usage, template, () -> TemplateUsage.empty(template, t.currency()), step("unissue", operation),
                    u -> write(u.withIssued(u.issued() - 1)));
            return CouponResult.of(refused.get());
        }
        return new CouponResult(applied("ISSUED", b -> b.fact("coupon", couponId).fact("template", template)
                .fact("validUntil", coupon.validUntil())),
                List.of(new CouponEvent.CouponIssued(member, at, operation, couponId, template, coupon.validFrom(),
                        coupon.validUntil())));
    }

    /** Why {@code template} could not be issued to {@code member} at {@code at} right now, if so (a pre-check, not a hold). */
    Optional<CouponOutcome.Rejected> issuable(MemberId member, CouponTemplateId template, Instant at) {
        CouponTemplate t = template(template);
        if (t.validity().until().isPresent() && !at.isBefore(t.validity().until().get())) {
            return Optional.of(rejected(CouponOutcome.Reason.TEMPLATE_ENDED, b -> b.fact("until", t.validity().until().get())));
        }
        Optional<CouponOutcome.Rejected> perMember = memberLimit(t, wallet(member));
        if (perMember.isPresent()) {
            return perMember;
        }
        TemplateUsage u = usage(template);
        if (t.limits().issuedTotal() > 0 && u.issued() >= t.limits().issuedTotal()) {
            return Optional.of(rejected(CouponOutcome.Reason.ISSUE_LIMIT_REACHED, b -> b
                    .fact("issuedTotal", t.limits().issuedTotal())));
        }
        return Optional.empty();
    }

    /**
     * Holds {@code applied} (a coupon with its discount and line shares, as checkout chose them) for
     * {@code order} until {@code holdUntil}.
     *
     * @throws IllegalArgumentException if {@code holdUntil} is not after {@code at}, the shares do
     *     not sum to the discount, or the discount is not positive
     */
    public CouponResult reserve(OperationId operation, MemberId member, OrderId order, AppliedCoupon applied,
            Instant at, Instant holdUntil) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(holdUntil, "holdUntil");
        if (!holdUntil.isAfter(at)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "holdUntil must be after at %s: %s", at,
                    holdUntil));
        }
        Money amount = applied.discount();
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("applied.discount must be > 0: " + amount);
        }
        Money sum = applied.shares().stream().map(LineShare::amount).reduce(Money.zero(amount.currency()), Money::plus);
        if (!sum.equals(amount)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "applied.shares must sum to the discount %s: %s", amount, sum));
        }
        CouponId couponId = applied.coupon().id();
        HeldCoupon.Reservation reservation = new HeldCoupon.Reservation(operation, order, amount, applied.shares(),
                holdUntil);
        Optional<HeldCoupon> found = wallet(member).coupon(couponId);
        if (found.isEmpty()) {
            return CouponResult.of(rejected(CouponOutcome.Reason.COUPON_UNKNOWN, b -> b.fact("coupon", couponId)));
        }
        Optional<CouponOutcome> replay = replayOfReserve(found.get(), operation, order, amount);
        if (replay.isPresent()) {
            return CouponResult.of(replay.get());
        }
        Optional<CouponOutcome.Rejected> unavailable = unavailable(found.get(), amount, at);
        if (unavailable.isPresent()) {
            return CouponResult.of(unavailable.get());
        }
        CouponTemplate t = template(found.get().coupon().template());
        Optional<CouponOutcome.Rejected> refused = update(usage, t.id(), () -> TemplateUsage.empty(t.id(),
                t.currency()), step("hold", operation), u -> withinLimits(t, u, amount, at)
                        .<Step<TemplateUsage>>map(Refuse::new)
                        .orElseGet(() -> write(u.withHold(operation, new TemplateUsage.Hold(amount, holdUntil), at))));
        if (refused.isPresent()) {
            return CouponResult.of(refused.get());
        }
        refused = update(wallets, member, () -> MemberCoupons.empty(member), step("reserve", operation), w -> {
            HeldCoupon held = w.coupon(couponId).orElseThrow();
            if (held.reservation().map(r -> r.operation().equals(operation)).orElse(false)) {
                return new Noop<>();
            }
            return unavailable(held, amount, at).<Step<MemberCoupons>>map(Refuse::new).orElseGet(() -> write(w.with(
                    held.with(held.coupon(), Optional.of(reservation), held.redemptions(), held.used()))));
        });
        if (refused.isPresent()) {
            update(usage, t.id(), () -> TemplateUsage.empty(t.id(), t.currency()), step("unhold", operation),
                    u -> write(u.withoutHold(operation, at)));
            return CouponResult.of(refused.get());
        }
        return new CouponResult(applied("RESERVED", b -> b.fact("coupon", couponId).fact("order", order)
                .fact("amount", amount).fact("until", holdUntil)),
                List.of(new CouponEvent.CouponReserved(member, at, operation, couponId, order, amount, holdUntil)));
    }

    /** Commits the reservation made by {@code operation}: the coupon is used on its order. */
    public CouponResult commit(OperationId operation, MemberId member, CouponId couponId, Instant at) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(at, "at");
        Optional<HeldCoupon> found = wallet(member).coupon(couponId);
        if (found.isEmpty()) {
            return CouponResult.of(rejected(CouponOutcome.Reason.COUPON_UNKNOWN, b -> b.fact("coupon", couponId)));
        }
        HeldCoupon held = found.get();
        if (held.redemption(operation).isPresent()) {
            return CouponResult.of(new CouponOutcome.Duplicate(operation));
        }
        if (held.reservation().isEmpty() || !held.reservation().get().operation().equals(operation)) {
            return CouponResult.of(rejected(CouponOutcome.Reason.NOT_RESERVED, b -> b.fact("coupon", couponId)
                    .fact("operation", operation)));
        }
        HeldCoupon.Reservation r = held.reservation().get();
        if (!r.expiresAt().isAfter(at)) {
            return CouponResult.of(rejected(CouponOutcome.Reason.RESERVATION_EXPIRED, b -> b
                    .fact("expiresAt", r.expiresAt()).fact("at", at)));
        }
        CouponTemplate t = template(held.coupon().template());
        Optional<CouponOutcome.Rejected> refused = update(usage, t.id(), () -> TemplateUsage.empty(t.id(),
                t.currency()), step("commit", operation), u -> {
                    if (!u.holds().containsKey(operation)) {
                        Optional<CouponOutcome.Rejected> limit = withinLimits(t, u, r.amount(), at);
                        if (limit.isPresent()) {
                            return new Refuse<>(limit.get());
                        }
                    }
                    return write(u.committed(operation, r.amount(), at));
                });
        if (refused.isPresent()) {
            return CouponResult.of(refused.get());
        }
        boolean storedValue = t.benefit() instanceof Benefit.StoredValue;
        refused = update(wallets, member, () -> MemberCoupons.empty(member), step("commit", operation), w -> {
            HeldCoupon h = w.coupon(couponId).orElseThrow();
            if (h.redemption(operation).isPresent()) {
                return new Noop<>();
            }
            if (h.reservation().isEmpty() || !h.reservation().get().operation().equals(operation)) {
                return refuse(CouponOutcome.Reason.NOT_RESERVED, b -> b.fact("coupon", couponId));
            }
            Coupon c = storedValue ? h.coupon().withBalance(h.coupon().balance().minus(r.amount())) : h.coupon();
            List<HeldCoupon.Redemption> redemptions = new ArrayList<>(h.redemptions());
            redemptions.add(new HeldCoupon.Redemption(operation, r.order(), r.amount(), r.shares(), at, Map.of(),
                    Money.zero(r.amount().currency()), Money.zero(r.amount().currency()), Money.zero(r.amount().currency())));
            return write(w.with(h.with(c, Optional.empty(), redemptions, !storedValue || c.balance().isZero())));
        });
        if (refused.isPresent()) {
            update(usage, t.id(), () -> TemplateUsage.empty(t.id(), t.currency()), step("uncommit", operation),
                    u -> write(new TemplateUsage(u.template(), u.issued(), u.redeemed() - 1, u.spent().minus(r.amount()),
                            u.holds())));
            return CouponResult.of(refused.get());
        }
        return new CouponResult(applied("REDEEMED", b -> b.fact("coupon", couponId).fact("order", r.order())
                .fact("amount", r.amount())),
                List.of(new CouponEvent.CouponRedeemed(member, at, operation, couponId, t.id(), r.order(), r.amount(),
                        r.shares())));
    }

    /** Releases the reservation made by {@code operation}; the coupon is usable again. */
    public CouponResult release(OperationId operation, MemberId member, CouponId couponId, Instant at) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(at, "at");
        if (wallets.isApplied(member, step("release", operation))) {
            return CouponResult.of(new CouponOutcome.Duplicate(operation));
        }
        Optional<HeldCoupon> found = wallet(member).coupon(couponId);
        if (found.isEmpty()) {
            return CouponResult.of(rejected(CouponOutcome.Reason.COUPON_UNKNOWN, b -> b.fact("coupon", couponId)));
        }
        if (found.get().redemption(operation).isPresent()) {
            return CouponResult.of(rejected(CouponOutcome.Reason.ALREADY_COMMITTED, b -> b.fact("coupon", couponId)));
        }
        Optional<HeldCoupon.Reservation> r = found.get().reservation().filter(x -> x.operation().equals(operation));
        if (r.isEmpty()) {
            return CouponResult.of(rejected(CouponOutcome.Reason.NOT_RESERVED, b -> b.fact("coupon", couponId)));
        }
        Optional<CouponOutcome.Rejected> refused = update(wallets, member, () -> MemberCoupons.empty(member),
                step("release", operation), w -> {
                    HeldCoupon h = w.coupon(couponId).orElseThrow();
                    if (h.reservation().isEmpty() || !h.reservation().get().operation().equals(operation)) {
                        return refuse(CouponOutcome.Reason.NOT_RESERVED, b -> b.fact("coupon", couponId));
                    }
                    return write(w.with(h.with(h.coupon(), Optional.empty(), h.redemptions(), h.used())));
                });
        if (refused.isPresent()) {
            return CouponResult.of(refused.get());
        }
        CouponTemplate t = template(found.get().coupon().template());
        update(usage, t.id(), () -> TemplateUsage.empty(t.id(), t.currency()), step("release", operation),
                u -> write(u.withoutHold(operation, at)));
        return new CouponResult(applied("RELEASED", b -> b.fact("coupon", couponId)),
                List.of(new CouponEvent.CouponReleased(member, at, operation, couponId, r.get().order())));
    }

    /** Reserves and commits in one call (a checkout that pays at once). Idempotent like both. */
    public CouponResult redeem(OperationId operation, MemberId member, OrderId order, AppliedCoupon applied,
            Instant at) {
        CouponResult reserved = reserve(operation, member, order, applied, at, at.plusSeconds(600));
        if (!reserved.outcome().succeeded()) {
            return reserved;
        }
        CouponResult committed = commit(operation, member, applied.coupon().id(), at);
        List<CouponEvent> events = new ArrayList<>(reserved.events());
        events.addAll(committed.events());
        return new CouponResult(committed.outcome(), events);
    }

    /**
     * Reverses this coupon's line shares for the units {@code refund} returns from {@code order}
     * ({@code order} as paid: its lines' discounts include the coupons'). Each line's stored share
     * is spread over its units like {@link OrderLine#netForUnits} spreads a net (the first
     * {@code share % quantity} units carry one minor unit more), so any sequence of returns of a
     * line reverses exactly its share, never more.
     *
     * <p>Template policy: a coupon whose lines are all returned becomes usable again when
     * {@code refunds.restoreOnFullReturn} (a stored-value voucher always gets the reversed amount
     * back on its balance). When a partial return takes the kept lines below the threshold (kept
     * nets plus this coupon's kept shares) and the policy is {@code CLAW_BACK}, the discount on the
     * kept units is clawed back from this refund, once and never more than the refund pays; when
     * those units come back later, the claw is handed back with them. The host's cash refund is
     * {@code Σ netForUnits - clawedBack + clawReturned}, reported in the explanation as
     * {@code refundDue}; a full return so refunds exactly what was paid.
     *
     * @throws IllegalArgumentException if the refund is not of {@code order} or returns more units
     *     than remain
     */
    public CouponResult refund(OperationId operation, MemberId member, CouponId couponId, Order order, Refund refund) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(refund, "refund");
        if (wallets.isApplied(member, step("refund", operation))) {
            return CouponResult.of(new CouponOutcome.Duplicate(operation));
        }
        Optional<HeldCoupon> found = wallet(member).coupon(couponId);
        if (found.isEmpty()) {
            return CouponResult.of(rejected(CouponOutcome.Reason.COUPON_UNKNOWN, b -> b.fact("coupon", couponId)));
        }
        Optional<HeldCoupon.Redemption> used = found.get().redemptions().stream()
                .filter(r -> r.order().equals(order.id())).findFirst();
        if (used.isEmpty()) {
            return CouponResult.of(rejected(CouponOutcome.Reason.NOT_REDEEMED_ON_ORDER, b -> b
                    .fact("coupon", couponId).fact("order", order.id())));
        }
        HeldCoupon.Redemption red = used.get();
        refund.checkAgainst(order, red.returnedUnits());
        CouponTemplate t = template(found.get().coupon().template());
        Map<Integer, Integer> after = new HashMap<>(red.returnedUnits());
        long reversed = 0;
        long paidReturned = 0;
        for (RefundLine line : refund.lines()) {
            OrderLine sold = order.line(line.lineNo()).orElseThrow();
            int before = red.returnedUnits().getOrDefault(line.lineNo(), 0);
            reversed += Allocation.ofUnits(red.share(line.lineNo()).minor(), sold.quantity(), before, line.quantity());
            paidReturned += sold.netForUnits(before, line.quantity()).minor();
            after.merge(line.lineNo(), line.quantity(), Integer::sum);
        }
        long keptBase = 0;
        long keptShare = 0;
        boolean allReturned = true;
        for (LineShare share : red.shares()) {
            OrderLine sold = order.line(share.lineNo()).orElseThrow(() -> new IllegalArgumentException(
                    "order must hold the coupon's line " + share.lineNo() + ": " + order.id()));
            int returned = after.getOrDefault(share.lineNo(), 0);
            int kept = sold.quantity() - returned;
            long part = Allocation.ofUnits(share.amount().minor(), sold.quantity(), returned, kept);
            keptShare += part;
            keptBase += sold.netForUnits(returned, kept).minor() + part;
            allReturned &= kept == 0;
        }
        long threshold = t.benefit().thresholdMinor();
        boolean below = threshold > 0 && keptShare > 0 && keptBase < threshold;
        long claw = below && t.refunds().belowThreshold() == RefundPolicy.ThresholdPolicy.CLAW_BACK
                && red.clawedBack().isZero() ? Math.min(keptShare, paidReturned) : 0;
        long giveBack = Math.min(red.clawedBack().minus(red.clawReturned()).minor(), reversed);
        Currency currency = red.amount().currency();
        boolean storedValue = t.benefit() instanceof Benefit.StoredValue;
        boolean restore = storedValue ? reversed > 0 : allReturned && t.refunds().restoreOnFullReturn() && found.get().used();
        Money reversedMoney = Money.ofMinor(reversed, currency);
        Money clawMoney = Money.ofMinor(claw, currency);
        Money giveBackMoney = Money.ofMinor(giveBack, currency);
        HeldCoupon.Redemption next = new HeldCoupon.Redemption(red.operation(), red.order(), red.amount(), red.shares(),
                red.at(), after, red.reversed().plus(reversedMoney), red.clawedBack().plus(clawMoney),
                red.clawReturned().plus(giveBackMoney));
        Optional<CouponOutcome.Rejected> refused = update(wallets, member, () -> MemberCoupons.empty(member),
                step("refund", operation), w -> {
                    HeldCoupon h = w.coupon(couponId).orElseThrow();
                    if (!h.redemptions().contains(red)) {
                        throw new ConcurrentModificationException("coupon " + couponId
                                + " changed during the refund of order " + order.id() + "; retry");
                    }
                    List<HeldCoupon.Redemption> redemptions = new ArrayList<>(h.redemptions());
                    redemptions.set(redemptions.indexOf(red), next);
                    Coupon c = storedValue ? h.coupon().withBalance(h.coupon().balance().plus(reversedMoney)) : h.coupon();
                    return write(w.with(h.with(c, h.reservation(), redemptions, restore ? false : h.used())));
                });
        if (refused.isPresent()) {
            return CouponResult.of(refused.get());
        }
        boolean uncount = restore && !storedValue;
        update(usage, t.id(), () -> TemplateUsage.empty(t.id(), t.currency()), step("refund", operation),
                u -> write(new TemplateUsage(u.template(), u.issued(), u.redeemed() - (uncount ? 1 : 0),
                        u.spent().minus(reversedMoney).minus(clawMoney).plus(giveBackMoney), u.holds())));
        Money paid = Money.ofMinor(paidReturned, currency);
        return new CouponResult(applied("REFUNDED", b -> b.fact("coupon", couponId).fact("order", order.id())
                .fact("reversed", reversedMoney).fact("paidForReturned", paid).fact("belowThreshold", below)
                .fact("clawedBack", clawMoney).fact("clawReturned", giveBackMoney)
                .fact("refundDue", paid.minus(clawMoney).plus(giveBackMoney)).fact("restored", restore)),
                List.of(new CouponEvent.CouponRefunded(member, refund.at(), operation, couponId, order.id(), refund.id(),
                        reversedMoney, clawMoney, giveBackMoney, restore)));
    }


    // ---- steps

    private Optional<CouponOutcome> replayOfReserve(HeldCoupon held, OperationId operation, OrderId order,
            Money amount) {
        Optional<HeldCoupon.Redemption> done = held.redemption(operation);
        Optional<HeldCoupon.Reservation> live = held.reservation().filter(r -> r.operation().equals(operation));
        if (done.isEmpty() && live.isEmpty()) {
            return Optional.empty();
        }
        OrderId o = done.map(HeldCoupon.Redemption::order).orElseGet(() -> live.get().order());
        Money a = done.map(HeldCoupon.Redemption::amount).orElseGet(() -> live.get().amount());
        if (o.equals(order) && a.equals(amount)) {
            return Optional.of(new CouponOutcome.Duplicate(operation));
        }
        return Optional.of(new CouponOutcome.Conflict(operation, String.format(Locale.ROOT,
                "operation %s reserved %s for order %s, not %s for order %s", operation, a, o, amount, order)));
    }

    private static Optional<CouponOutcome.Rejected> unavailable(HeldCoupon held, Money amount, Instant at) {
        Coupon c = held.coupon();
        if (held.used()) {
            return Optional.of(rejected(CouponOutcome.Reason.ALREADY_USED, b -> b.fact("coupon", c.id())));
        }
        if (held.reservedAt(at)) {
            return Optional.of(rejected(CouponOutcome.Reason.RESERVED_ELSEWHERE, b -> b.fact("coupon", c.id())
                    .fact("order", held.reservation().get().order()).fact("until", held.reservation().get().expiresAt())));
        }
        if (at.isBefore(c.validFrom())) {
            return Optional.of(rejected(CouponOutcome.Reason.NOT_YET_VALID, b -> b.fact("validFrom", c.validFrom())));
        }
        if (!at.isBefore(c.validUntil())) {
            return Optional.of(rejected(CouponOutcome.Reason.EXPIRED, b -> b.fact("validUntil", c.validUntil())));
        }
        if (c.balance().isPositive() && amount.isGreaterThan(c.balance())) {
            return Optional.of(rejected(CouponOutcome.Reason.INSUFFICIENT_BALANCE, b -> b.fact("balance", c.balance())
                    .fact("amount", amount)));
        }
        return Optional.empty();
    }

    private static Optional<CouponOutcome.Rejected> withinLimits(CouponTemplate t, TemplateUsage u, Money amount,
            Instant at) {
        Limits limits = t.limits();
        if (limits.redeemedTotal() > 0 && u.redemptionsAt(at) >= limits.redeemedTotal()) {
            return Optional.of(rejected(CouponOutcome.Reason.REDEMPTION_LIMIT_REACHED, b -> b
                    .fact("redeemedTotal", limits.redeemedTotal()).fact("counted", u.redemptionsAt(at))));
        }
        if (limits.budget().isPresent() && u.budgetUsedAt(at).plus(amount).isGreaterThan(limits.budget().get())) {
            return Optional.of(rejected(CouponOutcome.Reason.BUDGET_EXHAUSTED, b -> b
                    .fact("budget", limits.budget().get()).fact("used", u.budgetUsedAt(at)).fact("amount", amount)));
        }
        return Optional.empty();
    }

    private static Optional<CouponOutcome.Rejected> memberLimit(CouponTemplate t, MemberCoupons w) {
        int perMember = t.limits().perMember();
        if (perMember > 0 && w.issuedFrom(t.id()) >= perMember) {
            return Optional.of(rejected(CouponOutcome.Reason.MEMBER_LIMIT_REACHED, b -> b
                    .fact("perMember", perMember).fact("held", w.issuedFrom(t.id()))));
        }
        return Optional.empty();
    }

    private CouponTemplate template(CouponTemplateId id) {
        Objects.requireNonNull(id, "template");
        CouponTemplate t = templates.get(id);
        if (t == null) {
            throw new IllegalArgumentException("template must be known to this ledger: " + id);
        }
        return t;
    }

    static OperationId step(String name, OperationId operation) {
        return OperationId.of(name + ":" + operation.value());
    }

    /** What a decision function wants done with the loaded value. */
    sealed interface Step<V> {
    }

    record Write<V>(V value) implements Step<V> {
    }

    record Refuse<V>(CouponOutcome.Rejected rejected) implements Step<V> {
    }

    record Noop<V>() implements Step<V> {
    }

    private static <V> Step<V> write(V value) {
        return new Write<>(value);
    }

    private static <V> Step<V> refuse(CouponOutcome.Reason reason, Function<Explanation.Builder, Explanation.Builder> facts) {
        return new Refuse<>(rejected(reason, facts));
    }

    private static CouponOutcome.Rejected rejected(CouponOutcome.Reason reason,
            Function<Explanation.Builder, Explanation.Builder> facts) {
        return new CouponOutcome.Rejected(reason, facts.apply(Explanation.builder(reason.name())).build());
    }

    private static CouponOutcome.Applied applied(String code, Function<Explanation.Builder, Explanation.Builder> facts) {
        return new CouponOutcome.Applied(facts.apply(Explanation.builder(code)).build());
    }

    /**
     * Compare-and-set loop: applies {@code decide} to the stored value (or {@code empty}) and writes
     * the result under {@code operation}, retrying on version conflicts. An operation the store
     * already recorded is done and is not decided again.
     *
     * @return the refusal, if {@code decide} refused
     */
    private static <K, V> Optional<CouponOutcome.Rejected> update(VersionedStore<K, V> store, K key, Supplier<V> empty,
            OperationId operation, Function<V, Step<V>> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (store.isApplied(key, operation)) {
                return Optional.empty();
            }
            Optional<Versioned<V>> loaded = store.load(key);
            long version = loaded.map(Versioned::version).orElse(0L);
            Step<V> step = decide.apply(loaded.map(Versioned::value).orElseGet(empty));
            if (step instanceof Refuse<V> r) {
                return Optional.of(r.rejected());
            }
            if (step instanceof Noop<V>) {
                return Optional.empty();
            }
            WriteResult written = store.write(key, version, ((Write<V>) step).value(), operation);
            if (written != WriteResult.VERSION_CONFLICT) {
                return Optional.empty();
            }
            Thread.onSpinWait();
        }
        throw new ConcurrentModificationException(String.format(Locale.ROOT,
                "%s must be writable within %d attempts: operation %s", key, MAX_ATTEMPTS, operation));
    }
}
