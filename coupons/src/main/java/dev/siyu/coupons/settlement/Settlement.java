package dev.siyu.coupons.settlement;

import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.money.Allocation;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.event.CouponEvent;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Funding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Splits coupon discounts between the mall and the counters by each template's {@link Funding}
 * and settles them per counter and period.
 *
 * <p>A line share is split by largest remainder over {@code mallPercent : 100 - mallPercent}
 * ({@link Allocation}): the parts sum exactly to the share. A return of some units reverses each
 * part spread over the line's units like the share itself (the first {@code part % quantity}
 * units carry one minor unit more), so returning every unit reverses every part exactly, and no
 * step reverses more of a part than remains. Immutable and thread-safe.
 */
public final class Settlement {

    private final Map<CouponTemplateId, CouponTemplate> templates;

    private Settlement(Map<CouponTemplateId, CouponTemplate> templates) {
        this.templates = templates;
    }

    /** @throws IllegalArgumentException for duplicate template ids */
    public static Settlement of(Collection<CouponTemplate> templates) {
        Map<CouponTemplateId, CouponTemplate> byId = new HashMap<>();
        for (CouponTemplate t : templates) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("templates id must be unique: " + t.id());
            }
        }
        return new Settlement(Map.copyOf(byId));
    }

    /**
     * The funding of each line share of a redemption, dated at the redemption.
     *
     * @throws IllegalArgumentException if the template is unknown or a share's line is not in {@code order}
     */
    public List<FundingEntry> funding(CouponEvent.CouponRedeemed redeemed, Order order) {
        List<FundingEntry> out = new ArrayList<>();
        Funding funding = template(redeemed.template()).funding();
        for (LineShare share : redeemed.shares()) {
            OrderLine line = line(order, share.lineNo());
            long[] parts = split(share.amount().minor(), funding);
            out.add(entry(redeemed, redeemed.at(), line, share.amount().minor(), parts[0], parts[1]));
        }
        return List.copyOf(out);
    }

    /**
     * The reversal (negative entries, dated at the refund) of the funding for the units
     * {@code refund} returns, given the units of each line returned before it.
     *
     * @throws IllegalArgumentException if the refund does not fit the order
     */
    public List<FundingEntry> reversal(CouponEvent.CouponRedeemed redeemed, Order order, Map<Integer, Integer> returnedBefore,
            Refund refund) {
        refund.checkAgainst(order, returnedBefore);
        Funding funding = template(redeemed.template()).funding();
        Map<Integer, LineShare> shares = new HashMap<>();
        redeemed.shares().forEach(s -> shares.put(s.lineNo(), s));
        List<FundingEntry> out = new ArrayList<>();
        for (RefundLine returned : refund.lines()) {
            LineShare share = shares.get(returned.lineNo());
            if (share == null) {
                continue;
            }
            OrderLine line = line(order, returned.lineNo());
            long[] parts = split(share.amount().minor(), funding);
            int before = returnedBefore.getOrDefault(returned.lineNo(), 0);
            long mall = Allocation.ofUnits(parts[0], line.quantity(), before, returned.quantity());
            long total = Allocation.ofUnits(share.amount().minor(), line.quantity(), before, returned.quantity());
            out.add(entry(redeemed, refund.at(), line, -total, -mall, -(total - mall)));
        }
        return List.copyOf(out);
    }

    /** The statement of {@code counter} over {@code [from, until)} from any entries (others are ignored). */
    public SettlementStatement statement(CounterId counter, Instant from, Instant until, Collection<FundingEntry> entries) {
        Objects.requireNonNull(counter, "counter");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "until must be after from %s: %s", from, until));
        }
        List<FundingEntry> mine = new ArrayList<>();
        Currency currency = null;
        long discount = 0;
        long mall = 0;
        long counterPart = 0;
        for (FundingEntry e : entries) {
            if (e.counter().map(counter::equals).orElse(false) && !e.at().isBefore(from) && e.at().isBefore(until)) {
                if (currency != null && !currency.equals(e.discount().currency())) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "entries currency must match: %s vs %s", currency, e.discount().currency()));
                }
                currency = e.discount().currency();
                mine.add(e);
                discount = Math.addExact(discount, e.discount().minor());
                mall = Math.addExact(mall, e.mallFunded().minor());
                counterPart = Math.addExact(counterPart, e.counterFunded().minor());
            }
        }
        Currency c = currency == null ? Money.CNY : currency;
        return new SettlementStatement(counter, from, until, Money.ofMinor(discount, c), Money.ofMinor(mall, c),
                Money.ofMinor(counterPart, c), mine);
    }

    private static long[] split(long share, Funding funding) {
        return Allocation.byLargestRemainder(share, funding.mallPercent(), 100L - funding.mallPercent());
    }


    private static FundingEntry entry(CouponEvent.CouponRedeemed r, Instant at, OrderLine line, long total, long mall,
            long counter) {
        Currency c = r.amount().currency();
        return new FundingEntry(at, r.order(), r.coupon(), r.template(), line.lineNo(), line.counter(), line.brand(),
                Money.ofMinor(total, c), Money.ofMinor(mall, c), Money.ofMinor(counter, c));
    }

    private static OrderLine line(Order order, int lineNo) {
        return order.line(lineNo).orElseThrow(() -> new IllegalArgumentException(String.format(Locale.ROOT,
                "order %s must hold line %d", order.id(), lineNo)));
    }

    private CouponTemplate template(CouponTemplateId id) {
        CouponTemplate t = templates.get(id);
        if (t == null) {
            throw new IllegalArgumentException("template must be known to this settlement: " + id);
        }
        return t;
    }
}
