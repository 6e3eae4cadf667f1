package dev.siyu.core.id;

/** Identifies a brand's counter (专柜) inside a mall or department store. */
public record CounterId(String value) implements TypedId, Comparable<CounterId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public CounterId {
        IdText.check("counterId", value);
    }

    public static CounterId of(String value) {
        return new CounterId(value);
    }

    @Override
    public int compareTo(CounterId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
