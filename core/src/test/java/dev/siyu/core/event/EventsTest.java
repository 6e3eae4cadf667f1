package dev.siyu.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventsTest {

    private static final MemberId M = MemberId.of("M1");
    private static final Instant AT = Instant.parse("2026-05-01T10:15:30Z");

    @Test
    void every_membership_event_survives_a_json_round_trip() {
        Explanation why = Explanation.builder("TIER_UPGRADED").fact("spend", "CNY 5000.00").fact("threshold", "CNY 5000.00")
                .because(Explanation.of("WINDOW_ROLLING_365_DAYS")).build();
        List<MembershipEvent> events = List.of(
                new TierChanged(M, AT, Optional.of(TierId.of("SILVER")), TierId.of("GOLD"), TierChanged.Kind.UPGRADED, why),
                new TierChanged(M, AT, Optional.empty(), TierId.of("BASIC"), TierChanged.Kind.ENROLLED, Explanation.of("ENROLLED")),
                new PointsEarned(M, AT, OperationId.of("O1:earn"), Optional.of(OrderId.of("O1")), 120,
                        LocalDate.of(2026, 5, 8), Optional.of(LocalDate.of(2027, 12, 31)), Explanation.of("EARNED")),
                new PointsRedeemed(M, AT, OperationId.of("O2:pay"), Optional.of(OrderId.of("O2")), "payment", 500),
                new PointsReversed(M, AT, OperationId.of("R1"), OrderId.of("O1"), 60, 0),
                new PointsReturned(M, AT, OperationId.of("R1"), OrderId.of("O2"), 250),
                new PointsExpired(M, AT, LocalDate.of(2026, 5, 1), 30));
        for (MembershipEvent event : events) {
            String json = Events.toJson(event);
            assertThat(json).startsWith("{\"type\":\"" + event.type() + "\"");
            assertThat(Events.membershipFromJson(json)).isEqualTo(event);
        }
    }

    @Test
    void writes_ids_as_text_and_instants_in_iso_form() {
        String json = Events.toJson(new PointsExpired(M, AT, LocalDate.of(2026, 5, 1), 30));
        assertThat(json).isEqualTo(
                "{\"type\":\"points-expired\",\"member\":\"M1\",\"at\":\"2026-05-01T10:15:30Z\",\"expiredOn\":\"2026-05-01\",\"points\":30}");
    }

    /** An id type of another module, unknown to core. */
    public record ShelfId(String value) implements dev.siyu.core.id.TypedId {
        public ShelfId {
            if (value.isBlank()) {
                throw new IllegalArgumentException("shelfId must not be blank: '" + value + "'");
            }
        }
    }

    /** A value of another module holding such an id. */
    public record Placement(ShelfId shelf, MemberId member) {
    }

    @Test
    void ids_of_other_modules_read_back_through_their_validating_constructor() {
        Placement placement = new Placement(new ShelfId("A-7"), MemberId.of("M1"));
        String json = dev.siyu.core.json.SiyuJson.write(placement);
        assertThat(json).isEqualTo("{\"shelf\":\"A-7\",\"member\":\"M1\"}");
        assertThat(dev.siyu.core.json.SiyuJson.read(json, Placement.class)).isEqualTo(placement);
        assertThatThrownBy(() -> dev.siyu.core.json.SiyuJson.read("{\"shelf\":\" \",\"member\":\"M1\"}", Placement.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/shelf").hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> dev.siyu.core.json.SiyuJson.read("{\"shelf\":7,\"member\":\"M1\"}", Placement.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/shelf");
    }

    @Test
    void an_unknown_type_is_refused_with_the_known_ones() {
        assertThatThrownBy(() -> Events.membershipFromJson("{\"type\":\"java.lang.Runtime\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/type").hasMessageContaining("points-earned");
    }

    @Test
    void a_field_of_the_wrong_shape_is_refused_and_located() {
        assertThatThrownBy(() -> Events.membershipFromJson(
                "{\"type\":\"points-expired\",\"member\":\"M1\",\"at\":\"2026-05-01T10:15:30Z\",\"expiredOn\":\"2026-05-01\",\"points\":\"lots\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/points");
        assertThatThrownBy(() -> Events.membershipFromJson(
                "{\"type\":\"points-expired\",\"member\":\"M1\",\"at\":\"2026-05-01T10:15:30Z\",\"expiredOn\":\"2026-05-01\",\"points\":30,\"extra\":1}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("extra");
    }

    /** A value with money followed by another field. */
    public record Priced(dev.siyu.core.money.Money price, String label) {
    }

    @Test
    void money_followed_by_other_fields_reads_back() {
        Priced priced = new Priced(dev.siyu.core.money.Money.cny("12.30"), "tea");
        String json = dev.siyu.core.json.SiyuJson.write(priced);
        assertThat(json).isEqualTo("{\"price\":{\"amount\":\"12.30\",\"currency\":\"CNY\"},\"label\":\"tea\"}");
        assertThat(dev.siyu.core.json.SiyuJson.read(json, Priced.class)).isEqualTo(priced);
    }
}
