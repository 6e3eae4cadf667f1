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
import dev.siyu.core.kernel.KeyedAmounts;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
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
        checkCallerErrors(account, command);
        long fingerprint = Fingerprint.of(command);
        OperationDigest digest = OperationDigest.of(command.operation().value());
        int recorded = account.operations.indexOf(digest);
        if (recorded >= 0) {
            PointsOutcome was = PointsAccount.recordedOutcome(account.operations, recorded);
            PointsOutcome outcome = account.operations.fingerprint(recorded) == fingerprint
                    ? new PointsOutcome.Duplicate(was)
                    : new PointsOutcome.Conflict(command.operation(), was);
            return new PointsResult(account, List.of(), outcome);
        }
        LocalDate date = dateOf(command.at());
        int day = (int) date.toEpochDay();
        IdempotencyWindow window = program.idempotencyWindow();
        PointsOutcome outcome = null;
        if (!window.accepts(day, account.operations)) {
            outcome = reject(RejectReason.OUTSIDE_IDEMPOTENCY_WINDOW, "operation", command.operation(), "commandOn", date,
                    "firstAcceptedOn", LocalDate.ofEpochDay(window.firstAcceptedDay(account.operations.latestDay())),
                    "windowDays", window.days().orElse(0));
        } else if (command instanceof PointsCommand.RefundOrder r) {
            OrderRecord record = account.orders.get(orderKey(r.order().id()));
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
        if (outcome instanceof PointsOutcome.Rejected) {
            PointsAccount a = account;
            PointsAccount rejected = new PointsAccount(a.member, a.version + 1, a.lots, a.lotsTotal, a.overdraft, a.debt,
                    a.nextSequence, a.earned, a.returned, a.redeemed, a.reversed, a.expired, a.debtRepaid,
                    window.forget(a.operations.with(digest, fingerprint, PointsAccount.code(outcome, day),
                            PointsAccount.value(outcome))), a.orders, a.earnedByDay);
            return new PointsResult(rejected, List.of(), outcome);
        }
        return new PointsResult(work.build(digest, fingerprint, outcome, day, window), work.events(), outcome);
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
        if (placedDay < date.toEpochDay() - window || placedDay < account.orders.horizon()) {
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
        long[] nets = new long[n];
        Money[] netMoney = new Money[n];
        long netSum = 0;
        for (int i = 0; i < n; i++) {
            netMoney[i] = lines.get(i).net();
            nets[i] = netMoney[i].minor();
            netSum += nets[i];
        }
        long paidByPoints = 0;
        for (Tender tender : order.tenders()) {
            if (tender.type() == TenderType.POINTS) {
                paidByPoints = Math.addExact(paidByPoints, tender.amount().minor());
            }
        }
        // null when no points paid: every line's share is zero
        long[] pointsShare = paidByPoints > 0 && netSum > 0 ? Allocation.byLargestRemainder(paidByPoints, nets) : null;

        Explanation.Builder why = Explanation.builder("POINTS_EARNED")
                .fact("order", order.id())
                .fact("rounding", "floor per line (DOWN) on the money paid by non-points tenders")
                .fact("earnRate", earnRateFact);
        // The order's common multiplier, as an exact BigDecimal (for the fallback) and pre-scaled.
        Base base = new Base(earnRate);
        if (cmd.tier().isPresent()) {
            DecimalFactor tierMultiplier = tierMultipliers.getOrDefault(cmd.tier().get(), DecimalFactor.ONE);
            base.times(tierMultiplier);
            why.fact("tier", cmd.tier().get()).fact("tierMultiplier", tierMultiplier.text());
        }
        if (birthdayBonus && cmd.profile().isBirthdayMonth(purchaseDate)) {
            base.times(birthdayMultiplier);
            why.fact("birthdayMultiplier", birthdayMultiplier.text());
        }
        Optional<PointsProgram.Campaign> campaign = program.campaignOn(purchaseDate);
        if (campaign.isPresent()) {
            DecimalFactor campaignMultiplier = campaignMultipliers.get(campaign.get());
            base.times(campaignMultiplier);
            why.fact("campaign", campaign.get().code()).fact("campaignMultiplier", campaignMultiplier.text());
        }
        long[] raw = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            OrderLine line = lines.get(i);
            DecimalFactor category = categoryMultipliers.getOrDefault(line.category(), DecimalFactor.ONE);
            DecimalFactor brand = brandMultipliers.getOrDefault(line.brand(), DecimalFactor.ONE);
            // 1 × m has m's value and scale, so the product's text is the other factor's when one is absent.
            String multiplierText = category == DecimalFactor.ONE ? brand.text()
                    : brand == DecimalFactor.ONE ? category.text() : category.value().multiply(brand.value()).toPlainString();
            long share = pointsShare == null ? 0 : pointsShare[i];
            long eligible = nets[i] - share;
            raw[i] = base.linePoints(eligible, category, brand, fractionDigits);
            total = Math.addExact(total, raw[i]);
            why.because(Explanation.builder("LINE_POINTS").fact("lineNo", line.lineNo())
                    .fact("net", netMoney[i])
                    .fact("paidByPoints", share == 0 ? zero : Money.ofMinor(share, program.currency()))
                    .fact("lineMultiplier", multiplierText).fact("points", raw[i]).build());
        }
        long points = total;
        why.fact("uncapped", total);
        if (program.maxPerOrder().isPresent() && points > program.maxPerOrder().getAsLong()) {
            points = program.maxPerOrder().getAsLong();
            why.fact("cappedPerOrder", points);
        }
        long earnedThatDay = program.maxPerDay().isPresent() ? w.earnedByDay.sum(purchaseDate.toEpochDay()) : 0;
        if (program.maxPerDay().isPresent()) {
            long room = Math.max(0, program.maxPerDay().getAsLong() - earnedThatDay);
            if (points > room) {
                points = room;
                why.fact("cappedPerDay", points).fact("earnedEarlierThatDay", earnedThatDay);
            }
        }
        long[] perLine = OrderRecord.bySlot(order,
                points == total || total == 0 ? raw : Allocation.byLargestRemainder(points, raw));
        if (points > 0) {
            if (program.maxPerDay().isPresent()) {
                // only the daily cap reads it: without one, nothing is kept per day
                w.earnedByDay = w.earnedByDay.plus(purchaseDate.toEpochDay(), points);
            }
            LocalDate availableOn = dates.plusDays(earnDate, program.pendingDays());
            Optional<LocalDate> expiresOn = dates.expiresOn(earnDate);
            w.earned += points;
            long debtRepaid = w.credit(points, earnDate, availableOn, expiresOn, why);
            long balanceChange = points - debtRepaid;
            why.fact("points", points).fact("availableOn", availableOn)
                    .fact("expiresOn", expiresOn.isPresent() ? expiresOn.get() : "never");
            Explanation explanation = why.build();
            w.event(new PointsEarned(w.base.member, cmd.at(), cmd.operation(), Optional.of(order.id()), points,
                    availableOn, expiresOn, explanation));
            w.orders = w.orders.with(key, record.withEarned(w.creditedLot,
                    expiresOn.isPresent() ? expiresOn.get().toEpochDay() : OrderRecord.NEVER, placedDay, perLine),
                    w.cutoff);
            return new PointsOutcome.Applied(balanceChange, explanation);
        }
        why.fact("points", 0);
        w.orders = w.orders.with(key, record.withEarned(-1, OrderRecord.NEVER, placedDay, perLine), w.cutoff);
        return new PointsOutcome.Applied(0, why.build());
    }

    /**
     * {@code earnRate × tier × birthday × campaign} of one order: pre-scaled ({@code unscaled / 10^scale})
     * while it fits a long, with the exact BigDecimal product for lines that do not fit.
     */
    private static final class Base {
        /** The factors, the earn rate first; their exact product is made only for the fallback. */
        private final DecimalFactor earnRate;
        /** Tier, birthday and campaign factors, in the order given; null while absent (no array per order). */
        private DecimalFactor f1;
        private DecimalFactor f2;
        private DecimalFactor f3;
        private long unscaled;
        private int scale;
        private boolean exact;

        Base(DecimalFactor earnRate) {
            this.earnRate = earnRate;
            this.unscaled = earnRate.unscaled();
            this.scale = earnRate.scale();
            this.exact = earnRate.exact();
        }

        /** The exact product of the factors. */
        private BigDecimal value() {
            BigDecimal v = earnRate.value();
            for (DecimalFactor f : new DecimalFactor[] {f1, f2, f3}) {
                if (f != null) {
                    v = v.multiply(f.value());
                }
            }
            return v;
        }

        void times(DecimalFactor m) {
            if (f1 == null) {
                f1 = m;
            } else if (f2 == null) {
                f2 = m;
            } else {
                f3 = m;
            }
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
        Explanation.Builder why = Explanation.builder("POINTS_REDEEMED").fact("purpose", "payment")
                .fact("order", cmd.order()).fact("points", points).fact("value", value)
                .fact("rate", redeemRateFact)
                .fact("rounding", "value floored to the minor unit (DOWN)");
        w.consume(points, date, why);
        w.redeemed += points;
        long key = orderKey(cmd.order());
        w.orders = w.orders.with(key, w.order(key).withRedeemed(points, (int) date.toEpochDay()), w.cutoff);
        w.event(new PointsRedeemed(w.base.member, cmd.at(), cmd.operation(), Optional.of(cmd.order()), "payment",
                points));
        return new PointsOutcome.Applied(-points, why.build());
    }

    private PointsOutcome redeemForReward(Work w, PointsCommand.RedeemForReward cmd) {
        long points = cmd.points();
        LocalDate date = w.date;
        PointsOutcome refused = checkSpendable(w, date, points);
        if (refused != null) {
            return refused;
        }
        Explanation.Builder why = Explanation.builder("POINTS_REDEEMED").fact("purpose", cmd.reward())
                .fact("points", points);
        w.consume(points, date, why);
        w.redeemed += points;
        w.event(new PointsRedeemed(w.base.member, cmd.at(), cmd.operation(), Optional.empty(), cmd.reward(),
                points));
        return new PointsOutcome.Applied(-points, why.build());
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
            w.returned += toReturn;
            debtRepaid = w.credit(toReturn, date, date, dates.expiresOn(date), why);
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
                w.overdraft += shortfall;
                taken = reversal;
            } else if (policy == NegativeBalancePolicy.CLAMP) {
                w.debt += shortfall;
                debtNow = shortfall;
            }
            w.reversed += taken;
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
        for (int i = 0; i < w.size(); i++) {
            PointsLot lot = w.get(i);
            if (lot.remaining() > 0 && lot.isExpiredOn(date)) {
                byDate.merge(lot.expiresOn().get(), lot.remaining(), Long::sum);
                w.lotsTotal -= lot.remaining();
                w.set(i, lot.withRemaining(0));
            }
        }
        long total = 0;
        for (var e : byDate.entrySet()) {
            total += e.getValue();
            w.event(new PointsExpired(w.base.member, cmd.at(), e.getKey(), e.getValue()));
        }
        w.expired += total;
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
        for (PointsLot lot : account.lots) {
            if (lot.expiresOn().isPresent() && !lot.isExpiredOn(date) && !lot.expiresOn().get().isAfter(until)) {
                byDate.merge(lot.expiresOn().get(), lot.remaining(), Long::sum);
            }
        }
        List<ExpiringPoints> out = new ArrayList<>(byDate.size());
        byDate.forEach((d, p) -> out.add(new ExpiringPoints(d, p)));
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- working copy

    /**
     * The lots of a {@link Work}: the account's array, copied on the first change (with room for one
     * more lot), so a command that changes no lot copies none. {@link Work} extends it (one object a
     * command, not two).
     */
    private static class Lots {
        private final PointsLot[] original;
        private PointsLot[] array;
        private int size;

        Lots(PointsLot[] original) {
            this.original = original;
            this.array = original;
            this.size = original.length;
        }

        int size() {
            return size;
        }

        PointsLot get(int i) {
            return array[i];
        }

        private void own(int capacity) {
            if (array == original || array.length < capacity) {
                array = Arrays.copyOf(array, Math.max(capacity, size + 1));
            }
        }

        void set(int i, PointsLot lot) {
            own(size);
            array[i] = lot;
        }

        void add(int pos, PointsLot lot) {
            own(size + 1);
            System.arraycopy(array, pos, array, pos + 1, size - pos);
            array[pos] = lot;
            size++;
        }

        /** The lots with points remaining, in order; the account's own array if nothing changed. */
        PointsLot[] live() {
            if (array == original) {
                return original;
            }
            int live = 0;
            for (int i = 0; i < size; i++) {
                if (array[i].remaining() > 0) {
                    live++;
                }
            }
            PointsLot[] out = new PointsLot[live];
            int k = 0;
            for (int i = 0; i < size; i++) {
                if (array[i].remaining() > 0) {
                    out[k++] = array[i];
                }
            }
            return out;
        }
    }

    /**
     * {@code lots} (live, in consumption order) with the lots available on {@code date} that share an
     * expiry date merged into the first of them; {@code lots} itself if there are none to merge.
     */
    static PointsLot[] mergeAvailable(PointsLot[] lots, LocalDate date) {
        // lots of one expiry are adjacent (consumption order): none to merge without two adjacent of one expiry
        boolean shared = false;
        for (int i = 1; i < lots.length && !shared; i++) {
            shared = lots[i - 1].expiresOn().equals(lots[i].expiresOn());
        }
        if (!shared) {
            return lots;
        }
        PointsLot[] out = null;
        int n = 0;
        int runFirst = -1; // index in out of the first available lot of the current expiry run
        for (int i = 0; i < lots.length; i++) {
            PointsLot lot = lots[i];
            if (i > 0 && !lots[i - 1].expiresOn().equals(lot.expiresOn())) {
                runFirst = -1;
            }
            boolean available = lot.isAvailableOn(date);
            if (available && runFirst >= 0) {
                if (out == null) {
                    out = Arrays.copyOf(lots, lots.length);
                    n = i;
                }
                out[runFirst] = out[runFirst].merge(lot);
                continue;
            }
            if (out != null) {
                out[n] = lot;
            }
            if (available) {
                runFirst = out == null ? i : n;
            }
            n++;
        }
        return out == null ? lots : Arrays.copyOf(out, n);
    }

    /** A mutable working copy of an account for one command; {@link #build} freezes it. Confined to one thread. */
    private static final class Work extends Lots {
        final PointsAccount base;
        long lotsTotal;
        long overdraft;
        long debt;
        long nextSequence;
        long earned;
        long returned;
        long redeemed;
        long reversed;
        long expired;
        long debtRepaid;
        OrderBook orders;
        KeyedAmounts earnedByDay;
        /** The command's business date. */
        final LocalDate date;
        /** Order records placed before this epoch day may be dropped (the refund window), or Integer.MIN_VALUE. */
        final int cutoff;
        /** The sequence of the lot the last {@link #credit} added to, or -1. */
        long creditedLot = -1;
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
            this.overdraft = a.overdraft;
            this.debt = a.debt;
            this.nextSequence = a.nextSequence;
            this.earned = a.earned;
            this.returned = a.returned;
            this.redeemed = a.redeemed;
            this.reversed = a.reversed;
            this.expired = a.expired;
            this.debtRepaid = a.debtRepaid;
            this.orders = a.orders;
            this.earnedByDay = a.earnedByDay;
        }

        OrderRecord order(long key) {
            OrderRecord r = orders.get(key);
            return r == null ? OrderRecord.EMPTY : r;
        }

        /** Credits {@code points}: repays overdraft, then debt, then opens a lot. Returns the debt repaid. */
        long credit(long points, LocalDate on, LocalDate availableOn,
                Optional<LocalDate> expiresOn, Explanation.Builder why) {
            long toOverdraft = Math.min(points, overdraft);
            overdraft -= toOverdraft;
            long rest = points - toOverdraft;
            long toDebt = Math.min(rest, debt);
            debt -= toDebt;
            debtRepaid += toDebt;
            rest -= toDebt;
            if (toOverdraft > 0) {
                why.fact("overdraftRepaid", toOverdraft);
            }
            if (toDebt > 0) {
                why.fact("debtRepaid", toDebt);
            }
            creditedLot = -1;
            if (rest > 0) {
                lotsTotal += rest;
                for (int i = size() - 1; i >= 0; i--) {
                    PointsLot same = get(i);
                    if (same.earnedOn().equals(on) && same.availableOn().equals(availableOn)
                            && same.expiresOn().equals(expiresOn)) {
                        set(i, same.plus(rest));
                        creditedLot = same.sequence();
                        why.fact("lot", creditedLot);
                        return toDebt;
                    }
                }
                PointsLot lot = new PointsLot(nextSequence++, on, availableOn, expiresOn, rest, rest);
                int pos = size();
                while (pos > 0 && PointsLot.consumptionOrder(get(pos - 1), lot) > 0) {
                    pos--;
                }
                add(pos, lot);
                creditedLot = lot.sequence();
                why.fact("lot", creditedLot);
            }
            return toDebt;
        }

        /** Spends {@code points} from lots available on {@code date}, in consumption order; the caller checked there are enough. */
        void consume(long points, LocalDate date, Explanation.Builder why) {
            long left = points;
            // "sequence:taken" per lot used, comma-separated; one lot (the common case) is one string
            String first = null;
            StringBuilder more = null;
            for (int i = 0; i < size() && left > 0; i++) {
                PointsLot lot = get(i);
                if (lot.remaining() > 0 && lot.isAvailableOn(date)) {
                    long take = Math.min(left, lot.remaining());
                    set(i, lot.withRemaining(lot.remaining() - take));
                    left -= take;
                    if (first == null) {
                        first = lot.sequence() + ":" + take;
                    } else {
                        if (more == null) {
                            more = new StringBuilder(first);
                        }
                        more.append(',').append(lot.sequence()).append(':').append(take);
                    }
                }
            }
            String used = more != null ? more.toString() : first != null ? first : "";
            if (left != 0) {
                throw new IllegalStateException("available points must cover the redemption: short by " + left);
            }
            lotsTotal -= points;
            why.fact("lotsUsed", used);
        }

        /**
         * Takes up to {@code points} from unexpired lots, the order's earn lot first, returns what was
         * taken. The earn lot is lot {@code preferred} while it is live; once it was merged (see
         * {@link PointsLot}), the first lot available on {@code date} with its expiry
         * ({@code preferredExpiry}, an epoch day or {@link OrderRecord#NEVER}).
         */
        long takeBack(long points, LocalDate date, long preferred, long preferredExpiry) {
            if (preferred >= 0) {
                boolean live = false;
                for (int i = 0; i < size() && !live; i++) {
                    live = get(i).sequence() == preferred && get(i).remaining() > 0;
                }
                if (!live) {
                    long merged = -1;
                    for (int i = 0; i < size() && merged < 0; i++) {
                        PointsLot lot = get(i);
                        long expiry = lot.expiresOn().isPresent() ? lot.expiresOn().get().toEpochDay() : OrderRecord.NEVER;
                        if (lot.remaining() > 0 && expiry == preferredExpiry && lot.isAvailableOn(date)) {
                            merged = lot.sequence();
                        }
                    }
                    preferred = merged;
                }
            }
            long left = points;
            for (int pass = 0; pass < 2 && left > 0; pass++) {
                for (int i = 0; i < size() && left > 0; i++) {
                    PointsLot lot = get(i);
                    boolean own = lot.sequence() == preferred;
                    if ((pass == 0) == own && lot.remaining() > 0 && !lot.isExpiredOn(date)) {
                        long take = Math.min(left, lot.remaining());
                        set(i, lot.withRemaining(lot.remaining() - take));
                        left -= take;
                    }
                }
            }
            lotsTotal -= points - left;
            return points - left;
        }

        PointsAccount build(OperationDigest operation, long fingerprint, PointsOutcome outcome, int day,
                IdempotencyWindow window) {
            PointsLot[] array = mergeAvailable(live(), date);
            PointsAccount next = new PointsAccount(base.member, base.version + 1, array, lotsTotal, overdraft, debt,
                    nextSequence, earned, returned, redeemed, reversed, expired, debtRepaid,
                    window.forget(base.operations.with(operation, fingerprint,
                            PointsAccount.code(outcome, day), PointsAccount.value(outcome))), orders, earnedByDay);
            // PointsTotals.net(), without making the totals
            long net = earned + returned - redeemed - reversed - expired - debtRepaid;
            if (next.balance() != net) {
                throw new IllegalStateException("conservation must hold: balance " + next.balance() + " vs ledger "
                        + net);
            }
            return next;
        }
    }
}
