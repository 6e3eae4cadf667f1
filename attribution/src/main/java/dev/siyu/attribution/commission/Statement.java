package dev.siyu.attribution.commission;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A guide's statement for one period: lines that each explain themselves and sum to the payout;
 * {@code carriedOut} (negative after clawbacks, positive below the minimum payout) opens the next
 * period as its {@code CARRIED_IN} line.
 *
 * @param guide the guide
 * @param period the period
 * @param lines the lines, summing to {@code payout}
 * @param payout the amount due, {@code >= 0}
 * @param carriedOut the amount moved to the next period
 * @param settled whether this is a settlement (false: a preview of an open period)
 */
public record Statement(GuideId guide, YearMonth period, List<StatementLine> lines, Money payout, Money carriedOut,
        boolean settled) {
    /** @throws IllegalArgumentException if the lines do not sum to the payout */
    public Statement {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(period, "period");
        lines = List.copyOf(lines);
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(carriedOut, "carriedOut");
        Money sum = Money.zero(payout.currency());
        for (StatementLine line : lines) {
            sum = sum.plus(line.amount());
        }
        if (!sum.equals(payout)) {
            throw new IllegalArgumentException("lines must sum to the payout " + payout + ": " + sum);
        }
    }
}
