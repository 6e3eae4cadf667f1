package dev.siyu.attribution.event;

import dev.siyu.core.event.Event;
import dev.siyu.core.event.EventFamily;
import dev.siyu.core.id.GuideId;

/**
 * Events about a guide's commission ledger as a whole (not about one customer), so they are not
 * {@link dev.siyu.core.event.DomainEvent}s, whose subject is a member, but {@link Event}s. Records;
 * serialize with {@link dev.siyu.core.event.Events#toJson} and read back with {@link #fromJson}.
 */
public sealed interface GuideEvent extends Event permits CommissionSettled, PendingCommissionForfeited {

    /** The guide whose ledger changed. */
    GuideId guide();

    /** The type names and record classes of this family. */
    static EventFamily<GuideEvent> family() {
        return AttributionEventTypes.GUIDE;
    }

    /**
     * Reads a guide event written by {@link dev.siyu.core.event.Events#toJson}.
     *
     * @throws dev.siyu.core.json.ConfigException if the type is unknown or a field is missing or does not fit
     */
    static GuideEvent fromJson(String json) {
        return AttributionEventTypes.GUIDE.fromJson(json);
    }
}
