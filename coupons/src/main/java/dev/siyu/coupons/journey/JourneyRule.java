package dev.siyu.coupons.journey;

import dev.siyu.core.id.CouponTemplateId;
import java.util.Objects;

/** One rule of a coupon journey. Immutable. */
public sealed interface JourneyRule {

    /** The template the rule is about. */
    CouponTemplateId template();

    /** What a member did that can start a journey. */
    enum Trigger {
        /** joined the programme */
        JOINED,
        /** added a guide on WeCom for the first time (首次添加) */
        FIRST_ADD
    }

    /** Issue {@code count} coupons of {@code template} when {@code trigger} happens. */
    record IssueOn(Trigger trigger, CouponTemplateId template, int count) implements JourneyRule {
        /** @throws IllegalArgumentException unless 1 <= count <= 20 */
        public IssueOn {
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(template, "template");
            if (count < 1 || count > 20) {
                throw new IllegalArgumentException("count must be between 1 and 20: " + count);
            }
        }
    }

    /** Remind the member {@code days} business days before an unused coupon of {@code template} expires. */
    record RemindBeforeExpiry(CouponTemplateId template, int days) implements JourneyRule {
        /** @throws IllegalArgumentException unless days >= 0 */
        public RemindBeforeExpiry {
            Objects.requireNonNull(template, "template");
            if (days < 0) {
                throw new IllegalArgumentException("days must be >= 0: " + days);
            }
        }
    }

    /** Reissue a coupon of {@code template} that expired unused, at most {@code times} times in a chain. */
    record ReissueExpired(CouponTemplateId template, int times) implements JourneyRule {
        /** @throws IllegalArgumentException unless 1 <= times <= 9 */
        public ReissueExpired {
            Objects.requireNonNull(template, "template");
            if (times < 1 || times > 9) {
                throw new IllegalArgumentException("times must be between 1 and 9: " + times);
            }
        }
    }
}
