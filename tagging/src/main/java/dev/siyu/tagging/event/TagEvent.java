package dev.siyu.tagging.event;

import dev.siyu.core.event.DomainEvent;
import dev.siyu.core.event.EventFamily;
import dev.siyu.tagging.catalogue.TagId;

/**
 * Events of the tag engine, for the host to publish (sync to WeCom, audit, analytics). Records;
 * serialize with {@link dev.siyu.core.event.Events#toJson} and read back with {@link #fromJson}.
 */
public sealed interface TagEvent extends DomainEvent permits TagAssigned, TagRemoved {

    /** The tag concerned. */
    TagId tag();

    /** The type names and record classes of this family. */
    static EventFamily<TagEvent> family() {
        return TagEventTypes.FAMILY;
    }

    /**
     * Reads a tag event written by {@link dev.siyu.core.event.Events#toJson}.
     *
     * @throws dev.siyu.core.json.ConfigException if the type is unknown or a field is missing or does not fit
     */
    static TagEvent fromJson(String json) {
        return TagEventTypes.FAMILY.fromJson(json);
    }
}
