package dev.siyu.attribution.commission;

import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A band of monthly sales and the bonus rate that applies to it.
 *
 * @param from the band's lower bound, inclusive
 * @param to the upper bound, exclusive; empty for the last band
 * @param percent the bonus rate, {@code 0..100}
 */
public record TierBand(Money from, Optional<Money> to, BigDecimal percent) {
    /** @throws IllegalArgumentException if the bounds are reversed or the rate out of range */
    public TierBand {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(percent, "percent");
        if (from.isNegative()) {
            throw new IllegalArgumentException("from must be >= 0: " + from);
        }
        to.ifPresent(t -> {
            if (!t.isGreaterThan(from)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "to must be > from %s: %s", from, t));
            }
        });
        RateRule.checkPercent("tier rate", percent);
    }
}
