package dev.siyu.core.points;

import dev.siyu.core.event.MembershipEvent;
import dev.siyu.core.event.PointsEarned;
import dev.siyu.core.event.PointsExpired;
import dev.siyu.core.event.PointsRedeemed;
import dev.siyu.core.event.PointsReturned;
import dev.siyu.core.event.PointsReversed;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
import dev.siyu.core.kernel.OperationLog;
import dev.siyu.core.kernel.Prefetch;
import dev.siyu.core.money.Allocation;
import dev.siyu.core.money.DecimalFactor;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The {@link PointsEngine} implementation. Immutable and thread-safe. */
final class DefaultPointsEngine implements PointsEngine {

    private final PointsProgram program;
    private final int fractionDigits;
    private final DecimalFactor earnRate;
    private final DecimalFactor birthdayMultiplier;
    /** Whether the birthday multiplier changes anything: without it the profile's birthday is not read. */
    private final boolean birthdayBonus;
    private final Map<TierId, DecimalFactor> tierMultipliers;
    private final Map<CategoryId, DecimalFactor> categoryMultipliers;
    private final Map<BrandId, DecimalFactor> brandMultipliers;
    private final String earnRateFact;
    private final String redeemRateFact;
    private final Dates dates;
    private final Map<PointsProgram.Campaign, DecimalFactor> campaignMultipliers;
    private final Money zero;

    DefaultPointsEngine(PointsProgram program) {
        this.program = program;
        this.fractionDigits = program.currency().getDefaultFractionDigits();
        this.earnRate = DecimalFactor.of(program.earnRate());
        this.birthdayMultiplier = DecimalFactor.of(program.birthdayMultiplier());
        this.birthdayBonus = program.birthdayMultiplier().compareTo(BigDecimal.ONE) != 0;
        this.tierMultipliers = scaled(program.tierMultipliers());
        this.categoryMultipliers = scaled(program.categoryMultipliers());
        this.brandMultipliers = scaled(program.brandMultipliers());
        String code = program.currency().getCurrencyCode();
        this.earnRateFact = program.earnRate().toPlainString() + " per " + code;
        this.redeemRateFact = program.redeemRate() + " points per " + code;
        this.dates = new Dates(program.zone(), program.expiry());
        Map<PointsProgram.Campaign, DecimalFactor> campaigns = new HashMap<>();
        for (PointsProgram.Campaign c : program.campaigns()) {
            campaigns.put(c, DecimalFactor.of(c.multiplier()));
        }
        this.campaignMultipliers = Map.copyOf(campaigns);
        this.zero = Money.zero(program.currency());
    }

    private static <K> Map<K, DecimalFactor> scaled(Map<K, BigDecimal> multipliers) {
        Map<K, DecimalFactor> out = new HashMap<>();
        multipliers.forEach((k, v) -> out.put(k, DecimalFactor.of(v)));
        return Map.copyOf(out);
    }

    @Override
    public PointsProgram program() {
        return program;
    }

    private LocalDate dateOf(Instant at) {
        return dates.of(at);
    }

