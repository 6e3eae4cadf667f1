package dev.siyu.attribution.event;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A guide's period was settled: {@code payout} is due to the guide and {@code carried} (negative
 * after clawbacks, or positive below the minimum payout) moves to the next period.
 *
 * @param guide the guide
 * @param at when
 * @param operation the operation
 * @param period the period settled
 * @param payout the amount to pay, {@code >= 0}
 * @param carried the amount carried to the next period
 */
public record CommissionSettled(GuideId guide, Instant at, OperationId operation, YearMonth period, Money payout,
        Money carried) implements GuideEvent {
    public CommissionSettled {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(carried, "carried");
    }

    @Override
    public String type() {
        return "commission-settled";
    }
}
