package dev.siyu.core.event;

import dev.siyu.core.json.SiyuJson;
import java.util.Objects;

/**
 * JSON for events: {@code {"type": "tier-changed", "member": "M1", …}}, the type name first, then
 * the record's components by name (ids as their text, money as {@code {"amount":"12.30",
 * "currency":"CNY"}}, instants and dates in ISO form, an empty optional as {@code null}). Reading
 * goes through an {@link EventFamily}, which picks the record class from a closed list by the
 * {@code type} field, never from the document otherwise.
 */
public final class Events {

    private Events() {
    }

    /**
     * The event as one JSON object with its type name first.
     *
     * @throws IllegalArgumentException if the event is not a record
     */
    public static String toJson(Event event) {
        Objects.requireNonNull(event, "event");
        if (!(event instanceof Record record)) {
            throw new IllegalArgumentException("event must be a record: " + event.getClass().getName());
        }
        return SiyuJson.writeTyped(event.type(), record);
    }

    /**
     * Reads a membership event written by {@link #toJson}; the same as {@link MembershipEvent#fromJson}.
     *
     * @throws dev.siyu.core.json.ConfigException if the type is unknown or a field is missing or does not fit
     */
    public static MembershipEvent membershipFromJson(String json) {
        return MembershipEvents.FAMILY.fromJson(json);
    }
}
