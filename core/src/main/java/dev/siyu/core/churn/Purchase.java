package dev.siyu.core.churn;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A member's net purchase on a business day: the input of {@link Summaries}. Several purchases
 * on one day are merged; a negative amount is a refund net of which the day is counted.
 * Immutable.
 *
 * @param member the member
 * @param date the business day (in the host's zone)
 * @param amount the net amount paid, may be zero or negative (a refund booked on that day)
 */
public record Purchase(MemberId member, LocalDate date, Money amount) {

    public Purchase {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
