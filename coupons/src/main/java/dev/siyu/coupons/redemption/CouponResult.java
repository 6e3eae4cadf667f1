package dev.siyu.coupons.redemption;

import dev.siyu.coupons.event.CouponEvent;
import java.util.List;
import java.util.Objects;

/** The outcome of a coupon command and the events it produced (none unless applied). Immutable. */
public record CouponResult(CouponOutcome outcome, List<CouponEvent> events) {

    public CouponResult {
        Objects.requireNonNull(outcome, "outcome");
        events = List.copyOf(events);
    }

    static CouponResult of(CouponOutcome outcome) {
        return new CouponResult(outcome, List.of());
    }
}
