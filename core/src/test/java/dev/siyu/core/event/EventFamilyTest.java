package dev.siyu.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.ConfigException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFamilyTest {

    /** A test family with a nested sealed interface. */
    sealed interface Sample extends Event permits Ping, Nested {
    }

    sealed interface Nested extends Sample permits Pong {
    }

    record Ping(Instant at, long count) implements Sample {
        @Override
        public String type() {
            return "ping";
        }
    }

    record Pong(Instant at, Inner inner) implements Nested {
        @Override
        public String type() {
            return "pong";
        }
    }

    record Inner(String name, long size) {
    }

    private static final String PING = "{\"type\":\"ping\",\"at\":\"2026-05-01T10:15:30Z\",\"count\":3}";

    @Test
    void reads_records_of_nested_sealed_interfaces() {
        EventFamily<Sample> family = EventFamily.of(Sample.class, Map.of("ping", Ping.class, "pong", Pong.class));
        Pong pong = new Pong(Instant.parse("2026-05-01T10:15:30Z"), new Inner("a", 2));
        assertThat(family.fromJson(family.toJson(pong))).isEqualTo(pong);
        assertThat(family.fromJson(PING)).isEqualTo(new Ping(Instant.parse("2026-05-01T10:15:30Z"), 3));
        assertThat(family.types()).containsOnlyKeys("ping", "pong");
    }

    @Test
    void refuses_a_map_that_forgets_or_repeats_a_record() {
        assertThatThrownBy(() -> EventFamily.of(Sample.class, Map.of("ping", Ping.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pong");
        assertThatThrownBy(() -> EventFamily.of(Sample.class, Map.of("ping", Ping.class, "pong", Pong.class,
                "ping-again", Ping.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two type names");
        assertThatThrownBy(() -> EventFamily.of(Sample.class, Map.of(" ", Ping.class, "pong", Pong.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> EventFamily.of(Event.class, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sealed interface");
    }

    @Test
    void a_missing_or_null_field_is_refused_at_its_pointer_even_a_primitive_or_nested_one() {
        EventFamily<Sample> family = EventFamily.of(Sample.class, Map.of("ping", Ping.class, "pong", Pong.class));
        assertThatThrownBy(() -> family.fromJson("{\"type\":\"ping\",\"at\":\"2026-05-01T10:15:30Z\"}"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo("/count"))
                .hasMessageContaining("expected a value of type long");
        assertThatThrownBy(() -> family.fromJson("{\"type\":\"ping\",\"at\":null,\"count\":3}"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo("/at"))
                .hasMessageContaining("Instant");
        assertThatThrownBy(() -> family.fromJson("{\"type\":\"pong\",\"at\":\"2026-05-01T10:15:30Z\",\"inner\":{\"name\":\"a\"}}"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo("/inner/size"));
    }

    @Test
    void a_document_that_is_not_a_typed_object_is_refused() {
        EventFamily<Sample> family = EventFamily.of(Sample.class, Map.of("ping", Ping.class, "pong", Pong.class));
        assertThatThrownBy(() -> family.fromJson("[1]")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected an object");
        assertThatThrownBy(() -> family.fromJson("{\"at\":\"2026-05-01T10:15:30Z\",\"count\":3}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> family.fromJson("{\"type\":7}"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo("/type"))
                .hasMessageContaining("expected a string");
        assertThatThrownBy(() -> family.fromJson("{\"type\":\"dev.siyu.core.event.EventFamilyTest$Ping\"}"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo("/type"))
                .hasMessageContaining("[ping, pong]");
        assertThatThrownBy(() -> family.fromJson(PING.replace("3}", "\"3\"}")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).pointer()).isEqualTo("/count"));
        assertThatThrownBy(() -> family.fromJson(PING + " {}")).isInstanceOf(ConfigException.class);
    }
}
