/**
 * Tag events: {@link dev.siyu.tagging.event.TagAssigned} and {@link dev.siyu.tagging.event.TagRemoved},
 * records that serialize with {@link dev.siyu.core.event.Events#toJson} and read back with
 * {@link dev.siyu.tagging.event.TagEvent#fromJson}.
 */
package dev.siyu.tagging.event;
