package dev.siyu.coupons.redemption;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsResult;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Points-for-coupon exchange (积分兑换): spends points through the kernel's {@link PointsLedger}
 * ({@link PointsCommand.RedeemForReward}, reward {@code "coupon:<template>"}) and issues the coupon
 * through the {@link CouponLedger}, both under the same operation id, so a retry completes a
 * half-done exchange and a replay changes nothing.
 *
 * <p>Order: the coupon's limits are checked first (nothing spent if the member could not get it),
 * then the points are spent, then the coupon issued. If a concurrent issuance takes the last
 * coupon between the check and the issue, the result is {@code Rejected} with the fact
 * {@code pointsToReturn}: the kernel has no command yet to give reward points back, so the host
 * must credit them (see the module's notes). The retailer never gives a coupon for unpaid points.
 * Thread-safe.
 */
public final class PointsExchange {

    private final CouponLedger coupons;
    private final PointsLedger points;

    public PointsExchange(CouponLedger coupons, PointsLedger points) {
        this.coupons = Objects.requireNonNull(coupons, "coupons");
        this.points = Objects.requireNonNull(points, "points");
    }

    /** Exchanges {@code price} points of {@code member} for coupon {@code couponId} of {@code template}. */
    public CouponResult exchange(OperationId operation, MemberId member, CouponId couponId, CouponTemplateId template,
            long price, Instant at) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(couponId, "couponId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(at, "at");
        Optional<HeldCoupon> existing = coupons.wallet(member).coupon(couponId);
        if (existing.isPresent()) {
            return coupons.issue(operation, member, couponId, template, at);
        }
        Optional<CouponOutcome.Rejected> refusal = coupons.issuable(member, template, at);
        if (refusal.isPresent()) {
            return CouponResult.of(refusal.get());
        }
        PointsResult paid = points.apply(member, new PointsCommand.RedeemForReward(operation, at, "coupon:" + template,
                price));
        if (paid.outcome() instanceof PointsOutcome.Rejected r) {
            return CouponResult.of(new CouponOutcome.Rejected(CouponOutcome.Reason.POINTS_REFUSED,
                    Explanation.builder("POINTS_REFUSED").fact("points", price).because(r.explanation()).build()));
        }
        if (paid.outcome() instanceof PointsOutcome.Conflict c) {
            return CouponResult.of(new CouponOutcome.Conflict(operation, "points operation recorded another payload: "
                    + c.recorded()));
        }
        CouponResult issued = coupons.issue(operation, member, couponId, template, at);
        if (issued.outcome() instanceof CouponOutcome.Rejected r) {
            return CouponResult.of(new CouponOutcome.Rejected(r.reason(), Explanation.builder(r.reason().name())
                    .fact("pointsToReturn", price).because(r.explanation()).build()));
        }
        return issued;
    }
}
