package dev.siyu.core.id;

/** Identifies a shopping guide (导购), a member of store staff who serves customers. */
public record GuideId(String value) implements TypedId, Comparable<GuideId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public GuideId {
        IdText.check("guideId", value);
    }

    public static GuideId of(String value) {
        return new GuideId(value);
    }

    @Override
    public int compareTo(GuideId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
