package dev.siyu.core.id;

/** Identifies a stock-keeping unit. */
public record SkuId(String value) implements TypedId, Comparable<SkuId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public SkuId {
        IdText.check("skuId", value);
    }

    public static SkuId of(String value) {
        return new SkuId(value);
    }

    @Override
    public int compareTo(SkuId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
