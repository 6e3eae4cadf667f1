package dev.siyu.core.order;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's order: lines and the tenders that paid for them.
 *
 * <p>All amounts share one currency, line numbers are unique, and the tenders sum exactly to the
 * lines' net total. Immutable and thread-safe.
 *
 * @param id the order's id
 * @param member the member who placed it
 * @param placedAt when it was paid
 * @param store the store that took the order (lines may name other stores of a mall)
 * @param channel where it was placed
 * @param lines at least one line
 * @param tenders the payments, summing to {@link #net()}
 */
public record Order(OrderId id, MemberId member, Instant placedAt, StoreId store, SalesChannel channel,
        List<OrderLine> lines, List<Tender> tenders) {

    /** @throws IllegalArgumentException if the order is inconsistent, naming what and the values */
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(channel, "channel");
        lines = List.copyOf(lines);
        tenders = List.copyOf(tenders);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty: order " + id);
        }
        Currency currency = lines.get(0).unitPrice().currency();
        long netMinor = 0;
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            for (int j = 0; j < i; j++) {
                if (lines.get(j).lineNo() == line.lineNo()) {
                    throw new IllegalArgumentException("lines lineNo must be unique: " + line.lineNo());
                }
            }
            Money.zero(currency).checkSameCurrency(line.unitPrice());
            netMinor = Math.addExact(netMinor, line.netMinor());
        }
        Money net = Money.ofMinor(netMinor, currency);
        Money paid = Money.zero(currency);
        for (Tender tender : tenders) {
            paid = paid.plus(tender.amount());
        }
        if (!paid.equals(net)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tenders must sum to the order net %s: %s", net, paid));
        }
    }

    /** The order's currency. */
    public Currency currency() {
        return lines.get(0).unitPrice().currency();
    }

    /** Sum of the lines' net amounts: what the member paid. */
    public Money net() {
        long net = 0;
        for (int i = 0; i < lines.size(); i++) {
            net = Math.addExact(net, lines.get(i).netMinor());
        }
        return Money.ofMinor(net, currency());
    }

    /** Sum of the lines' gross amounts. */
    public Money gross() {
        Money gross = Money.zero(currency());
        for (OrderLine line : lines) {
            gross = gross.plus(line.gross());
        }
        return gross;
    }

    /** The line numbered {@code lineNo}. */
    public Optional<OrderLine> line(int lineNo) {
        for (OrderLine line : lines) {
            if (line.lineNo() == lineNo) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** Money paid by tenders of {@code type}. */
    public Money paidBy(TenderType type) {
        Money sum = Money.zero(currency());
        for (Tender tender : tenders) {
            if (tender.type() == type) {
                sum = sum.plus(tender.amount());
            }
        }
        return sum;
    }

    /** Points spent as payment on this order. */
    public long pointsSpent() {
        long points = 0;
        for (Tender tender : tenders) {
            points = Math.addExact(points, tender.points());
        }
        return points;
    }
}
