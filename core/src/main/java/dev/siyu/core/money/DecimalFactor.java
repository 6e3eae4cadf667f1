package dev.siyu.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A decimal factor (a rate, a multiplier) prepared for exact arithmetic on longs:
 * {@code value = unscaled / 10^scale} when {@link #exact()}, so engines multiply minor units by it
 * without {@link BigDecimal} on the hot path and fall back to {@link #value()} when it does not fit.
 * Its plain text is kept for explanations. Immutable.
 *
 * @param value the factor
 * @param unscaled its unscaled value when exact, else 0
 * @param scale its scale (at least 0) when exact, else 0
 * @param exact whether {@code unscaled} and {@code scale} hold it: scale below {@link #MAX_SCALE}
 *     and fewer than 19 digits
 * @param text {@code value.toPlainString()}
 */
public record DecimalFactor(BigDecimal value, long unscaled, int scale, boolean exact, String text) {

    /** One past the largest power of ten a long holds: {@code 10^18} is the largest. */
    public static final int MAX_SCALE = 19;

    private static final long[] TEN_POWERS = new long[MAX_SCALE];

    static {
        TEN_POWERS[0] = 1;
        for (int i = 1; i < TEN_POWERS.length; i++) {
            TEN_POWERS[i] = TEN_POWERS[i - 1] * 10;
        }
    }

    /** The factor 1. */
    public static final DecimalFactor ONE = of(BigDecimal.ONE);

    public DecimalFactor {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /** {@code value} prepared: exact when its scale (negative scales count as 0) is below 19 and it has fewer than 19 digits. */
    public static DecimalFactor of(BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        boolean exact = v.scale() < MAX_SCALE && v.precision() < 19;
        return new DecimalFactor(value, exact ? v.unscaledValue().longValueExact() : 0, exact ? v.scale() : 0, exact,
                value.toPlainString());
    }

    /**
     * {@code 10^n}.
     *
     * @throws ArrayIndexOutOfBoundsException unless {@code 0 <= n < MAX_SCALE}
     */
    public static long tenTo(int n) {
        return TEN_POWERS[n];
    }
}
