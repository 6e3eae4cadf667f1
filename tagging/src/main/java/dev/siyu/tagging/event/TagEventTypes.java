package dev.siyu.tagging.event;

import dev.siyu.core.event.EventFamily;
import java.util.Map;

/** The JSON type names of {@link TagEvent}s. */
final class TagEventTypes {

    static final EventFamily<TagEvent> FAMILY = EventFamily.of(TagEvent.class, Map.of(
            "tag-assigned", TagAssigned.class,
            "tag-removed", TagRemoved.class));

    private TagEventTypes() {
    }
}
