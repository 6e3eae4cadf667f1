package dev.siyu.coupons.template;

import dev.siyu.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * Caps on a template, all enforced atomically through the host's versioned store.
 *
 * @param perMember most coupons issued to one member (0 = unlimited)
 * @param issuedTotal most coupons issued in total (0 = unlimited)
 * @param redeemedTotal most redemptions in total, reserved ones included (0 = unlimited)
 * @param budget most discount given in total, reserved discounts included, if capped
 */
public record Limits(int perMember, long issuedTotal, long redeemedTotal, Optional<Money> budget) {

    /** @throws IllegalArgumentException for a negative count or a non-positive budget */
    public Limits {
        Objects.requireNonNull(budget, "budget");
        if (perMember < 0) {
            throw new IllegalArgumentException("perMember must be >= 0: " + perMember);
        }
        if (issuedTotal < 0) {
            throw new IllegalArgumentException("issuedTotal must be >= 0: " + issuedTotal);
        }
        if (redeemedTotal < 0) {
            throw new IllegalArgumentException("redeemedTotal must be >= 0: " + redeemedTotal);
        }
        budget.ifPresent(b -> {
            if (!b.isPositive()) {
                throw new IllegalArgumentException("budget must be > 0: " + b);
            }
        });
    }

    /** No limits. */
    public static Limits none() {
        return new Limits(0, 0, 0, Optional.empty());
    }
}
