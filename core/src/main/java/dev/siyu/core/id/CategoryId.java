package dev.siyu.core.id;

/** Identifies a merchandise category. */
public record CategoryId(String value) implements TypedId, Comparable<CategoryId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public CategoryId {
        IdText.check("categoryId", value);
    }

    public static CategoryId of(String value) {
        return new CategoryId(value);
    }

    @Override
    public int compareTo(CategoryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
