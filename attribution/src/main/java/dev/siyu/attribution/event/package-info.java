/** Events of the attribution module: {@link dev.siyu.attribution.event.AttributionEvent} about a customer, {@link dev.siyu.attribution.event.GuideEvent} about a guide's ledger. */
package dev.siyu.attribution.event;
