package dev.siyu.tagging.event;

import static dev.siyu.testkit.event.EventValues.idText;
import static dev.siyu.testkit.event.EventValues.instant;
import static dev.siyu.testkit.event.EventValues.optional;
import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.event.Events;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.catalogue.TagKind;
import dev.siyu.tagging.engine.Provenance;
import dev.siyu.testkit.event.EventValues;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TagEventJsonProperties {

    private static final String TAG_CHARS = "abz09";
    private static final List<String> REASONS = List.of("RULE_NO_LONGER_MATCHES", "EXPIRED", "LOST_TO_EXCLUSIVE_GROUP",
            "NOT_VALID", "REMOVED_BY_STAFF", "REMOVED_FROM_CATALOGUE");

    private static TagId tag(RandomGenerator r) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                text.append("-_.".charAt(r.nextInt(3)));
            }
            int length = 1 + r.nextInt(6);
            for (int i = 0; i < length; i++) {
                text.append(TAG_CHARS.charAt(r.nextInt(TAG_CHARS.length())));
            }
        }
        return TagId.of(text.toString());
    }

    /** Provenance of every kind, including combinations the factories do not make. */
    private static Provenance provenance(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> Provenance.rule(r.nextLong(), instant(r));
            case 1 -> Provenance.manual(GuideId.of(idText(r)), instant(r), optional(r, EventValues::instant));
            case 2 -> Provenance.imported(idText(r), instant(r), optional(r, EventValues::instant));
            default -> new Provenance(TagKind.values()[r.nextInt(3)], r.nextLong(), optional(r, x -> GuideId.of(idText(x))),
                    optional(r, EventValues::idText), instant(r), optional(r, EventValues::instant));
        };
    }

    private static final Gen<List<TagEvent>> ONE_OF_EACH = gen(r -> List.of(
            new TagAssigned(MemberId.of(idText(r)), instant(r), tag(r), provenance(r)),
            new TagRemoved(MemberId.of(idText(r)), instant(r), tag(r),
                    r.nextBoolean() ? REASONS.get(r.nextInt(REASONS.size())) : idText(r))));

    @Test
    void every_tag_event_reads_back_equal_to_what_was_written() {
        Set<Class<?>> seen = new HashSet<>();
        qt().withExamples(1000).forAll(ONE_OF_EACH).checkAssert(events -> {
            for (TagEvent event : events) {
                seen.add(event.getClass());
                String json = Events.toJson(event);
                assertThat(json).startsWith("{\"type\":\"" + event.type() + "\",");
                assertThat(TagEvent.fromJson(json)).as(json).isEqualTo(event);
                assertThat(Events.toJson(TagEvent.fromJson(json))).isEqualTo(json);
            }
        });
        assertThat(seen).containsExactlyInAnyOrder(TagEvent.class.getPermittedSubclasses());
    }

    @Test
    void the_family_names_every_permitted_record_once_under_its_own_type_name() {
        assertThat(List.<Class<?>>copyOf(TagEvent.family().records()))
                .containsExactlyInAnyOrder(TagEvent.class.getPermittedSubclasses());
        Instant at = Instant.parse("2026-11-10T02:00:00Z");
        for (TagEvent event : List.of(new TagAssigned(MemberId.of("M1"), at, TagId.of("vip"), Provenance.rule(3, at)),
                new TagRemoved(MemberId.of("M1"), at, TagId.of("vip"), "EXPIRED"))) {
            assertThat(TagEvent.family().types().get(event.type())).isEqualTo(event.getClass());
        }
    }

    @Test
    void a_bad_tag_event_is_refused_at_its_pointer() {
        Instant at = Instant.parse("2026-11-10T02:00:00Z");
        String json = Events.toJson(new TagAssigned(MemberId.of("M1"), at, TagId.of("vip"),
                Provenance.manual(GuideId.of("G7"), at, Optional.empty())));
        assertThatThrownBy(() -> TagEvent.fromJson(json.replace("tag-assigned", "tag-stolen")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/type").hasMessageContaining("tag-removed");
        assertThatThrownBy(() -> TagEvent.fromJson(json.replace("\"tag\":\"vip\"", "\"tag\":\"VIP!\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/tag").hasMessageContaining("kebab");
        assertThatThrownBy(() -> TagEvent.fromJson(json.replace("\"catalogueVersion\":0,", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/provenance/catalogueVersion")
                .hasMessageContaining("long");
        assertThatThrownBy(() -> TagEvent.fromJson(json.replace("\"MANUAL\"", "\"STOLEN\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/provenance/kind");
    }
}
