package dev.siyu.tagging.engine;

import dev.siyu.tagging.event.TagEvent;
import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating a member: the new tags and the events that lead there from the previous ones.
 *
 * @param tags the member's tags after evaluation
 * @param events {@code TagRemoved} then {@code TagAssigned}, each ordered by tag id
 */
public record TagEvaluation(MemberTags tags, List<TagEvent> events) {
    public TagEvaluation {
        Objects.requireNonNull(tags, "tags");
        events = List.copyOf(events);
    }
}
