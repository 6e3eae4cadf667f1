package dev.siyu.attribution.commission;

import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.money.Money;
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
 * @param net the line's remaining net after returns, in minor units
 * @param pool the line's commission after refunds so far, in minor units
 * @param shares the recipients
 * @param credit the line's attribution (who was credited and why)
 */
public record LineCommission(int lineNo, int quantity, int returned, String rule, long net, long pool,
        List<Share> shares, LineCredit credit) {
    public LineCommission {
        Objects.requireNonNull(rule, "rule");
        shares = List.copyOf(shares);
        Objects.requireNonNull(credit, "credit");
        if (returned < 0 || returned > quantity) {
            throw new IllegalArgumentException("returned must be between 0 and " + quantity + ": " + returned);
        }
    }

    /** Rule, remaining net and units, pool and split, because of the line's credit. */
    public Explanation explanation() {
        java.util.Currency currency = shares.isEmpty() ? Money.CNY : shares.get(0).amount().currency();
        return Explanation.builder("LINE_COMMISSION").fact("lineNo", lineNo).fact("rule", rule)
                .fact("net", Money.ofMinor(net, currency)).fact("units", quantity - returned)
                .fact("pool", Money.ofMinor(pool, currency))
                .fact("split", "largest remainder by credit weight x level share").because(credit.explanation())
                .build();
    }
}
