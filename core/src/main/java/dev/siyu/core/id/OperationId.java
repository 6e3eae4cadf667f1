package dev.siyu.core.id;

/** Identifies one state-changing command, for idempotency: applying an operation twice has the effect of applying it once. Hosts derive it from their own keys, e.g. {@code order-1001:earn} or a refund id. */
public record OperationId(String value) implements TypedId, Comparable<OperationId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public OperationId {
        IdText.check("operationId", value);
    }

    public static OperationId of(String value) {
        return new OperationId(value);
    }

    @Override
    public int compareTo(OperationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
