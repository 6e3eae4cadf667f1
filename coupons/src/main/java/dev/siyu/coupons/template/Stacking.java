package dev.siyu.coupons.template;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a coupon combines with others in one order.
 *
 * <ul>
 *   <li>{@code exclusive}: used alone, never with another coupon;</li>
 *   <li>{@code group}: at most one coupon of a group per order (e.g. "platform", "counter");</li>
 *   <li>{@code priority}: coupons apply in descending priority (stored-value vouchers always
 *       last), each on what earlier ones left of its lines;</li>
 *   <li>{@code perOrder}: at most this many coupons of the same template per order.</li>
 * </ul>
 * Immutable.
 */
public record Stacking(boolean exclusive, Optional<String> group, int priority, int perOrder) {

    /** @throws IllegalArgumentException for a blank group or {@code perOrder < 1} */
    public Stacking {
        Objects.requireNonNull(group, "group");
        group.ifPresent(g -> {
            if (g.isBlank()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "group must not be blank: '%s'", g));
            }
        });
        if (perOrder < 1) {
            throw new IllegalArgumentException("perOrder must be >= 1: " + perOrder);
        }
    }

    /** Stackable with anything, priority 0, one per order. */
    public static Stacking stackable() {
        return new Stacking(false, Optional.empty(), 0, 1);
    }

    /** Never combined with another coupon. */
    public static Stacking exclusiveCoupon() {
        return new Stacking(true, Optional.empty(), 0, 1);
    }

    /** Stackable, at most one of {@code group}, applied in descending {@code priority}. */
    public static Stacking inGroup(String group, int priority) {
        return new Stacking(false, Optional.of(group), priority, 1);
    }

    public Stacking withPerOrder(int perOrder) {
        return new Stacking(exclusive, group, priority, perOrder);
    }

    public Stacking withPriority(int priority) {
        return new Stacking(exclusive, group, priority, perOrder);
    }
}
