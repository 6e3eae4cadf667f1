package dev.siyu.core.churn;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A member's churn and value scores at the end of the observation window, in the model's unit.
 * Values in currency are model estimates in major units (double); {@link #clvAsMoney} converts with
 * a named rounding mode. Immutable.
 *
 * @param member the member
 * @param probabilityAlive P(alive) at T
 * @param expectedPurchases expected purchases over the policy's horizon
 * @param probabilityNoPurchase probability of no purchase over the policy's horizon (a churn score
 *     that, unlike BG/NBD's P(alive), is below 1 for one-time buyers)
 * @param expectedAverageSpend expected spend per purchase (Gamma-Gamma)
 * @param clv discounted expected spend over the policy's CLV months
 * @param purchaseCycle the member's purchase cycle, in periods
 * @param sinceLastPurchase time since the last purchase day, T − tₓ, in periods
 * @param level the sleeping level
 * @param explanation why the level is what it is, with the deciding values
 */
public record MemberScore(MemberId member, double probabilityAlive, double expectedPurchases,
        double probabilityNoPurchase, double expectedAverageSpend, double clv, double purchaseCycle, double sinceLastPurchase, ChurnLevel level,
        Explanation explanation) {

    public MemberScore {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Time until the next purchase is due by the cycle (negative when overdue), in periods. */
    public double nextPurchaseDueIn() {
        return purchaseCycle - sinceLastPurchase;
    }

    /** The CLV as money in {@code currency}, rounded to its minor unit with {@code rounding}. */
    public Money clvAsMoney(Currency currency, RoundingMode rounding) {
        return Money.of(BigDecimal.valueOf(clv), currency, rounding);
    }
}
