package dev.siyu.coupons.journey;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.coupons.redemption.HeldCoupon;
import dev.siyu.coupons.redemption.MemberCoupons;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coupon journeys: issue on join or first add, remind before expiry, reissue what expired unused.
 * Journeys decide; the host carries out the {@link Issue} instructions through
 * {@code CouponLedger.issue}. Instructions carry operation and coupon ids derived from the member,
 * the rule and the trigger, so running a journey twice issues nothing twice. Immutable and
 * thread-safe; never reads the clock.
 */
public final class Journeys {

    /** Issue {@code coupon} of {@code template} to {@code member} under {@code operation}. */
    public record Issue(OperationId operation, MemberId member, CouponId coupon, CouponTemplateId template) {
        public Issue {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(template, "template");
        }
    }

    /** Tell {@code member} that {@code coupon} expires after {@code lastDay} ({@code daysLeft} days from today). */
    public record Reminder(MemberId member, CouponId coupon, CouponTemplateId template, LocalDate lastDay,
            long daysLeft) {
        public Reminder {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(coupon, "coupon");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(lastDay, "lastDay");
        }
    }

    private final Map<CouponTemplateId, CouponTemplate> templates;
    private final List<JourneyRule> rules;

    private Journeys(Map<CouponTemplateId, CouponTemplate> templates, List<JourneyRule> rules) {
        this.templates = templates;
        this.rules = rules;
    }

    /** @throws IllegalArgumentException if a rule names a template not in {@code templates} */
    public static Journeys of(Collection<CouponTemplate> templates, List<JourneyRule> rules) {
        Map<CouponTemplateId, CouponTemplate> byId = new HashMap<>();
        templates.forEach(t -> byId.put(t.id(), t));
        for (JourneyRule rule : rules) {
            CouponTemplateId id = rule.template();
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("rules template must be known: " + id);
            }
        }
        return new Journeys(Map.copyOf(byId), List.copyOf(rules));
    }

    /** The coupons to issue because {@code member} did {@code trigger}. */
    public List<Issue> on(JourneyRule.Trigger trigger, MemberId member) {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(member, "member");
        List<Issue> out = new ArrayList<>();
        for (JourneyRule rule : rules) {
            if (rule instanceof JourneyRule.IssueOn r && r.trigger() == trigger) {
                for (int k = 1; k <= r.count(); k++) {
                    String id = "j-" + trigger.name().toLowerCase(java.util.Locale.ROOT) + "-" + r.template() + "-" + k
                            + "-" + member;
                    out.add(new Issue(OperationId.of(id), member, CouponId.of(id), r.template()));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reminders due on business date {@code today} (in each template's zone): unused coupons whose
     * last valid day is exactly the rule's {@code days} after today.
     */
    public List<Reminder> remindersDue(MemberCoupons wallet, LocalDate today) {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(today, "today");
        List<Reminder> out = new ArrayList<>();
        for (JourneyRule rule : rules) {
            if (!(rule instanceof JourneyRule.RemindBeforeExpiry r)) {
                continue;
            }
            CouponTemplate t = templates.get(r.template());
            for (HeldCoupon held : wallet.coupons().values()) {
                Coupon c = held.coupon();
                if (!c.template().equals(r.template()) || held.used()) {
                    continue;
                }
                LocalDate lastDay = c.validUntil().minusNanos(1).atZone(t.validity().zone()).toLocalDate();
                long left = ChronoUnit.DAYS.between(today, lastDay);
                if (left == r.days()) {
                    out.add(new Reminder(wallet.member(), c.id(), c.template(), lastDay, left));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Reissues due at {@code asOf}: coupons of a reissue rule's template that expired unused, up to its chain length. */
    public List<Issue> reissuesDue(MemberCoupons wallet, Instant asOf) {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(asOf, "asOf");
        List<Issue> out = new ArrayList<>();
        for (JourneyRule rule : rules) {
            if (!(rule instanceof JourneyRule.ReissueExpired r)) {
                continue;
            }
            for (HeldCoupon held : wallet.coupons().values()) {
                Coupon c = held.coupon();
                if (!c.template().equals(r.template()) || held.used() || !held.redemptions().isEmpty()
                        || asOf.isBefore(c.validUntil())) {
                    continue;
                }
                int generation = generation(c.id());
                if (generation >= r.times()) {
                    continue;
                }
                String root = generation == 0 ? c.id().value() : c.id().value().substring(3);
                CouponId next = CouponId.of("r" + (generation + 1) + "-" + root);
                if (wallet.coupon(next).isEmpty()) {
                    out.add(new Issue(OperationId.of("reissue-" + next.value()), wallet.member(), next, c.template()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static int generation(CouponId id) {
        String v = id.value();
        return v.length() > 3 && v.charAt(0) == 'r' && Character.isDigit(v.charAt(1)) && v.charAt(2) == '-'
                ? v.charAt(1) - '0' : 0;
    }
}
