package dev.siyu.attribution.event;

import dev.siyu.core.event.DomainEvent;

/**
 * Events about a customer produced by the attribution module: bindings, transfers and commission
 * on the customer's orders. Records; serialize with {@code dev.siyu.core.event.Events}.
 */
public sealed interface AttributionEvent extends DomainEvent
        permits GuideBound, TransferScheduled, CustomerTransferred, CommissionAccrued, CommissionClawedBack {
}
