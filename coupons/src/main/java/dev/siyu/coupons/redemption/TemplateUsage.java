package dev.siyu.coupons.redemption;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shared counters of one template, stored under the template id: coupons issued, redemptions
 * committed, discount committed, and live holds (reservations not yet committed, released or
 * expired). A hold counts against the redemption limit and the budget until its {@code expiresAt};
 * expired holds are dropped on the next write. Immutable.
 *
 * @param issued coupons issued
 * @param redeemed redemptions committed
 * @param spent discount committed, minus what refunds reversed
 * @param holds live holds by reserving operation
 */
public record TemplateUsage(CouponTemplateId template, long issued, long redeemed, Money spent,
        Map<OperationId, Hold> holds) {

    /** A reservation's claim on the template's limits. */
    public record Hold(Money amount, Instant expiresAt) {
        public Hold {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    public TemplateUsage {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(spent, "spent");
        holds = Collections.unmodifiableMap(new LinkedHashMap<>(holds));
        if (issued < 0 || redeemed < 0) {
            throw new IllegalArgumentException("issued and redeemed must be >= 0: " + issued + ", " + redeemed);
        }
    }

    /** Nothing issued or used yet. */
    public static TemplateUsage empty(CouponTemplateId template, Currency currency) {
        return new TemplateUsage(template, 0, 0, Money.zero(currency), Map.of());
    }

    /** Redemptions counted at {@code asOf}: committed ones plus live holds. */
    public long redemptionsAt(Instant asOf) {
        return redeemed + holds.values().stream().filter(h -> h.expiresAt().isAfter(asOf)).count();
    }

    /** Discount counted against the budget at {@code asOf}: committed plus live holds. */
    public Money budgetUsedAt(Instant asOf) {
        Money used = spent;
        for (Hold h : holds.values()) {
            if (h.expiresAt().isAfter(asOf)) {
                used = used.plus(h.amount());
            }
        }
        return used;
    }

    TemplateUsage withIssued(long issued) {
        return new TemplateUsage(template, issued, redeemed, spent, holds);
    }

    TemplateUsage withHold(OperationId op, Hold hold, Instant asOf) {
        Map<OperationId, Hold> next = liveHolds(asOf);
        next.put(op, hold);
        return new TemplateUsage(template, issued, redeemed, spent, next);
    }

    TemplateUsage withoutHold(OperationId op, Instant asOf) {
        Map<OperationId, Hold> next = liveHolds(asOf);
        next.remove(op);
        return new TemplateUsage(template, issued, redeemed, spent, next);
    }

    TemplateUsage committed(OperationId op, Money amount, Instant asOf) {
        Map<OperationId, Hold> next = liveHolds(asOf);
        next.remove(op);
        return new TemplateUsage(template, issued, redeemed + 1, spent.plus(amount), next);
    }

    TemplateUsage reversed(Money amount) {
        return new TemplateUsage(template, issued, redeemed, spent.minus(amount), holds);
    }

    private Map<OperationId, Hold> liveHolds(Instant asOf) {
        Map<OperationId, Hold> next = new LinkedHashMap<>();
        holds.forEach((k, h) -> {
            if (h.expiresAt().isAfter(asOf)) {
                next.put(k, h);
            }
        });
        return next;
    }
}
