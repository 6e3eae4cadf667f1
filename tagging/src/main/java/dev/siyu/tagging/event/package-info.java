/** Tag events: {@code TagAssigned} and {@code TagRemoved}, records serializable with {@code Events.toJson}. */
package dev.siyu.tagging.event;
