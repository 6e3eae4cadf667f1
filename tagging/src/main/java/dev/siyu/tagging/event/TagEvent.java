package dev.siyu.tagging.event;

import dev.siyu.core.event.DomainEvent;
import dev.siyu.tagging.catalogue.TagId;

/** Events of the tag engine, for the host to publish (sync to WeCom, audit, analytics). */
public sealed interface TagEvent extends DomainEvent permits TagAssigned, TagRemoved {

    /** The tag concerned. */
    TagId tag();
}
