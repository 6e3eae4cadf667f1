package dev.siyu.core.churn;

import java.util.Locale;
import java.util.Objects;

/**
 * A named RFM segment: the score ranges (inclusive) it covers. Immutable.
 *
 * @param name the segment's name, shown to staff
 * @param minRecency lowest recency score (higher = bought more recently)
 * @param minFrequency lowest frequency score
 * @param minMonetary lowest monetary score
 * @param maxRecency highest recency score
 * @param maxFrequency highest frequency score
 * @param maxMonetary highest monetary score
 */
public record RfmSegment(String name, int minRecency, int minFrequency, int minMonetary, int maxRecency,
        int maxFrequency, int maxMonetary) {

    /** @throws IllegalArgumentException if the name is blank or a range is empty or below 1 */
    public RfmSegment {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank: '" + name + "'");
        }
        range("recency", minRecency, maxRecency);
        range("frequency", minFrequency, maxFrequency);
        range("monetary", minMonetary, maxMonetary);
    }

    private static void range(String field, int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s range must satisfy 1 <= min <= max: %d..%d", field, min, max));
        }
    }

    /** A segment of all members with at least these scores. */
    public static RfmSegment atLeast(String name, int recency, int frequency, int monetary) {
        return new RfmSegment(name, recency, frequency, monetary, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE);
    }

    boolean contains(int r, int f, int m) {
        return r >= minRecency && r <= maxRecency && f >= minFrequency && f <= maxFrequency && m >= minMonetary
                && m <= maxMonetary;
    }
}
