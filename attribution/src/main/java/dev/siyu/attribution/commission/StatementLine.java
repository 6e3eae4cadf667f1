package dev.siyu.attribution.commission;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.money.Money;
import java.util.Objects;

/**
 * One line of a guide's statement. The amounts of a statement's lines sum to its payout.
 *
 * @param code {@code ACCRUED}, {@code REFUNDED}, {@code FORFEITED}, {@code TIER_BONUS}, {@code CAP},
 *     {@code LATE_ACCRUALS}, {@code CLAWBACK_AFTER_SETTLEMENT}, {@code CARRIED_IN} or {@code CARRIED_OUT}
 * @param amount signed: what the line adds to the payout
 * @param explanation the values behind it
 */
public record StatementLine(String code, Money amount, Explanation explanation) {
    public StatementLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(explanation, "explanation");
    }
}
