package dev.siyu.core.id;

/** Identifies a member (a customer enrolled in the retailer's program). */
public record MemberId(String value) implements TypedId, Comparable<MemberId> {

    /** @throws IllegalArgumentException if the text is blank, too long or has control characters */
    public MemberId {
        IdText.check("memberId", value);
    }

    public static MemberId of(String value) {
        return new MemberId(value);
    }

    @Override
    public int compareTo(MemberId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
