package dev.siyu.core.id;

/** Identifies a store or mall. */
public record StoreId(String value) implements TypedId, Comparable<StoreId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public StoreId {
        IdText.check("storeId", value);
    }

    public static StoreId of(String value) {
        return new StoreId(value);
    }

    @Override
    public int compareTo(StoreId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