    @Override
    public PointsResult apply(PointsAccount account, PointsCommand command) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(command, "command");
        // Start reading the account's arrays now: their cache misses then overlap the hashing below
        // instead of stalling the command one after the other at the end (a software prefetch,
        // Prefetch.keep).
        Prefetch.keep(touch(account, command));
        checkCallerErrors(account, command);
        long fingerprint = Fingerprint.of(command);
        OperationDigest digest = OperationDigest.of(command.operation().value());
        OperationLog log = account.operations();
        int recorded = log.indexOf(digest);
        if (recorded >= 0) {
            PointsOutcome was = PointsAccount.recordedOutcome(log, recorded);
            PointsOutcome outcome = log.fingerprint(recorded) == fingerprint
                    ? new PointsOutcome.Duplicate(was)
                    : new PointsOutcome.Conflict(command.operation(), was);
            return new PointsResult(account, List.of(), outcome);
        }
        LocalDate date = dateOf(command.at());
        int day = (int) date.toEpochDay();
        IdempotencyWindow window = program.idempotencyWindow();
        PointsOutcome outcome = null;
        if (!window.accepts(day, log)) {
            outcome = reject(RejectReason.OUTSIDE_IDEMPOTENCY_WINDOW, "operation", command.operation(), "commandOn", date,
                    "firstAcceptedOn", LocalDate.ofEpochDay(window.firstAcceptedDay(log.latestDay())),
                    "windowDays", window.days().orElse(0));
        } else if (command instanceof PointsCommand.RefundOrder r) {
            OrderRecord record = account.orders().get(orderKey(r.order().id()));
            if (record != null && record.lineCount() > 0 && record.lineCount() != r.order().lines().size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "refund order must have the lines of the order as earned %s: %d lines, not %d",
                        r.order().id(), record.lineCount(), r.order().lines().size()));
            }
            r.refund().checkAgainst(r.order(), record == null ? Map.of() : record.returnedByLine(r.order()));
            outcome = checkWindow(account, r.order(), date, RejectReason.REFUND_WINDOW_CLOSED, "refundOn");
        } else if (command instanceof PointsCommand.Earn e) {
            outcome = checkWindow(account, e.order(), date, RejectReason.EARN_WINDOW_CLOSED, "earnOn");
        }
        Work work = new Work(account, date, program.refundWindowDays().isPresent()
                ? (int) Math.max(Integer.MIN_VALUE + 1, date.toEpochDay() - program.refundWindowDays().getAsInt())
                : Integer.MIN_VALUE);
        if (outcome != null) {
            // refused before any change
        } else if (command instanceof PointsCommand.Earn e) {
            outcome = earn(work, e);
        } else if (command instanceof PointsCommand.RedeemForPayment r) {
            outcome = redeemForPayment(work, r);
        } else if (command instanceof PointsCommand.RedeemForReward r) {
            outcome = redeemForReward(work, r);
        } else if (command instanceof PointsCommand.RefundOrder r) {
            outcome = refund(work, r);
        } else {
            outcome = expire(work, (PointsCommand.Expire) command);
        }
        if (outcome instanceof PointsOutcome.Rejected r && r.reason() == RejectReason.OUTSIDE_IDEMPOTENCY_WINDOW) {
            // not recorded: a replay is as old and is refused the same way, and the record would
            // only be forgotten again
            return new PointsResult(account, List.of(), outcome);
        }
        if (outcome instanceof PointsOutcome.Rejected) {
            PointsAccount a = account;
            PointsAccount rejected = new PointsAccount(a.member, a.version + 1, a.lots, a.lotsTotal, a.nextSequence,
                    a.earned, a.redeemed, a.rare,
                    PointsAccount.recorded(a.operations(), window, digest, fingerprint, outcome, day), a.orders());
            return new PointsResult(rejected, List.of(), outcome);
        }
        return new PointsResult(work.build(digest, fingerprint, outcome, day, window), work.events(), outcome);
    }

    /**
     * The account's state a command reads or appends to, and the command's ids and order lines,
     * combined: see {@link #apply}. The lines' reads do not depend on each other, so their misses
     * overlap too (a host's fresh command is in cache already: then this costs a few loads).
     */
    private static long touch(PointsAccount a, PointsCommand command) {
        long x = a.touchOperations() ^ a.touchOrders() ^ command.operation().value().length();
        Order order = command instanceof PointsCommand.Earn e ? e.order()
                : command instanceof PointsCommand.RefundOrder r ? r.order() : null;
        if (order != null) {
            x ^= order.id().value().length();
            List<OrderLine> lines = order.lines();
            for (int i = 0; i < lines.size() && i < 8; i++) {
                OrderLine line = lines.get(i);
                x ^= line.unitPrice().minor() ^ line.lineDiscount().minor();
            }
        }
        long[] lots = a.lots;
        // the first lots' row words, one read a cache line (8 words)
        for (int w = 0; w < lots.length && w < 24; w += 8) {
            x ^= lots[w];
        }
        return x;
    }

    /** The key of an order's records: the first 64 bits of the {@link OperationDigest} of its id. */
    static long orderKey(OrderId order) {
        return OperationDigest.of(order.value()).hi();
    }

    /**
     * A refusal if the program has a refund window and {@code order} was placed before it, else null:
     * {@link RejectReason#REFUND_WINDOW_CLOSED} for a refund ({@code dateFact} "refundOn"), and
     * {@link RejectReason#EARN_WINDOW_CLOSED} for an earn ("earnOn"), since past the window the order's
     * record may already be dropped and a second earn could not be told from a first.
     */
    private PointsOutcome checkWindow(PointsAccount account, Order order, LocalDate date, RejectReason reason,
            String dateFact) {
        if (program.refundWindowDays().isEmpty()) {
            return null;
        }
        int window = program.refundWindowDays().getAsInt();
        LocalDate placed = dateOf(order.placedAt());
        long placedDay = placed.toEpochDay();
        if (placedDay < date.toEpochDay() - window || placedDay < account.orders().horizon()) {
            return reject(reason, "order", order.id(), "placedOn", placed, dateFact, date, "refundWindowDays", window);
        }
        return null;
    }

    private void checkCallerErrors(PointsAccount account, PointsCommand command) {
        Order order = null;
        if (command instanceof PointsCommand.Earn e) {
            order = e.order();
        } else if (command instanceof PointsCommand.RefundOrder r) {
            order = r.order();
        } else if (command instanceof PointsCommand.RedeemForPayment r) {
            checkCurrency("orderAmount", r.orderAmount().currency());
        }
        if (order != null) {
            if (!order.member().equals(account.member)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "order member must be the account's member %s: %s", account.member, order.member()));
            }
            checkCurrency("order currency", order.currency());
        }
    }

    private void checkCurrency(String field, java.util.Currency currency) {
        if (!currency.equals(program.currency())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be %s: %s", field,
                    program.currency().getCurrencyCode(), currency.getCurrencyCode()));
        }
    }

    // ---------------------------------------------------------------- earn

    private PointsOutcome earn(Work w, PointsCommand.Earn cmd) {
        Order order = cmd.order();
        long key = orderKey(order.id());
        OrderRecord record = w.order(key);
        if (record.isEarned()) {
            return new PointsOutcome.Rejected(RejectReason.ORDER_ALREADY_EARNED,
                    Explanation.builder(RejectReason.ORDER_ALREADY_EARNED.name()).fact("order", order.id()).build());
        }
        LocalDate earnDate = w.date; // the command's business date
        LocalDate purchaseDate = order.placedAt().equals(cmd.at()) ? earnDate : dateOf(order.placedAt());
        int placedDay = (int) purchaseDate.toEpochDay();
        List<OrderLine> lines = order.lines();
        int n = lines.size();
        long paidByPoints = 0;
        List<Tender> tenders = order.tenders();
        for (int i = 0; i < tenders.size(); i++) {
            Tender tender = tenders.get(i);
            if (tender.type() == TenderType.POINTS) {
                paidByPoints = Math.addExact(paidByPoints, tender.amount().minor());
            }
        }
        // null when no points paid: every line's share is zero (and the nets are not kept)
        long[] pointsShare = null;
        if (paidByPoints > 0) {
            long[] nets = new long[n];
            long netSum = 0;
            for (int i = 0; i < n; i++) {
                nets[i] = netMinor(lines.get(i));
                netSum += nets[i];
            }
            pointsShare = netSum > 0 ? Allocation.byLargestRemainder(paidByPoints, nets) : null;
        }

        // The order's common multiplier, pre-scaled, and the values its explanation is made of.
        Earning earning = new Earning(this, order, pointsShare);
        if (cmd.tier().isPresent()) {
            earning.tier = cmd.tier().get();
            earning.times(earning.tierFactor = tierMultipliers.getOrDefault(earning.tier, DecimalFactor.ONE));
        }
        if (birthdayBonus && cmd.profile().isBirthdayMonth(purchaseDate)) {
            earning.times(earning.birthdayFactor = birthdayMultiplier);
        }
        Optional<PointsProgram.Campaign> campaign = program.campaignOn(purchaseDate);
        if (campaign.isPresent()) {
            earning.campaign = campaign.get();
            earning.times(earning.campaignFactor = campaignMultipliers.get(earning.campaign));
        }
        long[] raw = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            OrderLine line = lines.get(i);
            DecimalFactor category = categoryMultipliers.getOrDefault(line.category(), DecimalFactor.ONE);
            DecimalFactor brand = brandMultipliers.getOrDefault(line.brand(), DecimalFactor.ONE);
            long share = pointsShare == null ? 0 : pointsShare[i];
            raw[i] = earning.linePoints(netMinor(line) - share, category, brand, fractionDigits);
            total = Math.addExact(total, raw[i]);
        }
        earning.raw = raw;
        earning.uncapped = total;
        long points = total;
        if (program.maxPerOrder().isPresent() && points > program.maxPerOrder().getAsLong()) {
            points = program.maxPerOrder().getAsLong();
            earning.cappedPerOrder = points;
        }
        long earnedThatDay = program.maxPerDay().isPresent() ? w.orders.earnedOn(placedDay) : 0;
        if (program.maxPerDay().isPresent()) {
            long room = Math.max(0, program.maxPerDay().getAsLong() - earnedThatDay);
            if (points > room) {
                points = room;
                earning.cappedPerDay = points;
                earning.earnedThatDay = earnedThatDay;
            }
        }
        earning.points = points;
        long[] perLine = OrderRecord.bySlot(order,
                points == total || total == 0 ? raw : Allocation.byLargestRemainder(points, raw));
        if (points > 0) {
            LocalDate availableOn = dates.plusDays(earnDate, program.pendingDays());
            Optional<LocalDate> expiresOn = dates.expiresOn(earnDate);
            w.earned += points;
            long debtRepaid = w.credit(points, earnDate, availableOn, expiresOn);
            long balanceChange = points - debtRepaid;
            earning.overdraftRepaid = w.overdraftRepaid;
            earning.debtRepaid = debtRepaid;
            earning.lot = w.creditedLot;
            earning.availableOn = availableOn;
            earning.expiresOn = expiresOn;
            // made after every value is in: the explanation's final fields publish them with it
            Explanation explanation = Explanation.deferred("POINTS_EARNED", earning);
            w.event(new PointsEarned(w.base.member, cmd.at(), cmd.operation(), Optional.of(order.id()), points,
                    availableOn, expiresOn, explanation));
            w.orders = w.orders.with(key, record.withEarned(w.creditedLot,
                    expiresOn.isPresent() ? expiresOn.get().toEpochDay() : OrderRecord.NEVER, placedDay, perLine),
                    w.cutoff);
            return new PointsOutcome.Applied(balanceChange, explanation);
        }
        w.orders = w.orders.with(key, record.withEarned(-1, OrderRecord.NEVER, placedDay, perLine), w.cutoff);
        return new PointsOutcome.Applied(0, Explanation.deferred("POINTS_EARNED", earning));
    }

    /** {@link OrderLine#net()} in minor units, without its two intermediate amounts. */
    private static long netMinor(OrderLine line) {
        return Math.subtractExact(Math.multiplyExact(line.unitPrice().minor(), (long) line.quantity()),
                line.lineDiscount().minor());
    }

    /**
     * One earn: the order's common multiplier {@code earnRate × tier × birthday × campaign},
     * pre-scaled ({@code unscaled / 10^scale}) while it fits a long, with the exact BigDecimal product
     * for lines that do not fit; and the values that decided the points, from which it makes the
     * earn's explanation when it is first read ({@link Explanation#deferred}). Filled in by
     * {@link #earn} on one thread, then only read: every field is set before the deferred explanation
     * is made (whose final fields publish them safely, as a built explanation's were) and never
     * changed after.
     */
    private static final class Earning implements Supplier<Explanation> {
        private final DefaultPointsEngine engine;
        private final Order order;
        /** Each line's share of the points tender, or null when none. */
        private final long[] shares;
        /** Tier, birthday and campaign factors; null while absent. */
        TierId tier;
        DecimalFactor tierFactor;
        DecimalFactor birthdayFactor;
        PointsProgram.Campaign campaign;
        DecimalFactor campaignFactor;
        private long unscaled;
        private int scale;
        private boolean exact;
        /** Points per line before the caps, indexed like the order's lines. */
        long[] raw;
        long uncapped;
        /** The points after a cap, or -1 when that cap did not cut. */
        long cappedPerOrder = -1;
        long cappedPerDay = -1;
        long earnedThatDay;
        long points;
        long overdraftRepaid;
        long debtRepaid;
        /** The lot credited, or -1. */
        long lot = -1;
        /** Null when no points were credited. */
        LocalDate availableOn;
        Optional<LocalDate> expiresOn;

        Earning(DefaultPointsEngine engine, Order order, long[] shares) {
            this.engine = engine;
            this.order = order;
            this.shares = shares;
            this.unscaled = engine.earnRate.unscaled();
            this.scale = engine.earnRate.scale();
            this.exact = engine.earnRate.exact();
        }

        /** The exact product of the factors. */
        private BigDecimal value() {
            BigDecimal v = engine.earnRate.value();
            if (tierFactor != null) {
                v = v.multiply(tierFactor.value());
            }
            if (birthdayFactor != null) {
                v = v.multiply(birthdayFactor.value());
            }
            if (campaignFactor != null) {
                v = v.multiply(campaignFactor.value());
            }
            return v;
        }

        void times(DecimalFactor m) {
            if (exact && m.exact()) {
                long hi = Math.multiplyHigh(unscaled, m.unscaled());
                long lo = unscaled * m.unscaled();
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    unscaled = lo;
                    scale += m.scale();
                    exact = scale < DecimalFactor.MAX_SCALE;
                    return;
                }
            }
            exact = false;
        }

        /**
         * {@code eligible × this × category × brand}, moved left by the currency's fraction digits and
         * rounded DOWN: exact long arithmetic when everything fits (long division truncates toward
         * zero, as DOWN does), else BigDecimal; the same number either way.
         */
        long linePoints(long eligible, DecimalFactor category, DecimalFactor brand, int fractionDigits) {
            if (exact && category.exact() && brand.exact()) {
                int s = scale + category.scale() + brand.scale() + fractionDigits;
                if (s < DecimalFactor.MAX_SCALE) {
                    try {
                        long u = Math.multiplyExact(Math.multiplyExact(unscaled, category.unscaled()), brand.unscaled());
                        return Math.multiplyExact(eligible, u) / DecimalFactor.tenTo(s);
                    } catch (ArithmeticException overflow) {
                        // falls through to the BigDecimal product
                    }
                }
            }
            return BigDecimal.valueOf(eligible).multiply(value()).multiply(category.value().multiply(brand.value()))
                    .movePointLeft(fractionDigits).setScale(0, RoundingMode.DOWN).longValueExact();
        }

        /** The earn's explanation, as the engine has always written it. */
        @Override
        public Explanation get() {
            Explanation.Builder why = Explanation.builder("POINTS_EARNED")
                    .fact("order", order.id())
                    .fact("rounding", "floor per line (DOWN) on the money paid by non-points tenders")
                    .fact("earnRate", engine.earnRateFact);
            if (tier != null) {
                why.fact("tier", tier).fact("tierMultiplier", tierFactor.text());
            }
            if (birthdayFactor != null) {
                why.fact("birthdayMultiplier", birthdayFactor.text());
            }
            if (campaign != null) {
                why.fact("campaign", campaign.code()).fact("campaignMultiplier", campaignFactor.text());
            }
            List<OrderLine> lines = order.lines();
            for (int i = 0; i < lines.size(); i++) {
                OrderLine line = lines.get(i);
                DecimalFactor category = engine.categoryMultipliers.getOrDefault(line.category(), DecimalFactor.ONE);
                DecimalFactor brand = engine.brandMultipliers.getOrDefault(line.brand(), DecimalFactor.ONE);
                // 1 × m has m's value and scale, so the product's text is the other factor's when one is absent.
                String multiplierText = category == DecimalFactor.ONE ? brand.text()
                        : brand == DecimalFactor.ONE ? category.text()
                        : category.value().multiply(brand.value()).toPlainString();
                long share = shares == null ? 0 : shares[i];
                why.because(Explanation.builder("LINE_POINTS").fact("lineNo", line.lineNo())
                        .fact("net", line.net())
                        .fact("paidByPoints", share == 0 ? engine.zero : Money.ofMinor(share, engine.program.currency()))
                        .fact("lineMultiplier", multiplierText).fact("points", raw[i]).build());
            }
            why.fact("uncapped", uncapped);
            if (cappedPerOrder >= 0) {
                why.fact("cappedPerOrder", cappedPerOrder);
            }
            if (cappedPerDay >= 0) {
                why.fact("cappedPerDay", cappedPerDay).fact("earnedEarlierThatDay", earnedThatDay);
            }
            if (points > 0) {
                if (overdraftRepaid > 0) {
                    why.fact("overdraftRepaid", overdraftRepaid);
                }
                if (debtRepaid > 0) {
                    why.fact("debtRepaid", debtRepaid);
                }
                if (lot >= 0) {
                    why.fact("lot", lot);
                }
                why.fact("points", points).fact("availableOn", availableOn)
                        .fact("expiresOn", expiresOn.isPresent() ? expiresOn.get() : "never");
            } else {
                why.fact("points", 0);
            }
            return why.build();
        }
    }

    // ---------------------------------------------------------------- redeem

    private PointsOutcome redeemForPayment(Work w, PointsCommand.RedeemForPayment cmd) {
        long points = cmd.points();
        if (points % program.redeemStep() != 0) {
            return reject(RejectReason.NOT_A_MULTIPLE_OF_STEP, "points", points, "step", program.redeemStep());
        }
        Money value = Money.ofMinor(redemptionValue(points), program.currency());
        Money maxValue = cmd.orderAmount().percent(program.maxSharePercent(), RoundingMode.DOWN);
        if (value.isGreaterThan(maxValue)) {
            return reject(RejectReason.ABOVE_MAX_SHARE, "value", value, "maxValue", maxValue,
                    "maxSharePercent", program.maxSharePercent().toPlainString());
        }
        LocalDate date = w.date;
        PointsOutcome refused = checkSpendable(w, date, points);
        if (refused != null) {
            return refused;
        }
        Redemption why = new Redemption("payment", cmd.order(), points, value, redeemRateFact);
        w.consume(points, date, why);
        w.redeemed += points;
        long key = orderKey(cmd.order());
        w.orders = w.orders.with(key, w.order(key).withRedeemed(points, (int) date.toEpochDay()), w.cutoff);
        w.event(new PointsRedeemed(w.base.member, cmd.at(), cmd.operation(), Optional.of(cmd.order()), "payment",
                points));
        return new PointsOutcome.Applied(-points, Explanation.deferred("POINTS_REDEEMED", why));
    }

    private PointsOutcome redeemForReward(Work w, PointsCommand.RedeemForReward cmd) {
        long points = cmd.points();
        LocalDate date = w.date;
        PointsOutcome refused = checkSpendable(w, date, points);
        if (refused != null) {
            return refused;
        }
        Redemption why = new Redemption(cmd.reward(), null, points, null, null);
        w.consume(points, date, why);
        w.redeemed += points;
        w.event(new PointsRedeemed(w.base.member, cmd.at(), cmd.operation(), Optional.empty(), cmd.reward(),
                points));
        return new PointsOutcome.Applied(-points, Explanation.deferred("POINTS_REDEEMED", why));
    }

    /**
     * One redemption: the values that decided it and the lots it used, from which it makes its
     * explanation when first read ({@link Explanation#deferred}). Filled in on one thread before the
     * deferred explanation is made (which publishes it), then only read.
     */
    private static final class Redemption implements Supplier<Explanation> {
        private final String purpose;
        /** The order paid, the amount and the rate fact; null for a reward. */
        private final OrderId order;
        private final long points;
        private final Money value;
        private final String rate;
        /** The first lot used and the points taken from it; -1 when none. */
        long firstLot = -1;
        long firstTaken;
        /** Lots used after the first, as sequence and points taken pairs; null while none. */
        long[] more;
        int moreLength;

        Redemption(String purpose, OrderId order, long points, Money value, String rate) {
            this.purpose = purpose;
            this.order = order;
            this.points = points;
            this.value = value;
            this.rate = rate;
        }

        void used(long lot, long taken) {
            if (firstLot < 0) {
                firstLot = lot;
                firstTaken = taken;
                return;
            }
            if (more == null) {
                more = new long[4];
            } else if (moreLength == more.length) {
                more = Arrays.copyOf(more, moreLength * 2);
            }
            more[moreLength++] = lot;
            more[moreLength++] = taken;
        }

        /** "sequence:taken" per lot used, comma-separated. */
        private String lotsUsed() {
            if (firstLot < 0) {
                return "";
            }
            StringBuilder out = new StringBuilder().append(firstLot).append(':').append(firstTaken);
            for (int i = 0; i < moreLength; i += 2) {
                out.append(',').append(more[i]).append(':').append(more[i + 1]);
            }
            return out.toString();
        }

        @Override
        public Explanation get() {
            Explanation.Builder why = Explanation.builder("POINTS_REDEEMED").fact("purpose", purpose);
            if (order != null) {
                why.fact("order", order).fact("points", points).fact("value", value).fact("rate", rate)
                        .fact("rounding", "value floored to the minor unit (DOWN)");
            } else {
                why.fact("points", points);
            }
            return why.fact("lotsUsed", lotsUsed()).build();
        }
    }

    /** {@code points × 10^fractionDigits / redeemRate} rounded DOWN: long arithmetic, BigDecimal if it overflows. */
    private long redemptionValue(long points) {
        if (fractionDigits < DecimalFactor.MAX_SCALE) {
            long high = Math.multiplyHigh(points, DecimalFactor.tenTo(fractionDigits));
            long low = points * DecimalFactor.tenTo(fractionDigits);
            if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
                return low / program.redeemRate();
            }
        }
        return BigDecimal.valueOf(points).movePointRight(fractionDigits)
                .divide(BigDecimal.valueOf(program.redeemRate()), 0, RoundingMode.DOWN).longValueExact();
    }

    private PointsOutcome checkSpendable(Work w, LocalDate date, long points) {
        long available = w.base.availableOn(date);
        if (available < program.minimumBalance()) {
            return reject(RejectReason.BELOW_MINIMUM_BALANCE, "available", available, "minimumBalance",
                    program.minimumBalance());
        }
        if (available < points) {
            return reject(RejectReason.INSUFFICIENT_POINTS, "available", available, "points", points);
        }
        return null;
    }

    private static PointsOutcome reject(RejectReason reason, Object... facts) {
        Explanation.Builder why = Explanation.builder(reason.name());
        for (int i = 0; i < facts.length; i += 2) {
            why.fact((String) facts[i], facts[i + 1]);
        }
        return new PointsOutcome.Rejected(reason, why.build());
    }

    // ---------------------------------------------------------------- refund

    private PointsOutcome refund(Work w, PointsCommand.RefundOrder cmd) {
        Order order = cmd.order();
        Instant at = cmd.at();
        LocalDate date = w.date;
        long key = orderKey(order.id());
        OrderRecord record = w.order(key).withLines(order, (int) dateOf(order.placedAt()).toEpochDay());
        int[] returned = record.returnedCopy();
        long reversal = 0;
        long refundedNet = record.refundedNet;
        Explanation.Builder why = Explanation.builder("POINTS_REFUNDED").fact("order", order.id())
                .fact("refund", cmd.refund().id())
                .fact("rounding", "cumulative: reversed = ceil(earned x unitsReturned / units) per line; "
                        + "returned = floor(redeemed x netRefunded / orderNet)");
        for (RefundLine line : cmd.refund().lines()) {
            int idx = indexOf(order, line.lineNo());
            if (idx < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "refund lineNo must exist in the order as earned %s: %d", order.id(), line.lineNo()));
            }
            OrderLine sold = order.lines().get(idx);
            int slot = OrderRecord.slotOf(order, idx);
            int before = returned[slot];
            int after = before + line.quantity();
            long earned = record.earned(slot);
            long lineReversal = ceilShare(earned, after, sold.quantity()) - ceilShare(earned, before, sold.quantity());
            reversal += lineReversal;
            refundedNet = Math.addExact(refundedNet, sold.netForUnits(before, line.quantity()).minor());
            returned[slot] = after;
            why.because(Explanation.builder("LINE_REVERSED").fact("lineNo", line.lineNo()).fact("units", line.quantity())
                    .fact("returnedBefore", before).fact("earnedOnLine", earned).fact("reversed", lineReversal).build());
        }
        OrderRecord updatedLines = record.withRefund(returned, record.returnedPaid, refundedNet);
        long orderNet = order.net().minor();
        long returnedPaidNow;
        if (orderNet > 0) {
            returnedPaidNow = BigDecimal.valueOf(record.redeemed).multiply(BigDecimal.valueOf(refundedNet))
                    .divide(BigDecimal.valueOf(orderNet), 0, RoundingMode.DOWN).longValueExact();
        } else {
            returnedPaidNow = updatedLines.allReturned(order) ? record.redeemed : 0;
        }
        long toReturn = returnedPaidNow - record.returnedPaid;
        // Points that paid for the lines come back first, as a new lot available at once.
        long debtRepaid = 0;
        if (toReturn > 0) {
            w.rare().returned += toReturn;
            debtRepaid = w.credit(toReturn, date, date, dates.expiresOn(date));
            if (w.overdraftRepaid > 0) {
                why.fact("overdraftRepaid", w.overdraftRepaid);
            }
            if (debtRepaid > 0) {
                why.fact("debtRepaid", debtRepaid);
            }
            if (w.creditedLot >= 0) {
                why.fact("lot", w.creditedLot);
            }
            w.event(new PointsReturned(w.base.member, at, cmd.operation(), order.id(), toReturn));
        }
        long taken = 0;
        long shortfall = 0;
        if (reversal > 0) {
            taken = w.takeBack(reversal, date, record.earnLot, record.earnExpiry);
            shortfall = reversal - taken;
            NegativeBalancePolicy policy = program.negativeBalance();
            if (shortfall > 0 && policy == NegativeBalancePolicy.DENY) {
                return reject(RejectReason.NEGATIVE_BALANCE_DENIED, "order", order.id(), "toReverse", reversal,
                        "held", taken, "policy", policy);
            }
            long debtNow = 0;
            if (policy == NegativeBalancePolicy.ALLOW) {
                w.rare().overdraft += shortfall;
                taken = reversal;
            } else if (policy == NegativeBalancePolicy.CLAMP) {
                w.rare().debt += shortfall;
                debtNow = shortfall;
            }
            w.rare().reversed += taken;
            w.event(new PointsReversed(w.base.member, at, cmd.operation(), order.id(), taken, debtNow));
        }
        w.orders = w.orders.with(key, record.withRefund(returned, returnedPaidNow, refundedNet), w.cutoff);
        why.fact("reversed", reversal).fact("takenFromBalance", taken).fact("recordedAsDebt",
                program.negativeBalance() == NegativeBalancePolicy.CLAMP ? shortfall : 0)
                .fact("returnedPoints", toReturn).fact("policy", program.negativeBalance());
        return new PointsOutcome.Applied(toReturn - debtRepaid - taken, why.build());
    }

    /** The index of line {@code lineNo} in {@code order}, or -1. */
    private static int indexOf(Order order, int lineNo) {
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineNo() == lineNo) {
                return i;
            }
        }
        return -1;
    }

    /** {@code ceil(whole × part / of)}, exact. */
    private static long ceilShare(long whole, int part, int of) {
        if (whole == 0 || part == 0) {
            return 0;
        }
        return BigDecimal.valueOf(whole).multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(of), 0, RoundingMode.CEILING).longValueExact();
    }

    // ---------------------------------------------------------------- expire

    private PointsOutcome expire(Work w, PointsCommand.Expire cmd) {
        LocalDate date = w.date;
        TreeMap<LocalDate, Long> byDate = new TreeMap<>();
        long day = date.toEpochDay();
        for (int i = 0; i < w.size(); i++) {
            long remaining = w.remaining(i);
            if (remaining > 0 && w.isExpiredOn(i, day)) {
                byDate.merge(LocalDate.ofEpochDay(w.expiryDay(i)), remaining, Long::sum);
                w.lotsTotal -= remaining;
                w.setRemaining(i, 0);
            }
        }
        long total = 0;
        for (var e : byDate.entrySet()) {
            total += e.getValue();
            w.event(new PointsExpired(w.base.member, cmd.at(), e.getKey(), e.getValue()));
        }
        w.rare().expired += total;
        return new PointsOutcome.Applied(-total, Explanation.builder("POINTS_EXPIRED").fact("asOf", date)
                .fact("points", total).fact("byDate", byDate).build());
    }

    // ---------------------------------------------------------------- queries

    @Override
    public long available(PointsAccount account, Instant at) {
        return account.availableOn(dateOf(at));
    }

    @Override
    public long pending(PointsAccount account, Instant at) {
        return account.pendingOn(dateOf(at));
    }

    @Override
    public List<ExpiringPoints> expiringWithin(PointsAccount account, Instant at, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0: " + days);
        }
        LocalDate date = dateOf(at);
        LocalDate until = date.plusDays(days);
        TreeMap<LocalDate, Long> byDate = new TreeMap<>();
        long[] lots = account.lots;
        long day = date.toEpochDay();
        long last = until.toEpochDay();
        for (int i = 0; i < LotRows.count(lots); i++) {
            int expiry = LotRows.expiryDay(lots, i);
            if (expiry != PointsLot.NEVER && !LotRows.isExpiredOn(lots, i, day) && expiry <= last) {
                byDate.merge(LocalDate.ofEpochDay(expiry), LotRows.remaining(lots, i), Long::sum);
            }
        }
        List<ExpiringPoints> out = new ArrayList<>(byDate.size());
        byDate.forEach((d, p) -> out.add(new ExpiringPoints(d, p)));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- working copy

    /**
     * The lots of a {@link Work}: the account's rows ({@link LotRows}), copied on the first change
     * (with room for one more lot), so a command that changes no lot copies none. {@link Work}
     * extends it (one object a command, not two). A lot whose remaining points reach zero stays in
     * place until {@link #live} drops it.
     */
    private static class Lots {
        private final long[] original;
        private long[] array;
        private int size;

        Lots(long[] original) {
            this.original = original;
            this.array = original;
            this.size = LotRows.count(original);
        }

        int size() {
            return size;
        }

        long sequence(int i) {
            return LotRows.sequence(array, i);
        }

        int earnedDay(int i) {
            return LotRows.earnedDay(array, i);
        }

        int availableDay(int i) {
            return LotRows.availableDay(array, i);
        }

        int expiryDay(int i) {
            return LotRows.expiryDay(array, i);
        }

        long remaining(int i) {
            return LotRows.remaining(array, i);
        }

        boolean isAvailableOn(int i, long day) {
            return LotRows.isAvailableOn(array, i, day);
        }

        boolean isExpiredOn(int i, long day) {
            return LotRows.isExpiredOn(array, i, day);
        }

        /** Makes {@link #array} this working copy's own, with room for {@code lots} lots. */
        private void own(int lots) {
            if (array == original) {
                array = Arrays.copyOf(array, lots * LotRows.ROW);
            } else if (array.length < lots * LotRows.ROW) {
                array = Arrays.copyOf(array, Math.max(lots, 2 * size) * LotRows.ROW);
            }
        }

        void setRemaining(int i, long remaining) {
            own(size);
            LotRows.setRemaining(array, i, remaining);
        }

        /** Adds {@code credited} to lot {@code i}'s points and remaining points. */
        void plus(int i, long credited) {
            own(size);
            LotRows.credit(array, i, credited);
        }

        /** Inserts a lot at {@code pos}. */
        void insert(int pos, long sequence, int earnedDay, int availableDay, int expiryDay, long points) {
            own(size + 1);
            System.arraycopy(array, pos * LotRows.ROW, array, (pos + 1) * LotRows.ROW, (size - pos) * LotRows.ROW);
            LotRows.set(array, pos, sequence, earnedDay, availableDay, expiryDay, points, points);
            size++;
        }

        /**
         * The lots with points remaining, in order: the account's own rows if nothing changed, the
         * working rows if they hold exactly those (they are not changed after), else a new array.
         */
        long[] live() {
            if (array == original) {
                return original;
            }
            int live = 0;
            for (int i = 0; i < size; i++) {
                if (LotRows.remaining(array, i) > 0) {
                    live++;
                }
            }
            if (live * LotRows.ROW == array.length) {
                return array;
            }
            if (live == 0) {
                return LotRows.NONE;
            }
            long[] out = new long[live * LotRows.ROW];
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (LotRows.remaining(array, i) > 0) {
                    System.arraycopy(array, i * LotRows.ROW, out, k * LotRows.ROW, LotRows.ROW);
                    k++;
                }
            }
            return out;
        }
    }

    /**
     * {@code lots} (live rows, in consumption order) with the lots available on {@code date} that
     * share an expiry date merged into the first of them; {@code lots} itself if there are none to
     * merge.
     */
    static long[] mergeAvailable(long[] lots, LocalDate date) {
        int count = LotRows.count(lots);
        // lots of one expiry are adjacent (consumption order): none to merge without two adjacent of one expiry
        boolean shared = false;
        for (int i = 1; i < count && !shared; i++) {
            shared = LotRows.expiryDay(lots, i - 1) == LotRows.expiryDay(lots, i);
        }
        if (!shared) {
            return lots;
        }
        long day = date.toEpochDay();
        long[] out = null;
        int n = 0;
        int runFirst = -1; // index in out of the first available lot of the current expiry run
        for (int i = 0; i < count; i++) {
            if (i > 0 && LotRows.expiryDay(lots, i - 1) != LotRows.expiryDay(lots, i)) {
                runFirst = -1;
            }
            boolean available = LotRows.isAvailableOn(lots, i, day);
            if (available && runFirst >= 0) {
                if (out == null) {
                    out = lots.clone();
                    n = i;
                }
                LotRows.set(out, runFirst, Math.min(LotRows.sequence(out, runFirst), LotRows.sequence(lots, i)),
                        Math.min(LotRows.earnedDay(out, runFirst), LotRows.earnedDay(lots, i)),
                        Math.max(LotRows.availableDay(out, runFirst), LotRows.availableDay(lots, i)),
                        LotRows.expiryDay(out, runFirst),
                        Math.addExact(LotRows.points(out, runFirst), LotRows.points(lots, i)),
                        Math.addExact(LotRows.remaining(out, runFirst), LotRows.remaining(lots, i)));
                continue;
            }
            if (out != null) {
                System.arraycopy(lots, i * LotRows.ROW, out, n * LotRows.ROW, LotRows.ROW);
            }
            if (available) {
                runFirst = out == null ? i : n;
            }
            n++;
        }
        return out == null ? lots : Arrays.copyOf(out, n * LotRows.ROW);
    }

    /** The totals of an account few commands change, as a {@link Work} changes them. */
    private static final class Rare {
        long overdraft;
        long debt;
        long returned;
        long reversed;
        long expired;
        long debtRepaid;

        Rare(PointsAccount.Rare a) {
            overdraft = a.overdraft;
            debt = a.debt;
            returned = a.returned;
            reversed = a.reversed;
            expired = a.expired;
            debtRepaid = a.debtRepaid;
        }

        PointsAccount.Rare freeze() {
            return new PointsAccount.Rare(overdraft, debt, returned, reversed, expired, debtRepaid);
        }
    }

    /** A mutable working copy of an account for one command; {@link #build} freezes it. Confined to one thread. */
    private static final class Work extends Lots {
        final PointsAccount base;
        long lotsTotal;
        long nextSequence;
        long earned;
        long redeemed;
        /** The totals few commands change, copied from the account on the first change; null until then. */
        private Rare rare;
        OrderBook orders;
        /** The command's business date. */
        final LocalDate date;
        /** Order records placed before this epoch day may be dropped (the refund window), or Integer.MIN_VALUE. */
        final int cutoff;
        /** The sequence of the lot the last {@link #credit} added to, or -1. */
        long creditedLot = -1;
        /** The overdraft the last {@link #credit} repaid. */
        long overdraftRepaid;
        /** The first event, and all of them once there are more: most commands have one. */
        private MembershipEvent firstEvent;
        private List<MembershipEvent> moreEvents;

        void event(MembershipEvent event) {
            if (firstEvent == null) {
                firstEvent = event;
            } else {
                if (moreEvents == null) {
                    moreEvents = new ArrayList<>(4);
                    moreEvents.add(firstEvent);
                }
                moreEvents.add(event);
            }
        }

        /** The events in order, as an immutable list. */
        List<MembershipEvent> events() {
            return moreEvents != null ? List.copyOf(moreEvents) : firstEvent != null ? List.of(firstEvent) : List.of();
        }

        Work(PointsAccount a, LocalDate date, int cutoff) {
            super(a.lots);
            this.base = a;
            this.date = date;
            this.cutoff = cutoff;
            this.lotsTotal = a.lotsTotal;
            this.nextSequence = a.nextSequence;
            this.earned = a.earned;
            this.redeemed = a.redeemed;
            this.orders = a.orders();
        }

        /** The totals few commands change (overdraft, debt and the totals of refunds and expiry), to change. */
        Rare rare() {
            if (rare == null) {
                rare = new Rare(base.rare);
            }
            return rare;
        }

        OrderRecord order(long key) {
            OrderRecord r = orders.get(key);
            return r == null ? OrderRecord.EMPTY : r;
        }

        /**
         * Credits {@code points}: repays overdraft, then debt, then opens a lot (or adds to one of the
         * same dates). Returns the debt repaid; leaves the overdraft repaid in {@link #overdraftRepaid}
         * and the lot in {@link #creditedLot}.
         */
        long credit(long points, LocalDate on, LocalDate availableOn, Optional<LocalDate> expiresOn) {
            long toOverdraft = Math.min(points, rare == null ? base.rare.overdraft : rare.overdraft);
            long rest = points - toOverdraft;
            long toDebt = Math.min(rest, rare == null ? base.rare.debt : rare.debt);
            if (toOverdraft > 0 || toDebt > 0) {
                Rare r = rare();
                r.overdraft -= toOverdraft;
                r.debt -= toDebt;
                r.debtRepaid += toDebt;
            }
            rest -= toDebt;
            overdraftRepaid = toOverdraft;
            creditedLot = -1;
            if (rest > 0) {
                lotsTotal += rest;
                // the lot's days, checked as a PointsLot's are (years within ±5,000,000)
                int earnedDay = PointsLot.day(on, "earnedOn");
                int availableDay = PointsLot.day(availableOn, "availableOn");
                int expiryDay = expiresOn.isPresent() ? PointsLot.day(expiresOn.get(), "expiresOn") : PointsLot.NEVER;
                for (int i = size() - 1; i >= 0; i--) {
                    if (earnedDay(i) == earnedDay && availableDay(i) == availableDay && expiryDay(i) == expiryDay) {
                        plus(i, rest);
                        creditedLot = sequence(i);
                        return toDebt;
                    }
                }
                long sequence = nextSequence++;
                int pos = size();
                while (pos > 0 && (expiryDay(pos - 1) > expiryDay
                        || (expiryDay(pos - 1) == expiryDay && sequence(pos - 1) > sequence))) {
                    pos--;
                }
                insert(pos, sequence, earnedDay, availableDay, expiryDay, rest);
                creditedLot = sequence;
            }
            return toDebt;
        }

        /**
         * Spends {@code points} from lots available on {@code date}, in consumption order, telling
         * {@code redemption} each lot used; the caller checked there are enough. Lots spent to the
         * last point are cleared (null) and dropped by {@link #live}: it must be the command's last
         * change to the lots.
         */
        void consume(long points, LocalDate date, Redemption redemption) {
            long left = points;
            long day = date.toEpochDay();
            for (int i = 0; i < size() && left > 0; i++) {
                long remaining = remaining(i);
                if (remaining > 0 && isAvailableOn(i, day)) {
                    long take = Math.min(left, remaining);
                    // a lot spent to the last point leaves the working set (live() drops it)
                    setRemaining(i, remaining - take);
                    left -= take;
                    redemption.used(sequence(i), take);
                }
            }
            if (left != 0) {
                throw new IllegalStateException("available points must cover the redemption: short by " + left);
            }
            lotsTotal -= points;
        }

        /**
         * Takes up to {@code points} from unexpired lots, the order's earn lot first, returns what was
         * taken. The earn lot is lot {@code preferred} while it is live; once it was merged (see
         * {@link PointsLot}), the first lot available on {@code date} with its expiry
         * ({@code preferredExpiry}, an epoch day or {@link OrderRecord#NEVER}).
         */
        long takeBack(long points, LocalDate date, long preferred, long preferredExpiry) {
            long day = date.toEpochDay();
            if (preferred >= 0) {
                boolean live = false;
                for (int i = 0; i < size() && !live; i++) {
                    live = sequence(i) == preferred && remaining(i) > 0;
                }
                if (!live) {
                    long merged = -1;
                    for (int i = 0; i < size() && merged < 0; i++) {
                        long expiry = expiryDay(i) == PointsLot.NEVER ? OrderRecord.NEVER : expiryDay(i);
                        if (remaining(i) > 0 && expiry == preferredExpiry && isAvailableOn(i, day)) {
                            merged = sequence(i);
                        }
                    }
                    preferred = merged;
                }
            }
            long left = points;
            for (int pass = 0; pass < 2 && left > 0; pass++) {
                for (int i = 0; i < size() && left > 0; i++) {
                    boolean own = sequence(i) == preferred;
                    long remaining = remaining(i);
                    if ((pass == 0) == own && remaining > 0 && !isExpiredOn(i, day)) {
                        long take = Math.min(left, remaining);
                        setRemaining(i, remaining - take);
                        left -= take;
                    }
                }
            }
            lotsTotal -= points - left;
            return points - left;
        }

        PointsAccount build(OperationDigest operation, long fingerprint, PointsOutcome outcome, int day,
                IdempotencyWindow window) {
            long[] array = mergeAvailable(live(), date);
            PointsAccount.Rare r = rare == null ? base.rare : rare.freeze();
            PointsAccount next = new PointsAccount(base.member, base.version + 1, array, lotsTotal, nextSequence, earned,
                    redeemed, r, PointsAccount.recorded(base.operations(), window, operation, fingerprint, outcome, day),
                    orders);
            // PointsTotals.net(), without making the totals
            long net = earned + r.returned - redeemed - r.reversed - r.expired - r.debtRepaid;
            if (next.balance() != net) {
                throw new IllegalStateException("conservation must hold: balance " + next.balance() + " vs ledger "
                        + net);
            }
            return next;
        }
    }
}
