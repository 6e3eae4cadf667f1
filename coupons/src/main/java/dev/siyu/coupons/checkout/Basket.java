package dev.siyu.coupons.checkout;

import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What is being bought, by whom, through which channel, at which instant. Lines may come from
 * several stores and counters of one mall (a cross-counter order). Each line's
 * {@link OrderLine#net()} (gross minus markdowns already taken) is what coupons discount. Immutable.
 */
public record Basket(Shopper shopper, SalesChannel channel, List<OrderLine> lines, Instant asOf) {

    /** @throws IllegalArgumentException for no lines, duplicate line numbers or mixed currencies */
    public Basket {
        Objects.requireNonNull(shopper, "shopper");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(asOf, "asOf");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty: " + lines);
        }
        Set<Integer> numbers = new HashSet<>();
        Money first = lines.get(0).unitPrice();
        for (OrderLine line : lines) {
            if (!numbers.add(line.lineNo())) {
                throw new IllegalArgumentException("lines lineNo must be unique: " + line.lineNo());
            }
            first.checkSameCurrency(line.unitPrice());
        }
    }

    public Currency currency() {
        return lines.get(0).unitPrice().currency();
    }

    /** The sum of the lines' nets. */
    public Money net() {
        Money net = Money.zero(currency());
        for (OrderLine line : lines) {
            net = net.plus(line.net());
        }
        return net;
    }
}
