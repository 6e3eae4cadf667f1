/**
 * Events: {@link dev.siyu.core.event.Event} is anything an engine reports, {@link
 * dev.siyu.core.event.DomainEvent} an event about a member. Every module keeps its events as records
 * in sealed families ({@link dev.siyu.core.event.MembershipEvent} here). Each serializes with
 * {@link dev.siyu.core.event.Events#toJson} to one JSON object whose {@code type} field comes first,
 * and reads back with its family's {@link dev.siyu.core.event.EventFamily}, which picks the record
 * class from a closed map of type names, never from the document.
 */
package dev.siyu.core.event;
