package dev.siyu.tagging.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.event.Events;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.engine.Provenance;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagEventJsonTest {

    @Test
    void tag_events_serialize_with_their_type_first() {
        Instant at = Instant.parse("2026-11-10T02:00:00Z");
        String assigned = Events.toJson(new TagAssigned(MemberId.of("M1"), at, TagId.of("vip"),
                Provenance.manual(GuideId.of("G7"), at, Optional.empty())));
        assertThat(assigned).startsWith("{\"type\":\"tag-assigned\"").contains("\"tag\":\"vip\"").contains("G7");
        String removed = Events.toJson(new TagRemoved(MemberId.of("M1"), at, TagId.of("vip"), "EXPIRED"));
        assertThat(removed).startsWith("{\"type\":\"tag-removed\"").contains("EXPIRED");
    }
}
