package dev.siyu.attribution.commission;

import dev.siyu.attribution.credit.Credit;
import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.money.Allocation;
import dev.siyu.core.money.DecimalFactor;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.time.BusinessClock;
import dev.siyu.core.time.ZoneDays;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A commission plan: how much an attributed order line earns, how it is split between the credited
 * guides and at most two levels of distribution, and how a guide's month is settled.
 *
 * <p><b>Per line.</b> The most specific {@link RateRule} (SKU, brand, category, else the default
 * rate) gives the line's commission pool: {@code percent × line net}, rounded to the minor unit
 * with {@link #rounding()} (half-up unless set), or {@code fixed × units}. Refunds recompute the
 * pool on the remaining net and units, so an order's commission always equals the plan applied to
 * its net after refunds, rounded once per line. The pool is split across the credited guides by
 * their credit weights times the level shares, with {@link Allocation} (largest remainder), so the
 * parts sum to the pool exactly. With two levels a guide's upline (from the
 * {@link DistributionNetwork}) takes the level-2 share; a guide without an upline keeps both shares.
 *
 * <p><b>Per month</b> (applied by {@link CommissionLedger} at settlement): an optional tier
 * schedule pays a bonus on the guide's monthly credited net ({@link TierMethod#MARGINAL} or
 * {@link TierMethod#WHOLE_AMOUNT}, rounded with {@link #rounding()}); an optional monthly cap
 * limits accrued + bonus; a payout below the optional minimum is carried to the next month.
 * Commission is frozen until {@code returnWindowDays} after the order's business date.
 *
 * <p>More than two levels, negative or above-100% rates, overlapping or gapped tier bands are
 * refused when the plan is built (builder or JSON), naming the field. Immutable and thread-safe.
 */
public final class CommissionPlan {

    private final Currency currency;
    private final RoundingMode rounding;
    private final BigDecimal defaultPercent;
    private final List<RateRule> rules;
    private final Map<String, RateRule> bySku;
    private final Map<String, RateRule> byBrand;
    private final Map<String, RateRule> byCategory;
    private final List<Long> levelShares;
    private final Optional<TierMethod> tierMethod;
    private final List<TierBand> tiers;
    private final Optional<Money> monthlyCap;
    private final Optional<Money> minimumPayout;
    private final int returnWindowDays;
    private final ZoneId zone;
    private final PendingOnDeparture pendingOnDeparture;
    private final BigDecimal defaultFactor;
    private final Map<RateRule, BigDecimal> factors;
    private final Map<RateRule, String> ruleTexts;
    private final Money zero;
    private final String defaultRuleText;
    private final Rate defaultRate;
    /** The compiled rules by SKU, brand and category id (no immutable map's division per look-up). */
    private final IdTable<Rate> rateBySku;
    private final IdTable<Rate> rateByBrand;
    private final IdTable<Rate> rateByCategory;
    private final long level1Share;
    private final long level2Share;
    private final boolean twoLevels;
    /** The plan zone's days (the offset after the zone's last transition without a search). */
    private final ZoneDays zoneDays;

    /**
     * A rule compiled at plan build time: a fixed amount per unit, or a percentage as an integer
     * numerator over a power of ten (so the pool of a line is a multiply, a divide and a rounding on
     * longs), with the BigDecimal factor kept for amounts too large for that.
     */
    private static final class Rate {
        final RateRule rule;
        final String text;
        final boolean fixed;
        final long fixedMinor;
        final BigDecimal factor;
        final long numerator;
        final long denominator;
        final boolean small;

        Rate(RateRule rule, String text, BigDecimal factor, long fixedMinor) {
            this.rule = rule;
            this.text = text;
            this.fixed = factor == null;
            this.fixedMinor = fixedMinor;
            this.factor = factor;
            DecimalFactor f = factor == null ? null : DecimalFactor.of(factor);
            this.small = f != null && f.exact() && f.scale() > 0 && factor.unscaledValue().bitLength() < 32;
            this.numerator = small ? f.unscaled() : 0;
            this.denominator = small ? DecimalFactor.tenTo(f.scale()) : 1;
        }
    }

    private CommissionPlan(Builder b) {
        this.currency = b.currency;
        this.zero = Money.zero(b.currency);
        this.rounding = b.rounding;
        this.defaultPercent = b.defaultPercent;
        this.rules = List.copyOf(b.rules);
        Map<String, RateRule> sku = new HashMap<>();
        Map<String, RateRule> brand = new HashMap<>();
        Map<String, RateRule> category = new HashMap<>();
        Map<RateRule, BigDecimal> f = new HashMap<>();
        for (RateRule rule : rules) {
            Map<String, RateRule> target = switch (rule.target()) {
                case SKU -> sku;
                case BRAND -> brand;
                case CATEGORY -> category;
            };
            if (target.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("rules must name each " + rule.target().name().toLowerCase(Locale.ROOT)
                        + " once: " + rule.id());
            }
            rule.fixedPerUnit().ifPresent(m -> m.checkSameCurrency(Money.zero(currency)));
            rule.percent().ifPresent(p -> f.put(rule, p.movePointLeft(2)));
        }
        this.bySku = Map.copyOf(sku);
        this.byBrand = Map.copyOf(brand);
        this.byCategory = Map.copyOf(category);
        this.factors = Map.copyOf(f);
        Map<RateRule, String> texts = new HashMap<>();
        rules.forEach(r -> texts.put(r, r.toString()));
        this.ruleTexts = Map.copyOf(texts);
        this.defaultFactor = defaultPercent.movePointLeft(2);
        this.defaultRuleText = "default=" + defaultPercent.toPlainString() + "%";
        this.levelShares = List.copyOf(b.levelShares);
        this.twoLevels = levelShares.size() == 2;
        this.level1Share = levelShares.get(0);
        this.level2Share = twoLevels ? levelShares.get(1) : 0;
        this.defaultRate = new Rate(null, defaultRuleText, defaultFactor, 0);
        this.rateBySku = rates(bySku);
        this.rateByBrand = rates(byBrand);
        this.rateByCategory = rates(byCategory);
        this.zoneDays = ZoneDays.of(b.zone);
        this.tierMethod = Optional.ofNullable(b.tierMethod);
        this.tiers = List.copyOf(b.tiers);
        this.monthlyCap = Optional.ofNullable(b.monthlyCap);
        this.minimumPayout = Optional.ofNullable(b.minimumPayout);
        this.returnWindowDays = b.returnWindowDays;
        this.zone = b.zone;
        this.pendingOnDeparture = b.pendingOnDeparture;
    }

    /** A builder with the defaults: CNY, half-up, 0% default rate, one level, 7 days' return window, Shanghai. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a plan document ({@code "schemaVersion": 1}); see the module README for the schema.
     *
     * @throws dev.siyu.core.json.ConfigException naming the JSON pointer of the first problem
     */
    public static CommissionPlan fromJson(String json) {
        return PlanJson.parse(json);
    }

    public Currency currency() {
        return currency;
    }

    /** How rate × amount is rounded to a minor unit, for line pools and tier bonuses. */
    public RoundingMode rounding() {
        return rounding;
    }

    public BigDecimal defaultPercent() {
        return defaultPercent;
    }

    public List<RateRule> rules() {
        return rules;
    }

    /** The level shares: one entry (own sales only) or two (guide, upline). */
    public List<Long> levelShares() {
        return levelShares;
    }

    public Optional<TierMethod> tierMethod() {
        return tierMethod;
    }

    public List<TierBand> tiers() {
        return tiers;
    }

    public Optional<Money> monthlyCap() {
        return monthlyCap;
    }

    public Optional<Money> minimumPayout() {
        return minimumPayout;
    }

    public int returnWindowDays() {
        return returnWindowDays;
    }

    public ZoneId zone() {
        return zone;
    }

    public PendingOnDeparture pendingOnDeparture() {
        return pendingOnDeparture;
    }

    private IdTable<Rate> rates(Map<String, RateRule> rules) {
        Map<String, Rate> out = new HashMap<>();
        rules.forEach((id, rule) -> out.put(id, new Rate(rule, ruleTexts.get(rule), factors.get(rule),
                rule.fixedPerUnit().map(Money::minor).orElse(0L))));
        return new IdTable<>(out);
    }

    /** The compiled rule of {@code line}: SKU, brand, category, else the default rate. */
    private Rate rateFor(OrderLine line) {
        Rate rate = rateBySku.isEmpty() ? null : rateBySku.get(line.sku().value());
        if (rate == null && !rateByBrand.isEmpty()) {
            rate = rateByBrand.get(line.brand().value());
        }
        if (rate == null && !rateByCategory.isEmpty()) {
            rate = rateByCategory.get(line.category().value());
        }
        return rate != null ? rate : defaultRate;
    }

    /** The pool of a line with {@code net} minor units and {@code units} units left, under {@code rate}. */
    private long pool(Rate rate, long net, int units) {
        if (rate.fixed) {
            return Math.multiplyExact(rate.fixedMinor, units);
        }
        if (rate.factor.signum() == 0 || net == 0) {
            return 0;
        }
        if (net > 0 && rate.small && net < (1L << 31)) {
            return roundedQuotient(net * rate.numerator, rate.denominator);
        }
        return BigDecimal.valueOf(net).multiply(rate.factor).setScale(0, rounding).longValueExact();
    }

    /** An order's business date with its period and release date: immutable, shared by the orders of a day. */
    private static final class Day {
        final long epochDay;
        final LocalDate date;
        final YearMonth period;
        final LocalDate releaseOn;

        Day(long epochDay, int returnWindowDays) {
            this.epochDay = epochDay;
            this.date = LocalDate.ofEpochDay(epochDay);
            this.period = YearMonth.from(date);
            this.releaseOn = date.plusDays(returnWindowDays);
        }
    }

    /**
     * Recently seen business days, by epoch day modulo the length. Races are benign: entries are
     * immutable (final fields) and a miss only builds an equal one again.
     */
    private final Day[] days = new Day[64];

    /** The business day of {@code at} in the plan's zone, without building a zoned date-time. */
    private Day businessDay(Instant at) {
        long epochDay = zoneDays.epochDay(at);
        int slot = (int) (epochDay & (days.length - 1));
        Day day = days[slot];
        if (day == null || day.epochDay != epochDay) {
            day = new Day(epochDay, returnWindowDays);
            days[slot] = day;
        }
        return day;
    }

    /** The rule that applies to {@code line}, empty for the default rate. */
    public Optional<RateRule> ruleFor(OrderLine line) {
        RateRule rule = bySku.get(line.sku().value());
        if (rule == null) {
            rule = byBrand.get(line.brand().value());
        }
        if (rule == null) {
            rule = byCategory.get(line.category().value());
        }
        return Optional.ofNullable(rule);
    }

    /** {@code p / d} rounded with the plan's mode, for {@code p >= 0, d > 0}: the same as BigDecimal's setScale. */
    private long roundedQuotient(long p, long d) {
        long q = p / d;
        long r = p % d;
        if (r == 0) {
            return q;
        }
        int half = Long.compare(r, d - r);
        return switch (rounding) {
            case DOWN, FLOOR -> q;
            case UP, CEILING -> q + 1;
            case HALF_UP -> half >= 0 ? q + 1 : q;
            case HALF_DOWN -> half > 0 ? q + 1 : q;
            case HALF_EVEN -> half > 0 || (half == 0 && (q & 1) == 1) ? q + 1 : q;
            case UNNECESSARY -> throw new ArithmeticException("rounding necessary: " + p + "/" + d);
        };
    }

    /**
     * The commission of an attributed order.
     *
     * @param order the order
     * @param attribution its attribution snapshot
     * @param network uplines for level 2 (ignored by a one-level plan)
     * @throws IllegalArgumentException if the attribution is of another order or the currency is not the plan's
     */
    public OrderCommission commission(Order order, OrderAttribution attribution, DistributionNetwork network) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(network, "network");
        if (attribution.order() != order.id() && !attribution.order().equals(order.id())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "attribution order must be %s: %s",
                    order.id(), attribution.order()));
        }
        if (!order.currency().equals(currency)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "order currency must be %s: %s",
                    currency.getCurrencyCode(), order.currency().getCurrencyCode()));
        }
        Day day = businessDay(order.placedAt());
        List<OrderLine> orderLines = order.lines();
        List<LineCredit> credits = attribution.lines();
        int size = orderLines.size();
        long[] numbers = null;
        Object[] refs = null;
        int count = 0;
        // the guide of the previous credited line, its upline and their keys: an order's lines
        // usually share their credit list, and then the network is not asked again
        List<Credit> known = null;
        GuideId guide = null;
        long guideKey = IdKey.NONE;
        GuideId upline = null;
        long uplineKey = IdKey.NONE;
        for (int i = 0; i < size; i++) {
            OrderLine line = orderLines.get(i);
            LineCredit credit = creditOf(attribution, credits, i, line);
            if (credit == null) {
                continue;
            }
            List<Credit> lineCredits = credit.credits();
            if (lineCredits.size() != 1) {
                if (lineCredits.isEmpty()) {
                    continue;
                }
                return commissionBySplit(order, attribution, network, day);
            }
            Credit c = lineCredits.get(0);
            if (lineCredits != known) {
                known = lineCredits;
                if (c.guide() != guide) {
                    guide = c.guide();
                    long packed = credit.packedGuide();
                    guideKey = packed != IdKey.NONE ? packed : IdKey.of(guide.value());
                    int at = twoLevels ? network.indexOf(guide, guideKey) : -1;
                    upline = at < 0 ? null : network.uplineAt(at);
                    uplineKey = at < 0 ? IdKey.NONE : network.uplineKeyAt(at);
                }
            }
            if (numbers == null) {
                numbers = new long[size * SingleCreditLines.LONGS];
                refs = new Object[size * SingleCreditLines.REFS];
            }
            Rate rate = rateFor(line);
            int quantity = line.quantity();
            long net = Math.subtractExact(Math.multiplyExact(line.unitPrice().minor(), quantity),
                    line.lineDiscount().minor());
            long pool = pool(rate, net, quantity);
            long first = upline == null ? pool : firstOfTwo(pool, Math.multiplyExact(c.weight(), level1Share),
                    Math.multiplyExact(c.weight(), level2Share));
            int at = count * SingleCreditLines.LONGS;
            numbers[at + SingleCreditLines.LINE] = (long) line.lineNo() << 32 | quantity;
            numbers[at + SingleCreditLines.NET] = net;
            numbers[at + SingleCreditLines.POOL] = pool;
            numbers[at + SingleCreditLines.FIRST] = first;
            numbers[at + SingleCreditLines.GUIDE_KEY] = guideKey;
            numbers[at + SingleCreditLines.UPLINE_KEY] = uplineKey;
            int ref = count * SingleCreditLines.REFS;
            refs[ref + SingleCreditLines.RULE] = rate.text;
            refs[ref + SingleCreditLines.CREDIT] = credit;
            refs[ref + SingleCreditLines.GUIDE] = guide;
            refs[ref + SingleCreditLines.UPLINE] = upline;
            count++;
        }
        List<LineCommission> list = count == 0 ? List.of() : new SingleCreditLines(this, numbers, refs, count);
        return new OrderCommission(order.id(), order.member(), order.placedAt(), day.period, day.releaseOn, list,
                List.of());
    }

    /**
     * The commission of an attributed order by the general split of every credited line (its
     * recipients' weights by largest remainder): what {@link #commission} returns for orders with
     * a line of several credits, and the reference its one-guide lines are checked against.
     */
    OrderCommission commissionBySplit(Order order, OrderAttribution attribution, DistributionNetwork network) {
        return commissionBySplit(order, attribution, network, businessDay(order.placedAt()));
    }

    private OrderCommission commissionBySplit(Order order, OrderAttribution attribution, DistributionNetwork network,
            Day day) {
        List<OrderLine> orderLines = order.lines();
        List<LineCredit> credits = attribution.lines();
        List<LineCommission> lines = new ArrayList<>(orderLines.size());
        for (int i = 0; i < orderLines.size(); i++) {
            OrderLine line = orderLines.get(i);
            LineCredit credit = creditOf(attribution, credits, i, line);
            if (credit == null || credit.credits().isEmpty()) {
                continue;
            }
            lines.add(split(line, rateFor(line), 0, recipients(credit, network), credit));
        }
        return new OrderCommission(order.id(), order.member(), order.placedAt(), day.period, day.releaseOn, lines,
                List.of());
    }

    /**
     * The credit of order line {@code i} ({@code line}): the attribution's line at the same position
     * when it is that line's (the usual case), else found by line number; null if none.
     */
    private static LineCredit creditOf(OrderAttribution attribution, List<LineCredit> credits, int i, OrderLine line) {
        return i < credits.size() && credits.get(i).lineNo() == line.lineNo() ? credits.get(i)
                : attribution.line(line.lineNo()).orElse(null);
    }

    /**
     * Line {@code index} of a {@link SingleCreditLines}: the line commission, its shares and their
     * amounts, as {@link #split} makes them for the line's one credited guide and its upline.
     */
    LineCommission unpack(long[] numbers, Object[] refs, int index) {
        int at = index * SingleCreditLines.LONGS;
        int ref = index * SingleCreditLines.REFS;
        long line = numbers[at + SingleCreditLines.LINE];
        long net = numbers[at + SingleCreditLines.NET];
        long pool = numbers[at + SingleCreditLines.POOL];
        long first = numbers[at + SingleCreditLines.FIRST];
        LineCredit credit = (LineCredit) refs[ref + SingleCreditLines.CREDIT];
        GuideId upline = (GuideId) refs[ref + SingleCreditLines.UPLINE];
        Credit c = credit.credits().get(0);
        List<Share> shares = upline == null
                ? List.of(new Share(c.guide(), 1, c.role(), c.weight(), level1Share + level2Share, money(pool),
                        money(net)))
                : List.of(new Share(c.guide(), 1, c.role(), c.weight(), level1Share, money(first), money(net)),
                        new Share(upline, 2, c.role(), c.weight(), level2Share, money(pool - first), zero));
        return new LineCommission((int) (line >>> 32), (int) line, 0, (String) refs[ref + SingleCreditLines.RULE], net,
                pool, shares, credit);
    }

    private List<Share> recipients(LineCredit credit, DistributionNetwork network) {
        List<Share> recipients = new ArrayList<>(credit.credits().size() * levelShares.size());
        for (Credit c : credit.credits()) {
            GuideId upline = twoLevels ? network.uplineOrNull(c.guide()) : null;
            if (upline != null) {
                recipients.add(new Share(c.guide(), 1, c.role(), c.weight(), level1Share, zero, zero));
                recipients.add(new Share(upline, 2, c.role(), c.weight(), level2Share, zero, zero));
            } else {
                recipients.add(new Share(c.guide(), 1, c.role(), c.weight(), level1Share + level2Share, zero, zero));
            }
        }
        return recipients;
    }

    /**
     * The first part of {@code whole >= 0} split between two positive weights by largest remainder:
     * the same as {@code Allocation.byLargestRemainder(whole, a, b)[0]} (ties go to the larger
     * weight, then to the first).
     */
    static long firstOfTwo(long whole, long a, long b) {
        long sum = a + b;
        if (whole < 0 || sum < 0 || Math.multiplyHigh(whole, a) != 0 || Math.multiplyHigh(whole, b) != 0
                || whole * a < 0 || whole * b < 0) {
            return Allocation.byLargestRemainder(whole, a, b)[0];
        }
        long pa = whole * a;
        long pb = whole * b;
        long qa = pa / sum;
        long qb = pb / sum;
        if (whole - qa - qb == 0) {
            return qa;
        }
        long ra = pa % sum;
        long rb = pb % sum;
        return ra > rb || (ra == rb && a >= b) ? qa + 1 : qa;
    }

    private Money money(long minor) {
        return minor == 0 ? zero : Money.ofMinor(minor, currency);
    }

    /**
     * Reverses the commission of the refunded units, from the record kept with the order: each
     * touched line's pool is recomputed on its remaining net and units and re-split with the same
     * weights; each recipient gives back the difference. Returns follow the original attribution:
     * later bindings or transfers do not matter.
     *
     * @param record the order's commission record as last stored
     * @param order the order
     * @param refund the refund
     * @throws IllegalArgumentException if the refund is of another order or returns more than was sold
     */
    public RefundCommission refund(OrderCommission record, Order order, Refund refund) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(refund, "refund");
        if (!record.order().equals(order.id())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "record order must be %s: %s",
                    order.id(), record.order()));
        }
        if (record.refunds().contains(refund.id())) {
            return new RefundCommission(record, List.of(), true);
        }
        Map<Integer, Integer> returnedBefore = new HashMap<>();
        for (LineCommission line : record.lines()) {
            returnedBefore.put(line.lineNo(), line.returned());
        }
        refund.checkAgainst(order, returnedBefore);
        Map<GuideId, long[]> deltas = new LinkedHashMap<>();
        Map<GuideId, Explanation.Builder> why = new LinkedHashMap<>();
        List<LineCommission> lines = new ArrayList<>(record.lines());
        for (RefundLine back : refund.lines()) {
            for (int i = 0; i < lines.size(); i++) {
                LineCommission before = lines.get(i);
                if (before.lineNo() != back.lineNo()) {
                    continue;
                }
                OrderLine sold = order.line(back.lineNo()).orElseThrow();
                LineCommission after = split(sold, rateFor(sold), before.returned() + back.quantity(),
                        before.shares(), before.credit());
                lines.set(i, after);
                for (int s = 0; s < before.shares().size(); s++) {
                    Share was = before.shares().get(s);
                    Share now = after.shares().get(s);
                    long[] d = deltas.computeIfAbsent(was.guide(), g -> new long[2]);
                    d[0] += was.amount().minor() - now.amount().minor();
                    d[1] += was.salesBase().minor() - now.salesBase().minor();
                    why.computeIfAbsent(was.guide(), g -> Explanation.builder("COMMISSION_CLAWED_BACK")
                            .fact("order", order.id()).fact("refund", refund.id()))
                            .fact("line" + sold.lineNo(), String.format(Locale.ROOT,
                                    "%d of %d units returned, %s: pool %d -> %d, share %s -> %s", back.quantity(),
                                    sold.quantity(), before.rule(), before.pool(), after.pool(), was.amount(),
                                    now.amount()));
                }
            }
        }
        List<Clawback> clawbacks = new ArrayList<>();
        deltas.forEach((guide, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                clawbacks.add(new Clawback(guide, record.member(), record.order(), refund.id(), refund.at(),
                        record.period(), Money.ofMinor(d[0], currency), Money.ofMinor(d[1], currency),
                        why.get(guide).fact("amount", Money.ofMinor(d[0], currency)).build()));
            }
        });
        List<RefundId> refunds = new ArrayList<>(record.refunds());
        refunds.add(refund.id());
        OrderCommission after = new OrderCommission(record.order(), record.member(), record.placedAt(), record.period(),
                record.releaseOn(), lines, refunds);
        return new RefundCommission(after, clawbacks, false);
    }

    private LineCommission split(OrderLine line, Rate rule, int returned, List<Share> recipients,
            LineCredit credit) {
        long net = line.net().minor() - line.netForUnits(0, returned).minor();
        int units = line.quantity() - returned;
        long pool = pool(rule, net, units);
        long[] weights = new long[recipients.size()];
        int level1 = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = recipients.get(i).weight();
            if (recipients.get(i).level() == 1) {
                level1++;
            }
        }
        long[] amounts = weights.length == 1 ? new long[] {pool} : Allocation.byLargestRemainder(pool, weights);
        long[] creditWeights = new long[level1];
        for (int i = 0, k = 0; i < recipients.size(); i++) {
            if (recipients.get(i).level() == 1) {
                creditWeights[k++] = recipients.get(i).creditWeight();
            }
        }
        long[] bases = creditWeights.length == 1 ? new long[] {net} : Allocation.byLargestRemainder(net, creditWeights);
        List<Share> shares = new ArrayList<>(recipients.size());
        for (int i = 0, k = 0; i < recipients.size(); i++) {
            Share r = recipients.get(i);
            long base = r.level() == 1 ? bases[k++] : 0;
            shares.add(new Share(r.guide(), r.level(), r.role(), r.creditWeight(), r.levelShare(),
                    money(amounts[i]), money(base)));
        }
        return new LineCommission(line.lineNo(), line.quantity(), returned, rule.text, net, pool, shares, credit);
    }

    private Money zero() {
        return zero;
    }

    /** The monthly bonus on {@code sales} under the tier schedule (zero without one). */
    public Money tierBonus(Money sales) {
        sales.checkSameCurrency(zero());
        if (tierMethod.isEmpty() || !sales.isPositive()) {
            return zero();
        }
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.valueOf(sales.minor());
        for (TierBand band : tiers) {
            long from = band.from().minor();
            long to = band.to().map(Money::minor).orElse(Long.MAX_VALUE);
            if (tierMethod.get() == TierMethod.WHOLE_AMOUNT) {
                if (sales.minor() >= from && sales.minor() < to) {
                    exact = amount.multiply(band.percent().movePointLeft(2));
                }
            } else if (sales.minor() > from) {
                long inBand = Math.min(sales.minor(), to) - from;
                exact = exact.add(BigDecimal.valueOf(inBand).multiply(band.percent().movePointLeft(2)));
            }
        }
        return Money.ofMinor(exact.setScale(0, rounding).longValueExact(), currency);
    }

    /** Collects a plan; not thread-safe. {@link #build()} validates everything. */
    public static final class Builder {
        private Currency currency = Money.CNY;
        private RoundingMode rounding = RoundingMode.HALF_UP;
        private BigDecimal defaultPercent = BigDecimal.ZERO;
        private final List<RateRule> rules = new ArrayList<>();
        private List<Long> levelShares = List.of(100L);
        private TierMethod tierMethod;
        private final List<TierBand> tiers = new ArrayList<>();
        private Money monthlyCap;
        private Money minimumPayout;
        private int returnWindowDays = 7;
        private ZoneId zone = BusinessClock.SHANGHAI;
        private PendingOnDeparture pendingOnDeparture = PendingOnDeparture.KEEP_WITH_LEAVER;

        private Builder() {
        }

        public Builder currency(Currency currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /** @throws IllegalArgumentException for {@code UNNECESSARY}, which cannot round */
        public Builder rounding(RoundingMode rounding) {
            if (Objects.requireNonNull(rounding, "rounding") == RoundingMode.UNNECESSARY) {
                throw new IllegalArgumentException("rounding must be able to round: " + rounding);
            }
            this.rounding = rounding;
            return this;
        }

        /** The rate of lines no rule matches, in percent of the line net. */
        public Builder defaultPercent(BigDecimal percent) {
            RateRule.checkPercent("defaultRate", Objects.requireNonNull(percent, "percent"));
            this.defaultPercent = percent;
            return this;
        }

        public Builder rule(RateRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * The level shares: {@code levels(100)} pays the credited guide only; {@code levels(90, 10)}
         * gives the guide's upline 10% of the line's commission.
         *
         * @throws IllegalArgumentException for more than two levels (三级及以上分销 is illegal in China) or a share that is not positive
         */
        public Builder levels(long... shares) {
            if (shares.length < 1 || shares.length > 2) {
                throw new IllegalArgumentException("levels must be 1 or 2 (at most two levels of distribution): "
                        + shares.length);
            }
            List<Long> list = new ArrayList<>();
            for (long share : shares) {
                if (share <= 0) {
                    throw new IllegalArgumentException("level share must be > 0: " + share);
                }
                list.add(share);
            }
            this.levelShares = List.copyOf(list);
            return this;
        }

        /**
         * A monthly tier schedule: bands from 0 upwards, each starting where the previous one ends,
         * the last open-ended.
         */
        public Builder tiers(TierMethod method, List<TierBand> bands) {
            this.tierMethod = Objects.requireNonNull(method, "method");
            this.tiers.clear();
            this.tiers.addAll(bands);
            return this;
        }

        public Builder monthlyCap(Money cap) {
            if (!cap.isPositive()) {
                throw new IllegalArgumentException("monthlyCap must be > 0: " + cap);
            }
            this.monthlyCap = cap;
            return this;
        }

        public Builder minimumPayout(Money minimum) {
            if (minimum.isNegative()) {
                throw new IllegalArgumentException("minimumPayout must be >= 0: " + minimum);
            }
            this.minimumPayout = minimum;
            return this;
        }

        public Builder returnWindowDays(int days) {
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("returnWindowDays must be between 0 and 366: " + days);
            }
            this.returnWindowDays = days;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder pendingOnDeparture(PendingOnDeparture policy) {
            this.pendingOnDeparture = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @throws IllegalArgumentException naming the first inconsistency */
        public CommissionPlan build() {
            if (tierMethod != null) {
                if (tiers.isEmpty()) {
                    throw new IllegalArgumentException("tiers must have at least one band: []");
                }
                for (int i = 0; i < tiers.size(); i++) {
                    TierBand band = tiers.get(i);
                    band.from().checkSameCurrency(Money.zero(currency));
                    if (i == 0 && !band.from().isZero()) {
                        throw new IllegalArgumentException("tiers[0].from must be 0: " + band.from());
                    }
                    if (i > 0) {
                        Money previousTo = tiers.get(i - 1).to().orElseThrow(() -> new IllegalArgumentException(
                                "tiers must have only the last band open-ended: band " + (tiers.size() - 1)));
                        if (band.from().isLessThan(previousTo)) {
                            throw new IllegalArgumentException(String.format(Locale.ROOT,
                                    "tiers[%d].from must not overlap the previous band ending at %s: %s", i,
                                    previousTo, band.from()));
                        }
                        if (band.from().isGreaterThan(previousTo)) {
                            throw new IllegalArgumentException(String.format(Locale.ROOT,
                                    "tiers[%d].from must start where the previous band ends, %s: %s", i, previousTo,
                                    band.from()));
                        }
                    }
                }
                if (tiers.get(tiers.size() - 1).to().isPresent()) {
                    throw new IllegalArgumentException("tiers last band must be open-ended: "
                            + tiers.get(tiers.size() - 1).to().get());
                }
            }
            if (monthlyCap != null) {
                monthlyCap.checkSameCurrency(Money.zero(currency));
            }
            if (minimumPayout != null) {
                minimumPayout.checkSameCurrency(Money.zero(currency));
            }
            return new CommissionPlan(this);
        }
    }
}
