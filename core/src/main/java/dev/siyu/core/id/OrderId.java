package dev.siyu.core.id;

/** Identifies an order (a sale at a POS, a mini-program checkout …). */
public record OrderId(String value) implements TypedId, Comparable<OrderId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public OrderId {
        IdText.check("orderId", value);
    }

    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
