package dev.siyu.core.id;

/** Identifies a refund or return against an order. */
public record RefundId(String value) implements TypedId, Comparable<RefundId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public RefundId {
        IdText.check("refundId", value);
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    @Override
    public int compareTo(RefundId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
