package dev.siyu.attribution.event;

import dev.siyu.core.event.EventFamily;
import java.util.Map;

/** The JSON type names of the attribution module's two event families. */
final class AttributionEventTypes {

    static final EventFamily<AttributionEvent> CUSTOMER = EventFamily.of(AttributionEvent.class, Map.of(
            "guide-bound", GuideBound.class,
            "transfer-scheduled", TransferScheduled.class,
            "customer-transferred", CustomerTransferred.class,
            "commission-accrued", CommissionAccrued.class,
            "commission-clawed-back", CommissionClawedBack.class));

    static final EventFamily<GuideEvent> GUIDE = EventFamily.of(GuideEvent.class, Map.of(
            "commission-settled", CommissionSettled.class,
            "pending-commission-forfeited", PendingCommissionForfeited.class));

    private AttributionEventTypes() {
    }
}
