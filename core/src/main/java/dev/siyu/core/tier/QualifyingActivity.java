package dev.siyu.core.tier;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One fact that counts towards a member's tier: an order placed or a refund of one.
 *
 * <p>It carries net spend, points <em>earned</em> and an order count, never points spent or a
 * points balance: redeeming points (as payment or for a gift) cannot change a tier, whatever the
 * host does. An order counts {@code +1} order, its net spend (whatever tenders paid it, points
 * included) and the points it earned. A refund counts on the date of the order it returns, with a
 * negative spend, the negative points reversed, and {@code -1} order only when the whole order was
 * returned; it never lowers the tier at once, only at the next evaluation. Immutable and
 * thread-safe.
 *
 * @param operation the operation id recording this fact once (e.g. {@code order-1001:tier})
 * @param kind order or refund
 * @param countsAt the instant whose business date the fact counts on (the order's placing time,
 *     also for its refunds)
 * @param at when the fact happened (placing time of an order, time of a refund), {@code >= countsAt}
 * @param spend net spend: {@code >= 0} for an order, {@code <= 0} for a refund
 * @param pointsEarned points earned: {@code >= 0} for an order, {@code <= 0} for a refund
 * @param orders {@code 1} for an order; {@code 0} or {@code -1} (whole order returned) for a refund
 */
public record QualifyingActivity(OperationId operation, Kind kind, Instant countsAt, Instant at, Money spend,
        long pointsEarned, int orders) {

    /** The kind of fact. */
    public enum Kind {
        /** An order was placed. */
        ORDER,
        /** Some or all of an order was returned. */
        REFUND
    }

    /** @throws IllegalArgumentException naming the field and value when a rule above is broken */
    public QualifyingActivity {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(countsAt, "countsAt");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(spend, "spend");
        // rules checked first, messages built only for a broken one
        if (kind == Kind.ORDER) {
            if (!countsAt.equals(at)) {
                throw broken("countsAt", "equal to at " + at + " for an order", countsAt);
            }
            if (spend.isNegative()) {
                throw broken("spend", ">= 0 for an order", spend);
            }
            if (pointsEarned < 0) {
                throw broken("pointsEarned", ">= 0 for an order", pointsEarned);
            }
            if (orders != 1) {
                throw broken("orders", "1 for an order", orders);
            }
        } else {
            if (countsAt.isAfter(at)) {
                throw broken("countsAt", "<= at " + at + " for a refund", countsAt);
            }
            if (spend.isPositive()) {
                throw broken("spend", "<= 0 for a refund", spend);
            }
            if (pointsEarned > 0) {
                throw broken("pointsEarned", "<= 0 for a refund", pointsEarned);
            }
            if (orders != 0 && orders != -1) {
                throw broken("orders", "0 or -1 for a refund", orders);
            }
        }
    }

    private static IllegalArgumentException broken(String field, String rule, Object value) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s must be %s: %s", field, rule, value));
    }

    private static void check(boolean ok, String field, String rule, Object value) {
        if (!ok) {
            throw broken(field, rule, value);
        }
    }

    /**
     * An order placed at {@code placedAt} for {@code netSpend}, which earned {@code pointsEarned}.
     *
     * @throws IllegalArgumentException if the spend or the points are negative
     */
    public static QualifyingActivity order(OperationId operation, Instant placedAt, Money netSpend, long pointsEarned) {
        return new QualifyingActivity(operation, Kind.ORDER, placedAt, placedAt, netSpend, pointsEarned, 1);
    }

    /**
     * The qualifying fact of {@code order}: its net total (whatever tenders paid it, so paying with
     * points counts exactly as paying cash), under operation id {@code <order id>:tier}.
     */
    public static QualifyingActivity of(Order order, long pointsEarned) {
        Objects.requireNonNull(order, "order");
        return order(OperationId.of(order.id().value() + ":tier"), order.placedAt(), order.net(), pointsEarned);
    }

    /**
     * A refund at {@code refundedAt} of {@code refunded} (a positive amount) of an order placed at
     * {@code orderPlacedAt}, reversing {@code pointsReversed} earned points.
     *
     * @param wholeOrder whether the whole order was returned, which also removes it from the order count
     * @throws IllegalArgumentException if an amount is negative or the refund precedes the order
     */
    public static QualifyingActivity refund(OperationId operation, Instant orderPlacedAt, Instant refundedAt,
            Money refunded, long pointsReversed, boolean wholeOrder) {
        Objects.requireNonNull(refunded, "refunded");
        check(!refunded.isNegative(), "refunded", ">= 0", refunded);
        check(pointsReversed >= 0, "pointsReversed", ">= 0", pointsReversed);
        return new QualifyingActivity(operation, Kind.REFUND, orderPlacedAt, refundedAt, refunded.negate(),
                -pointsReversed, wholeOrder ? -1 : 0);
    }

    /** The fact's value in {@code metric}'s unit (minor units for spend). */
    public long value(Metric metric) {
        return switch (metric) {
            case SPEND -> spend.minor();
            case POINTS_EARNED -> pointsEarned;
            case ORDER_COUNT -> orders;
        };
    }
}
