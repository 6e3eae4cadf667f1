/**
 * Events of the attribution module: {@link dev.siyu.attribution.event.AttributionEvent} about a
 * customer, {@link dev.siyu.attribution.event.GuideEvent} about a guide's ledger. Both are records
 * that serialize with {@link dev.siyu.core.event.Events#toJson} and read back with their family's
 * {@code fromJson}.
 */
package dev.siyu.attribution.event;
