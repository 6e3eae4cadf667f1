package dev.siyu.core.id;

/**
 * A typed identifier: a short, non-blank text without control characters (at most 128 chars),
 * wrapped in its own type so a {@link MemberId} can never be passed where a {@link GuideId} is
 * expected. Ids are values: equal when their texts are equal. Serialized to JSON as the bare text.
 */
public interface TypedId {

    /** The identifier's text as the host gave it. */
    String value();
}
