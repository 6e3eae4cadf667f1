package dev.siyu.coupons.template;

import dev.siyu.core.id.SkuId;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a coupon gives. Every money benefit is computed on the remaining net price of the coupon's
 * eligible lines (after any coupon applied before it) and never exceeds that amount, so a basket can
 * never be taken below zero. Immutable and thread-safe.
 */
public sealed interface Benefit {

    /** The currency of the benefit's amounts. */
    java.util.Currency currency();

    /**
     * The discount this benefit gives on {@code eligibleNet} in minor units, before any threshold
     * check (see {@link #thresholdMinor()}), capped at {@code eligibleNet}. For {@link StoredValue},
     * {@code balance} is the coupon's remaining balance; other benefits ignore it.
     */
    long discountMinor(long eligibleNet, long balance);

    /** The smallest eligible net at which the benefit applies, in minor units (0 = no threshold). */
    long thresholdMinor();

    /** One step of a threshold ladder: spend at least {@code threshold}, get {@code amount} off. */
    record Step(Money threshold, Money amount) {
        /** @throws IllegalArgumentException unless both are positive and in one currency */
        public Step {
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(amount, "amount");
            threshold.checkSameCurrency(amount);
            if (!threshold.isPositive()) {
                throw new IllegalArgumentException("threshold must be > 0: " + threshold);
            }
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("amount must be > 0: " + amount);
            }
        }
    }

    /**
     * 满减: amount off over a threshold, with one or more steps; the highest step met applies.
     *
     * @param steps thresholds strictly increasing, amounts not decreasing
     */
    record AmountOff(List<Step> steps) implements Benefit {
        /** @throws IllegalArgumentException if steps are empty, mixed currencies or not increasing */
        public AmountOff {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("steps must not be empty: " + steps);
            }
            for (int i = 1; i < steps.size(); i++) {
                Step before = steps.get(i - 1);
                Step step = steps.get(i);
                before.threshold().checkSameCurrency(step.threshold());
                if (!step.threshold().isGreaterThan(before.threshold())) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "steps[%d].threshold must be > %s: %s", i, before.threshold(), step.threshold()));
                }
                if (step.amount().isLessThan(before.amount())) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "steps[%d].amount must be >= %s: %s", i, before.amount(), step.amount()));
                }
            }
        }

        /** A single-step 满减 coupon. */
        public static AmountOff over(Money threshold, Money amount) {
            return new AmountOff(List.of(new Step(threshold, amount)));
        }

        @Override
        public java.util.Currency currency() {
            return steps.get(0).amount().currency();
        }

        @Override
        public long thresholdMinor() {
            return steps.get(0).threshold().minor();
        }

        @Override
        public long discountMinor(long eligibleNet, long balance) {
            long amount = 0;
            for (Step step : steps) {
                if (eligibleNet >= step.threshold().minor()) {
                    amount = step.amount().minor();
                }
            }
            return Math.min(amount, eligibleNet);
        }
    }

    /** 无门槛: a fixed amount off with no threshold, capped at the eligible net. */
    record NoThreshold(Money amount) implements Benefit {
        /** @throws IllegalArgumentException unless the amount is positive */
        public NoThreshold {
            Objects.requireNonNull(amount, "amount");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("amount must be > 0: " + amount);
            }
        }

        @Override
        public java.util.Currency currency() {
            return amount.currency();
        }

        @Override
        public long thresholdMinor() {
            return 0;
        }

        @Override
        public long discountMinor(long eligibleNet, long balance) {
            return Math.max(0, Math.min(amount.minor(), eligibleNet));
        }
    }

    /**
     * Percent off the eligible net, rounded {@link RoundingMode#DOWN} to the minor unit (the member
     * never gets more than the stated percent), optionally over a threshold and capped. A
     * cross-counter campaign (跨店满1000减10%, capped) is this benefit with an eligibility spanning
     * several counters: the threshold is read over the sum of all eligible lines.
     *
     * @param percent in (0, 100], e.g. {@code 10} for 10% off
     * @param threshold minimum eligible net, if any (must be positive)
     * @param cap most discount given, if any (must be positive)
     */
    record PercentOff(BigDecimal percent, Optional<Money> threshold, Optional<Money> cap, java.util.Currency currency)
            implements Benefit {
        /** @throws IllegalArgumentException for a percent outside (0, 100], a non-positive threshold or cap */
        public PercentOff {
            Objects.requireNonNull(percent, "percent");
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(cap, "cap");
            Objects.requireNonNull(currency, "currency");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("percent must be > 0 and <= 100: " + percent.toPlainString());
            }
            threshold.ifPresent(t -> {
                Money.zero(currency).checkSameCurrency(t);
                if (!t.isPositive()) {
                    throw new IllegalArgumentException("threshold must be > 0: " + t);
                }
            });
            cap.ifPresent(c -> {
                Money.zero(currency).checkSameCurrency(c);
                if (!c.isPositive()) {
                    throw new IllegalArgumentException("cap must be > 0: " + c);
                }
            });
        }

        @Override
        public long thresholdMinor() {
            return threshold.map(Money::minor).orElse(0L);
        }

        @Override
        public long discountMinor(long eligibleNet, long balance) {
            if (eligibleNet <= 0) {
                return 0;
            }
            long off = Money.ofMinor(eligibleNet, currency).percent(percent, RoundingMode.DOWN).minor();
            if (cap.isPresent()) {
                off = Math.min(off, cap.get().minor());
            }
            return Math.min(off, eligibleNet);
        }
    }

    /**
     * A fixed price for the eligible lines (e.g. a new member's first-order price): the discount is
     * the eligible net minus {@code price}, or nothing when the net is already at or below it.
     */
    record FixedPrice(Money price) implements Benefit {
        /** @throws IllegalArgumentException if the price is negative */
        public FixedPrice {
            Objects.requireNonNull(price, "price");
            if (price.isNegative()) {
                throw new IllegalArgumentException("price must be >= 0: " + price);
            }
        }

        @Override
        public java.util.Currency currency() {
            return price.currency();
        }

        @Override
        public long thresholdMinor() {
            return 0;
        }

        @Override
        public long discountMinor(long eligibleNet, long balance) {
            return Math.max(0, eligibleNet - price.minor());
        }
    }

    /**
     * A stored-value group voucher (团券, "pay 600, spend 750"): the member paid {@code price} for
     * {@code faceValue} to spend over one or more orders; each use takes up to the coupon's remaining
     * balance. Applied after every discount coupon of the basket.
     */
    record StoredValue(Money faceValue, Money price) implements Benefit {
        /** @throws IllegalArgumentException unless 0 <= price <= faceValue and faceValue > 0 */
        public StoredValue {
            Objects.requireNonNull(faceValue, "faceValue");
            Objects.requireNonNull(price, "price");
            faceValue.checkSameCurrency(price);
            if (!faceValue.isPositive()) {
                throw new IllegalArgumentException("faceValue must be > 0: " + faceValue);
            }
            if (price.isNegative() || price.isGreaterThan(faceValue)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "price must be between 0 and the face value %s: %s", faceValue, price));
            }
        }

        @Override
        public java.util.Currency currency() {
            return faceValue.currency();
        }

        @Override
        public long thresholdMinor() {
            return 0;
        }

        @Override
        public long discountMinor(long eligibleNet, long balance) {
            return Math.max(0, Math.min(balance, eligibleNet));
        }
    }

    /**
     * A gift item handed over at checkout. It takes nothing off the lines, so the best-offer search
     * never picks it; checkout reports whether it applies and the host redeems it explicitly.
     */
    record Gift(SkuId sku, int quantity, Money value) implements Benefit {
        /** @throws IllegalArgumentException unless quantity >= 1 and value >= 0 */
        public Gift {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(value, "value");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be >= 1: " + quantity);
            }
            if (value.isNegative()) {
                throw new IllegalArgumentException("value must be >= 0: " + value);
            }
        }

        @Override
        public java.util.Currency currency() {
            return value.currency();
        }

        @Override
        public long thresholdMinor() {
            return 0;
        }

        @Override
        public long discountMinor(long eligibleNet, long balance) {
            return 0;
        }
    }
}
