package dev.siyu.tagging.catalogue;

import dev.siyu.core.id.TypedId;
import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies a tag of a catalogue: lower-case kebab text of at most 64 chars, e.g. {@code spend-band-high}. */
public record TagId(String value) implements TypedId, Comparable<TagId> {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+([-_.][a-z0-9]+)*");

    /** @throws IllegalArgumentException if the text is not lower-case kebab form */
    public TagId {
        Objects.requireNonNull(value, "value");
        if (value.length() > 64 || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("tagId must be lower-case kebab form of at most 64 chars: " + value);
        }
    }

    public static TagId of(String value) {
        return new TagId(value);
    }

    @Override
    public int compareTo(TagId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
