package dev.siyu.core.points;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.money.Money;
import dev.siyu.core.time.BusinessClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The validated configuration of a points programme: earn rules, lot life cycle, redemption rules
 * and the negative-balance policy.
 *
 * <p><b>Earn.</b> Each order line earns {@code eligible × earnRate × multiplier} points, where
 * {@code eligible} is the line's net (in currency units, e.g. yuan) less its share of the money paid
 * by {@code POINTS} tenders (that share is split across lines by net, largest remainder), and
 * {@code multiplier} is the <em>product</em> of the tier, category, brand, birthday-month and campaign
 * multipliers that apply (1 where none applies). <b>Rounding: floor per line</b>
 * ({@link java.math.RoundingMode#DOWN}), then the per-order cap, then the per-day cap (day = business
 * date of the order's {@code placedAt}); when a cap cuts the total, the capped total is split back
 * across the lines by largest remainder so refunds reverse line by line. Refunds do not give back
 * room under the per-day cap. Multipliers and campaigns are
 * read at the business date of the order's {@code placedAt} in {@link #zone()}. Campaign windows may
 * not overlap.
 *
 * <p><b>Lots.</b> A lot is pending for {@link #pendingDays()} days after its earn date (the return
 * window), then available until its {@link #expiry()} date.
 *
 * <p><b>Refunds.</b> Without a {@link #refundWindowDays()} (the default) an order can be refunded at
 * any time and its record is kept for the life of the account. With a window of {@code N} days, a
 * refund of an order placed (business date) more than {@code N} days before the refund's business
 * date is refused with {@link RejectReason#REFUND_WINDOW_CLOSED} and changes nothing, and order
 * records placed before the window are dropped as later commands pass, so an account's memory is
 * bounded by the window rather than its history. Commands are expected in roughly time order: a
 * refund dated earlier than a command that already dropped its order's record is refused the same
 * way. An earn of an order placed before the window is refused likewise
 * ({@link RejectReason#EARN_WINDOW_CLOSED}), so an order whose record was dropped cannot earn twice.
 *
 * <p><b>Idempotency.</b> Without an {@link #idempotencyWindow()} (the default) an account
 * remembers every operation applied to it, 40 bytes each, for as long as it lives. With a window of
 * {@code N} days, a command dated (business date of {@link PointsCommand#at()}, part of its
 * payload) more than {@code N} days before the latest command the account recorded is refused with
 * {@link RejectReason#OUTSIDE_IDEMPOTENCY_WINDOW}, and the records of such operations are
 * forgotten, so the account holds the operations of about the last {@code N} days. A retry must
 * resend the same command (a different {@code at} is a different payload: a conflict inside the
 * window); a retry past the window is refused, never applied twice. The window may not be shorter
 * than the refund window.
 *
 * <p><b>Redemption.</b> {@link #redeemRate()} points are worth one currency unit (100 points = 1 yuan);
 * a payment's value is floored to the minor unit; it may not exceed {@link #maxSharePercent()} percent
 * of the order amount (floored); the points must be a multiple of {@link #redeemStep()}; the member
 * must hold at least {@link #minimumBalance()} available points to redeem at all.
 *
 * <p>Build with {@link #builder()} or read JSON with {@link #fromJson(String)}. Immutable and thread-safe.
 */
public final class PointsProgram {

    /**
     * A time-boxed earn multiplier (e.g. double points for 双11).
     *
     * @param code the campaign's code, non-blank
     * @param from first business date of the window, inclusive
     * @param to last business date of the window, inclusive
     * @param multiplier the multiplier, {@code >= 0}
     */
    public record Campaign(String code, LocalDate from, LocalDate to, BigDecimal multiplier) {
        /** @throws IllegalArgumentException if the code is blank, the window is empty or the multiplier negative */
        public Campaign {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(multiplier, "multiplier");
            if (code.isBlank()) {
                throw new IllegalArgumentException("campaign code must be non-blank: '" + code + "'");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("campaign to must be >= from " + from + ": " + to);
            }
            checkMultiplier("campaign multiplier", multiplier);
        }

        /** Whether {@code date} lies in the window. */
        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private final Currency currency;
    private final ZoneId zone;
    private final BigDecimal earnRate;
    private final Map<TierId, BigDecimal> tierMultipliers;
    private final Map<CategoryId, BigDecimal> categoryMultipliers;
    private final Map<BrandId, BigDecimal> brandMultipliers;
    private final BigDecimal birthdayMultiplier;
    private final List<Campaign> campaigns;
    private final OptionalLong maxPerOrder;
    private final OptionalLong maxPerDay;
    private final int pendingDays;
    private final OptionalInt refundWindowDays;
    private final IdempotencyWindow idempotencyWindow;
    private final ExpiryPolicy expiry;
    private final long redeemRate;
    private final BigDecimal maxSharePercent;
    private final long minimumBalance;
    private final long redeemStep;
    private final NegativeBalancePolicy negativeBalance;

    private PointsProgram(Builder b) {
        this.currency = b.currency;
        this.zone = b.zone;
        this.earnRate = b.earnRate;
        this.tierMultipliers = Map.copyOf(b.tierMultipliers);
        this.categoryMultipliers = Map.copyOf(b.categoryMultipliers);
        this.brandMultipliers = Map.copyOf(b.brandMultipliers);
        this.birthdayMultiplier = b.birthdayMultiplier;
        List<Campaign> sorted = new ArrayList<>(b.campaigns);
        sorted.sort(Comparator.comparing(Campaign::from));
        this.campaigns = List.copyOf(sorted);
        this.maxPerOrder = b.maxPerOrder;
        this.maxPerDay = b.maxPerDay;
        this.pendingDays = b.pendingDays;
        this.refundWindowDays = b.refundWindowDays;
        this.idempotencyWindow = b.idempotencyWindow;
        this.expiry = b.expiry;
        this.redeemRate = b.redeemRate;
        this.maxSharePercent = b.maxSharePercent;
        this.minimumBalance = b.minimumBalance;
        this.redeemStep = b.redeemStep;
        this.negativeBalance = b.negativeBalance;
    }

    static boolean shorterThanRefunds(IdempotencyWindow window, OptionalInt refundWindowDays) {
        return !window.isUnbounded() && refundWindowDays.isPresent()
                && window.days().getAsInt() < refundWindowDays.getAsInt();
    }

    /** A builder with the defaults: CNY, Asia/Shanghai, 1 point per yuan, no multipliers or caps, 0 pending days, never expiring, 100 points = 1 yuan, max share 100%, no minimum, step 1, DENY. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this program's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.currency = currency;
        b.zone = zone;
        b.earnRate = earnRate;
        b.tierMultipliers.putAll(tierMultipliers);
        b.categoryMultipliers.putAll(categoryMultipliers);
        b.brandMultipliers.putAll(brandMultipliers);
        b.birthdayMultiplier = birthdayMultiplier;
        b.campaigns.addAll(campaigns);
        b.maxPerOrder = maxPerOrder;
        b.maxPerDay = maxPerDay;
        b.pendingDays = pendingDays;
        b.refundWindowDays = refundWindowDays;
        b.idempotencyWindow = idempotencyWindow;
        b.expiry = expiry;
        b.redeemRate = redeemRate;
        b.maxSharePercent = maxSharePercent;
        b.minimumBalance = minimumBalance;
        b.redeemStep = redeemStep;
        b.negativeBalance = negativeBalance;
        return b;
    }

    /** The currency orders must be in. */
    public Currency currency() {
        return currency;
    }

    /** The zone business dates are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** Base points per currency unit paid (e.g. 1 per yuan). */
    public BigDecimal earnRate() {
        return earnRate;
    }

    /** Multiplier by the member's tier (absent tier: 1). */
    public Map<TierId, BigDecimal> tierMultipliers() {
        return tierMultipliers;
    }

    /** Multiplier by line category (absent: 1). */
    public Map<CategoryId, BigDecimal> categoryMultipliers() {
        return categoryMultipliers;
    }

    /** Multiplier by line brand (absent: 1). */
    public Map<BrandId, BigDecimal> brandMultipliers() {
        return brandMultipliers;
    }

    /** Multiplier in the member's birthday month. */
    public BigDecimal birthdayMultiplier() {
        return birthdayMultiplier;
    }

    /** Campaigns, by start date, windows disjoint. */
    public List<Campaign> campaigns() {
        return campaigns;
    }

    /** Maximum points one order earns, if capped. */
    public OptionalLong maxPerOrder() {
        return maxPerOrder;
    }

    /** Maximum points a member earns on orders of one business day, if capped. */
    public OptionalLong maxPerDay() {
        return maxPerDay;
    }

    /** Days a new lot stays pending (the return window). */
    public int pendingDays() {
        return pendingDays;
    }

    /** Days after an order's business date within which it can be refunded, if limited (see the class Javadoc). */
    public OptionalInt refundWindowDays() {
        return refundWindowDays;
    }

    /** How long accounts remember operations (default unbounded; see the class Javadoc). */
    public IdempotencyWindow idempotencyWindow() {
        return idempotencyWindow;
    }

    /** When lots expire. */
    public ExpiryPolicy expiry() {
        return expiry;
    }

    /** Points worth one currency unit when paying. */
    public long redeemRate() {
        return redeemRate;
    }

    /** Maximum percent of an order's amount points may pay. */
    public BigDecimal maxSharePercent() {
        return maxSharePercent;
    }

    /** Minimum available points to redeem at all. */
    public long minimumBalance() {
        return minimumBalance;
    }

    /** Redeemed points must be a multiple of this. */
    public long redeemStep() {
        return redeemStep;
    }

    /** What a refund does when earned points were already spent. */
    public NegativeBalancePolicy negativeBalance() {
        return negativeBalance;
    }

    /** The campaign whose window covers {@code date}, if any. */
    public java.util.Optional<Campaign> campaignOn(LocalDate date) {
        for (Campaign c : campaigns) {
            if (c.covers(date)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    static void checkMultiplier(String field, BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be >= 0: %s", field,
                    value.toPlainString()));
        }
    }

    /**
     * Reads a program from JSON, e.g.
     * <pre>{@code
     * {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai",
     *  "earn": {"rate": 1, "tierMultipliers": {"GOLD": 1.5}, "categoryMultipliers": {}, "brandMultipliers": {},
     *           "birthdayMultiplier": 2, "campaigns": [{"code": "D11", "from": "2026-11-01", "to": "2026-11-11", "multiplier": 2}],
     *           "maxPerOrder": 5000, "maxPerDay": 10000},
     *  "lots": {"pendingDays": 7, "refundWindowDays": 30, "expiry": {"policy": "rolling-months", "months": 12}},
     *  "redemption": {"rate": 100, "maxSharePercent": 50, "minimumBalance": 100, "step": 100},
     *  "negativeBalance": "clamp",
     *  "idempotency": {"windowDays": 60}}
     * }</pre>
     * Every field but {@code schemaVersion} is optional (builder defaults). Expiry policies:
     * {@code never}, {@code rolling-months} (with {@code months}), {@code end-of-next-year},
     * {@code fixed-date} (with {@code date}).
     *
     * @throws ConfigException naming the JSON pointer of the first bad value; unknown fields are errors
     */
    public static PointsProgram fromJson(String json) {
        return ProgramJson.read(ConfigNode.parse(json));
    }

    /** Builds a {@link PointsProgram}; every setter validates its argument. Not thread-safe. */
    public static final class Builder {
        private Currency currency = Money.CNY;
        private ZoneId zone = BusinessClock.SHANGHAI;
        private BigDecimal earnRate = BigDecimal.ONE;
        private final Map<TierId, BigDecimal> tierMultipliers = new HashMap<>();
        private final Map<CategoryId, BigDecimal> categoryMultipliers = new HashMap<>();
        private final Map<BrandId, BigDecimal> brandMultipliers = new HashMap<>();
        private BigDecimal birthdayMultiplier = BigDecimal.ONE;
        private final List<Campaign> campaigns = new ArrayList<>();
        private OptionalLong maxPerOrder = OptionalLong.empty();
        private OptionalLong maxPerDay = OptionalLong.empty();
        private OptionalInt refundWindowDays = OptionalInt.empty();
        private IdempotencyWindow idempotencyWindow = IdempotencyWindow.unbounded();
        private int pendingDays;
        private ExpiryPolicy expiry = ExpiryPolicy.never();
        private long redeemRate = 100;
        private BigDecimal maxSharePercent = BigDecimal.valueOf(100);
        private long minimumBalance;
        private long redeemStep = 1;
        private NegativeBalancePolicy negativeBalance = NegativeBalancePolicy.DENY;

        private Builder() {
        }

        /** The currency; must have minor units. */
        public Builder currency(Currency currency) {
            Objects.requireNonNull(currency, "currency");
            Money.zero(currency);
            this.currency = currency;
            return this;
        }

        /** The business zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Base points per currency unit, {@code >= 0}. */
        public Builder earnRate(BigDecimal rate) {
            Objects.requireNonNull(rate, "rate");
            if (rate.signum() < 0) {
                throw new IllegalArgumentException("earnRate must be >= 0: " + rate.toPlainString());
            }
            this.earnRate = rate;
            return this;
        }

        /** Multiplier for members of {@code tier}, {@code >= 0}. */
        public Builder tierMultiplier(TierId tier, BigDecimal multiplier) {
            Objects.requireNonNull(tier, "tier");
            checkMultiplier("tierMultiplier", Objects.requireNonNull(multiplier, "multiplier"));
            tierMultipliers.put(tier, multiplier);
            return this;
        }

        /** Multiplier for lines of {@code category}, {@code >= 0} (0 excludes the category). */
        public Builder categoryMultiplier(CategoryId category, BigDecimal multiplier) {
            Objects.requireNonNull(category, "category");
            checkMultiplier("categoryMultiplier", Objects.requireNonNull(multiplier, "multiplier"));
            categoryMultipliers.put(category, multiplier);
            return this;
        }

        /** Multiplier for lines of {@code brand}, {@code >= 0}. */
        public Builder brandMultiplier(BrandId brand, BigDecimal multiplier) {
            Objects.requireNonNull(brand, "brand");
            checkMultiplier("brandMultiplier", Objects.requireNonNull(multiplier, "multiplier"));
            brandMultipliers.put(brand, multiplier);
            return this;
        }

        /** Multiplier for orders placed in the member's birthday month, {@code >= 0}. */
        public Builder birthdayMultiplier(BigDecimal multiplier) {
            checkMultiplier("birthdayMultiplier", Objects.requireNonNull(multiplier, "multiplier"));
            this.birthdayMultiplier = multiplier;
            return this;
        }

        /** Adds a campaign. @throws IllegalArgumentException if its window overlaps another's */
        public Builder campaign(Campaign campaign) {
            Objects.requireNonNull(campaign, "campaign");
            for (Campaign other : campaigns) {
                if (!campaign.from().isAfter(other.to()) && !other.from().isAfter(campaign.to())) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "campaign window must not overlap %s [%s..%s]: %s [%s..%s]", other.code(), other.from(),
                            other.to(), campaign.code(), campaign.from(), campaign.to()));
                }
            }
            campaigns.add(campaign);
            return this;
        }

        /** Maximum points per order, {@code >= 0}. */
        public Builder maxPerOrder(long points) {
            if (points < 0) {
                throw new IllegalArgumentException("maxPerOrder must be >= 0: " + points);
            }
            this.maxPerOrder = OptionalLong.of(points);
            return this;
        }

        /** Maximum points per member and business day, {@code >= 0}. */
        public Builder maxPerDay(long points) {
            if (points < 0) {
                throw new IllegalArgumentException("maxPerDay must be >= 0: " + points);
            }
            this.maxPerDay = OptionalLong.of(points);
            return this;
        }

        /** Days new lots stay pending, 0 to 3650. */
        public Builder pendingDays(int days) {
            if (days < 0 || days > 3650) {
                throw new IllegalArgumentException("pendingDays must be between 0 and 3650: " + days);
            }
            this.pendingDays = days;
            return this;
        }

        /** Days after an order's business date within which it can be refunded, 0 to 3650 (default: unlimited). */
        public Builder refundWindowDays(int days) {
            if (days < 0 || days > 3650) {
                throw new IllegalArgumentException("refundWindowDays must be between 0 and 3650: " + days);
            }
            this.refundWindowDays = OptionalInt.of(days);
            return this;
        }

        /** How long accounts remember operations (default unbounded); see the class Javadoc. */
        public Builder idempotencyWindow(IdempotencyWindow window) {
            this.idempotencyWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** The expiry policy. */
        public Builder expiry(ExpiryPolicy policy) {
            this.expiry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Points worth one currency unit when paying, {@code >= 1}. */
        public Builder redeemRate(long pointsPerUnit) {
            if (pointsPerUnit < 1) {
                throw new IllegalArgumentException("redeemRate must be >= 1: " + pointsPerUnit);
            }
            this.redeemRate = pointsPerUnit;
            return this;
        }

        /** Maximum percent of an order points may pay, 0 to 100. */
        public Builder maxSharePercent(BigDecimal percent) {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("maxSharePercent must be between 0 and 100: " + percent.toPlainString());
            }
            this.maxSharePercent = percent;
            return this;
        }

        /** Minimum available points to redeem, {@code >= 0}. */
        public Builder minimumBalance(long points) {
            if (points < 0) {
                throw new IllegalArgumentException("minimumBalance must be >= 0: " + points);
            }
            this.minimumBalance = points;
            return this;
        }

        /** Redemption step, {@code >= 1}. */
        public Builder redeemStep(long points) {
            if (points < 1) {
                throw new IllegalArgumentException("redeemStep must be >= 1: " + points);
            }
            this.redeemStep = points;
            return this;
        }

        /** The negative-balance policy for refunds. */
        public Builder negativeBalance(NegativeBalancePolicy policy) {
            this.negativeBalance = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The program. */
        public PointsProgram build() {
            if (shorterThanRefunds(idempotencyWindow, refundWindowDays)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "idempotency window days must be >= refundWindowDays %d: %d", refundWindowDays.getAsInt(),
                        idempotencyWindow.days().getAsInt()));
            }
            return new PointsProgram(this);
        }
    }
}
