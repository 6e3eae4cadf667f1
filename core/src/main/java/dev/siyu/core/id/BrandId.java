package dev.siyu.core.id;

/** Identifies a brand. */
public record BrandId(String value) implements TypedId, Comparable<BrandId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public BrandId {
        IdText.check("brandId", value);
    }

    public static BrandId of(String value) {
        return new BrandId(value);
    }

    @Override
    public int compareTo(BrandId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
