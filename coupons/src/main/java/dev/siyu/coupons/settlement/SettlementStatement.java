package dev.siyu.coupons.settlement;

import dev.siyu.core.id.CounterId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What coupons cost one counter over {@code [from, until)}: total discount on its lines, the part
 * the mall funds (owed to the counter) and the part the counter bears, net of reversals by
 * returns, with the entries it sums. Immutable.
 */
public record SettlementStatement(CounterId counter, Instant from, Instant until, Money discount, Money mallFunded,
        Money counterFunded, List<FundingEntry> entries) {

    public SettlementStatement {
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(mallFunded, "mallFunded");
        Objects.requireNonNull(counterFunded, "counterFunded");
        entries = List.copyOf(entries);
    }
}
