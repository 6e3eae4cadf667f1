package dev.siyu.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of money: a {@code long} count of the currency's minor units (fen for CNY) and
 * a {@link Currency}.
 *
 * <p>The scale is fixed by the currency ({@link Currency#getDefaultFractionDigits()}): CNY 12.34 is
 * 1234 minor units. Arithmetic is exact and overflow-checked ({@link ArithmeticException}); every
 * operation that could lose a fraction of a minor unit takes a {@link RoundingMode}; splitting uses
 * {@link #allocate(long...)}, which sums back to the whole exactly. Mixing currencies throws an
 * {@link IllegalArgumentException} naming both. Immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {

    /** Renminbi, the default currency of the retailers Siyu serves. */
    public static final Currency CNY = Currency.getInstance("CNY");
    private static final Money ZERO_CNY = new Money(0, CNY);

    private final long minor;
    private final Currency currency;

    private Money(long minor, Currency currency) {
        this.minor = minor;
        this.currency = currency;
    }

    /**
     * The amount of {@code minor} minor units of {@code currency}.
     *
     * @throws IllegalArgumentException if the currency has no minor-unit scale (e.g. XXX)
     */
    public static Money ofMinor(long minor, Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency must have minor units: " + currency);
        }
        return new Money(minor, currency);
    }

    /** The amount of {@code minor} fen. */
    public static Money cnyMinor(long minor) {
        return new Money(minor, CNY);
    }

    /** The amount written as a decimal in yuan, e.g. {@code cny("12.30")}; see {@link #of(BigDecimal, Currency)}. */
    public static Money cny(String amount) {
        return of(new BigDecimal(amount), CNY);
    }

    /**
     * The exact amount {@code amount} of {@code currency}.
     *
     * @throws ArithmeticException if the amount has more decimals than the currency allows, or is
     *     out of range
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Money scale = ofMinor(0, currency);
        BigDecimal minorUnits = amount.movePointRight(scale.fractionDigits());
        try {
            return new Money(minorUnits.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new ArithmeticException(String.format(Locale.ROOT,
                    "amount must be a whole number of %s minor units within range: %s",
                    currency.getCurrencyCode(), amount.toPlainString()));
        }
    }

    /**
     * The amount {@code amount} of {@code currency}, rounded to the currency's scale with
     * {@code rounding}.
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        return of(amount.setScale(ofMinor(0, currency).fractionDigits(), rounding), currency);
    }

    /**
     * Parses {@code "CNY 12.34"}, the form {@link #toString()} writes.
     *
     * @throws IllegalArgumentException if the text is not a currency code, a space and an amount
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        if (space != 3) {
            throw new IllegalArgumentException("money must look like 'CNY 12.34': " + text);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(text.substring(0, 3));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("money currency must be an ISO 4217 code: " + text, e);
        }
        try {
            return of(new BigDecimal(text.substring(4)), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("money must look like 'CNY 12.34': " + text, e);
        }
    }

    /** Zero of {@code currency} (one shared instance for CNY). */
    public static Money zero(Currency currency) {
        return currency == CNY ? ZERO_CNY : ofMinor(0, currency);
    }

    /** The count of minor units (fen for CNY); negative for a negative amount. */
    public long minor() {
        return minor;
    }

    public Currency currency() {
        return currency;
    }

    /** The number of decimals of the currency (2 for CNY, 0 for JPY). */
    public int fractionDigits() {
        return currency.getDefaultFractionDigits();
    }

    /** The amount as a decimal at the currency's scale, e.g. {@code 12.30}. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, fractionDigits());
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public int signum() {
        return Long.signum(minor);
    }

    public Money plus(Money other) {
        checkSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        checkSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public Money abs() {
        return minor < 0 ? negate() : this;
    }

    /** This amount times a whole number, e.g. a unit price times a quantity. */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    /** This amount times {@code factor}, rounded to a minor unit with {@code rounding}. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal product = BigDecimal.valueOf(minor).multiply(factor).setScale(0, rounding);
        return new Money(product.longValueExact(), currency);
    }

    /** {@code percent}% of this amount (e.g. 10 for ten percent), rounded with {@code rounding}. */
    public Money percent(BigDecimal percent, RoundingMode rounding) {
        return times(percent.movePointLeft(2), rounding);
    }

    /** The smaller of the two amounts (this one on a tie). */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The larger of the two amounts (this one on a tie). */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * Splits this amount in proportion to {@code weights} by the largest-remainder method (see
     * {@link Allocation}); the parts sum to this amount exactly.
     */
    public List<Money> allocate(long... weights) {
        long[] shares = Allocation.byLargestRemainder(minor, weights);
        List<Money> parts = new ArrayList<>(shares.length);
        for (long share : shares) {
            parts.add(new Money(share, currency));
        }
        return Collections.unmodifiableList(parts);
    }

    /**
     * Splits this amount in proportion to the given amounts (e.g. a discount across line net
     * prices); the parts sum to this amount exactly.
     *
     * @throws IllegalArgumentException if a weight is negative or in another currency, or all are zero
     */
    public List<Money> allocate(List<Money> weights) {
        long[] w = new long[weights.size()];
        for (int i = 0; i < w.length; i++) {
            checkSameCurrency(weights.get(i));
            w[i] = weights.get(i).minor;
        }
        return allocate(w);
    }

    /** Throws unless {@code other} is in this amount's currency, naming both. */
    public void checkSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "currency must match: %s vs %s", currency.getCurrencyCode(),
                    other.currency.getCurrencyCode()));
        }
    }

    /** Orders amounts of one currency. @throws IllegalArgumentException on different currencies */
    @Override
    public int compareTo(Money other) {
        checkSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minor == minor && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minor) * 31 + currency.hashCode();
    }

    /** {@code "CNY 12.34"}; {@link #parse(String)} reads it back. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount().toPlainString();
    }
}
