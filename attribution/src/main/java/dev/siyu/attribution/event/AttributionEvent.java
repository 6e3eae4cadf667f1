package dev.siyu.attribution.event;

import dev.siyu.core.event.DomainEvent;
import dev.siyu.core.event.EventFamily;

/**
 * Events about a customer produced by the attribution module: bindings, transfers and commission
 * on the customer's orders. Records; serialize with {@link dev.siyu.core.event.Events#toJson} and
 * read back with {@link #fromJson}.
 */
public sealed interface AttributionEvent extends DomainEvent
        permits GuideBound, TransferScheduled, CustomerTransferred, CommissionAccrued, CommissionClawedBack {

    /** The type names and record classes of this family. */
    static EventFamily<AttributionEvent> family() {
        return AttributionEventTypes.CUSTOMER;
    }

    /**
     * Reads an attribution event written by {@link dev.siyu.core.event.Events#toJson}.
     *
     * @throws dev.siyu.core.json.ConfigException if the type is unknown or a field is missing or does not fit
     */
    static AttributionEvent fromJson(String json) {
        return AttributionEventTypes.CUSTOMER.fromJson(json);
    }
}
