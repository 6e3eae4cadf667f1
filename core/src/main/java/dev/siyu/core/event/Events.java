package dev.siyu.core.event;

import dev.siyu.core.json.SiyuJson;
import java.util.Map;

/**
 * JSON for domain events: {@code {"type": "tier-changed", "member": "M1", …}}. Reading picks the
 * record class from a closed list by the {@code type} field, never from the document otherwise.
 */
public final class Events {

    private static final Map<String, Class<? extends MembershipEvent>> MEMBERSHIP = Map.of(
            "tier-changed", TierChanged.class,
            "points-earned", PointsEarned.class,
            "points-redeemed", PointsRedeemed.class,
            "points-reversed", PointsReversed.class,
            "points-returned", PointsReturned.class,
            "points-expired", PointsExpired.class);

    private Events() {
    }

    /** The event as one JSON object with its type name first. */
    public static String toJson(DomainEvent event) {
        if (!(event instanceof Record record)) {
            throw new IllegalArgumentException("event must be a record: " + event.getClass().getName());
        }
        return SiyuJson.writeTyped(event.type(), record);
    }

    /**
     * Reads a membership event written by {@link #toJson}.
     *
     * @throws dev.siyu.core.json.ConfigException if the type is unknown or a field does not fit
     */
    public static MembershipEvent membershipFromJson(String json) {
        return SiyuJson.readTyped(json, MEMBERSHIP);
    }
}
