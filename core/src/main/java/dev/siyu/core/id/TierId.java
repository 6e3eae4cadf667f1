package dev.siyu.core.id;

/** Identifies a tier of a tier ladder, e.g. {@code GOLD} for 金卡. */
public record TierId(String value) implements TypedId, Comparable<TierId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public TierId {
        IdText.check("tierId", value);
    }

    public static TierId of(String value) {
        return new TierId(value);
    }

    @Override
    public int compareTo(TierId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
