package dev.siyu.core.churn;

import dev.siyu.core.id.MemberId;
import java.util.Locale;
import java.util.Objects;

/**
 * One member's purchase history reduced to what the buy-till-you-die models use, in a stated
 * {@link PeriodUnit}.
 *
 * <p>{@code frequency} (x) counts the repeat purchase days (distinct days with a non-negative
 * net purchase, after the first); {@code recency} (tₓ) is the time from the first to the last
 * purchase day; {@code age} (T) the time from the first purchase day to the end of the
 * observation window. {@code averageSpend} is the mean net amount of the repeat purchase days in
 * major currency units (e.g. yuan), a statistic rather than money, 0 when frequency is 0.
 * Immutable.
 *
 * @param member the member
 * @param frequency x ≥ 0
 * @param recency tₓ, 0 ≤ tₓ ≤ T, and 0 when x = 0
 * @param age T ≥ 0
 * @param averageSpend mean spend per repeat purchase day, ≥ 0
 */
public record CustomerSummary(MemberId member, long frequency, double recency, double age, double averageSpend) {

    /** @throws IllegalArgumentException naming the field and the value that breaks a rule above */
    public CustomerSummary {
        Objects.requireNonNull(member, "member");
        check(-1, frequency, recency, age, averageSpend);
    }

    static void check(int row, long frequency, double recency, double age, double averageSpend) {
        String at = row < 0 ? "" : "[" + row + "]";
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency" + at + " must be >= 0: " + frequency);
        }
        if (!(age >= 0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "age (T)%s must be finite and >= 0: %s", at, age));
        }
        if (!(recency >= 0) || !(recency <= age)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "recency%s must be between 0 and age (T) %s: %s", at, age, recency));
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "recency%s must be 0 when frequency is 0: %s", at, recency));
        }
        if (!(averageSpend >= 0) || Double.isInfinite(averageSpend)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "averageSpend%s must be finite and >= 0: %s", at, averageSpend));
        }
    }

    /** Time since the last purchase day, T − tₓ. */
    public double sinceLastPurchase() {
        return age - recency;
    }
}
