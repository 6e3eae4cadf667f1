package dev.siyu.attribution.commission;

import dev.siyu.core.money.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A guide's open (unsettled) settlement period: aggregates only, never the orders.
 *
 * @param period the business month
 * @param accrued frozen commission of the period's orders, net of refunds booked in the period
 * @param refunded commission of the period's orders taken back by refunds before settlement
 * @param salesBase net sales credited to the guide at level 1, after refunds (drives monthly tiers)
 * @param orders accruals booked
 * @param clawbacksAfterSettlement commission of already settled periods taken back here (negative entries)
 * @param lateAccruals commission of settled periods' orders that arrived late and was booked here
 * @param forfeited frozen commission forfeited on departure
 * @param releaseOn the latest date a booked order's return window closes
 */
public record PeriodAccount(YearMonth period, Money accrued, Money refunded, Money salesBase, long orders,
        Money clawbacksAfterSettlement, Money lateAccruals, Money forfeited, LocalDate releaseOn) {
    public PeriodAccount {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(accrued, "accrued");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(salesBase, "salesBase");
        Objects.requireNonNull(clawbacksAfterSettlement, "clawbacksAfterSettlement");
        Objects.requireNonNull(lateAccruals, "lateAccruals");
        Objects.requireNonNull(forfeited, "forfeited");
        Objects.requireNonNull(releaseOn, "releaseOn");
    }

    static PeriodAccount empty(YearMonth period, Money zero, LocalDate releaseOn) {
        return new PeriodAccount(period, zero, zero, zero, 0, zero, zero, zero, releaseOn);
    }
}
