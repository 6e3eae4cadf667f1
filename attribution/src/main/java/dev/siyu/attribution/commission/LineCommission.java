package dev.siyu.attribution.commission;

import dev.siyu.core.explain.Explanation;
import java.util.List;
import java.util.Objects;

/**
 * The commission on one order line, kept by the host with the order so refunds can be reversed
 * from it. {@code pool} is the plan applied to the line's remaining net (rate × net rounded
 * with the plan's mode, or fixed × remaining units); the shares split it exactly by largest
 * remainder.
 *
 * @param lineNo the order line
 * @param quantity units sold
 * @param returned units returned so far
 * @param rule the rule applied, e.g. {@code brand:B1=3%} or {@code default=1.5%}
 * @param pool the line's commission after refunds so far, in minor units
 * @param shares the recipients
 * @param explanation rule, base, rounding and split
 */
public record LineCommission(int lineNo, int quantity, int returned, String rule, long pool, List<Share> shares,
        Explanation explanation) {
    public LineCommission {
        Objects.requireNonNull(rule, "rule");
        shares = List.copyOf(shares);
        Objects.requireNonNull(explanation, "explanation");
        if (returned < 0 || returned > quantity) {
            throw new IllegalArgumentException("returned must be between 0 and " + quantity + ": " + returned);
        }
    }
}
