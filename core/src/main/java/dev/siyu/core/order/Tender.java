package dev.siyu.core.order;

import dev.siyu.core.money.Money;
import java.util.Locale;
import java.util.Objects;

/**
 * One payment on an order: its type, the money it covered and, for {@link TenderType#POINTS}, the
 * number of points spent to cover it.
 *
 * @param type how it was paid
 * @param amount the money covered, positive
 * @param points points spent; positive for a points tender and zero for every other type
 */
public record Tender(TenderType type, Money amount, long points) {

    /** @throws IllegalArgumentException if the amount is not positive or points do not match the type */
    public Tender {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("tender amount must be > 0: " + amount);
        }
        if (type == TenderType.POINTS ? points <= 0 : points != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tender points must be %s for %s: %d", type == TenderType.POINTS ? "> 0" : "0", type, points));
        }
    }

    /** A payment of {@code amount} by a non-points tender. */
    public static Tender of(TenderType type, Money amount) {
        return new Tender(type, amount, 0);
    }

    /** A payment of {@code amount} covered by {@code points} points. */
    public static Tender points(long points, Money amount) {
        return new Tender(TenderType.POINTS, amount, points);
    }
}
