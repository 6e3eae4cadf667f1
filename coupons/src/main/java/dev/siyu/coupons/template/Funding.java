package dev.siyu.coupons.template;

import java.util.Locale;

/**
 * Who pays for a template's discounts: the mall takes {@code mallPercent} of each line share and
 * the line's counter (or brand, for lines without a counter) the rest. Shares are split per line by
 * largest remainder over the weights {@code mallPercent : 100 - mallPercent} (ties to the larger weight, then the mall), so
 * mall and counter parts sum exactly to the discount. Immutable.
 *
 * @param mallPercent whole percent in [0, 100]
 */
public record Funding(int mallPercent) {

    /** @throws IllegalArgumentException outside [0, 100] */
    public Funding {
        if (mallPercent < 0 || mallPercent > 100) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mallPercent must be between 0 and 100: %d", mallPercent));
        }
    }

    public static Funding mall() {
        return new Funding(100);
    }

    public static Funding counter() {
        return new Funding(0);
    }
}
