package dev.siyu.testkit.event;

import static dev.siyu.testkit.event.EventValues.date;
import static dev.siyu.testkit.event.EventValues.explanation;
import static dev.siyu.testkit.event.EventValues.idText;
import static dev.siyu.testkit.event.EventValues.instant;
import static dev.siyu.testkit.event.EventValues.optional;
import static dev.siyu.testkit.event.EventValues.positive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.siyu.core.event.EventFamily;
import dev.siyu.core.event.Events;
import dev.siyu.core.event.MembershipEvent;
import dev.siyu.core.event.PointsEarned;
import dev.siyu.core.event.PointsExpired;
import dev.siyu.core.event.PointsRedeemed;
import dev.siyu.core.event.PointsReturned;
import dev.siyu.core.event.PointsReversed;
import dev.siyu.core.event.TierChanged;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MembershipEventJsonProperties {

    /** One membership event of type {@code kind} (0 to 5) with random values. */
    static MembershipEvent event(int kind, RandomGenerator r) {
        MemberId member = MemberId.of(idText(r));
        return switch (kind) {
            case 0 -> new TierChanged(member, instant(r), optional(r, x -> TierId.of(idText(x))), TierId.of(idText(r)),
                    TierChanged.Kind.values()[r.nextInt(TierChanged.Kind.values().length)], explanation(r));
            case 1 -> new PointsEarned(member, instant(r), OperationId.of(idText(r)), optional(r, x -> OrderId.of(idText(x))),
                    positive(r), date(r), optional(r, EventValues::date), explanation(r));
            case 2 -> new PointsRedeemed(member, instant(r), OperationId.of(idText(r)),
                    optional(r, x -> OrderId.of(idText(x))), idText(r), positive(r));
            case 3 -> new PointsReversed(member, instant(r), OperationId.of(idText(r)), OrderId.of(idText(r)),
                    r.nextLong(1000), 1 + r.nextLong(1000));
            case 4 -> new PointsReturned(member, instant(r), OperationId.of(idText(r)), OrderId.of(idText(r)), positive(r));
            default -> new PointsExpired(member, instant(r), date(r), positive(r));
        };
    }

    @Test
    void every_membership_event_reads_back_equal_to_what_was_written() {
        Set<Class<?>> seen = new HashSet<>();
        qt().withExamples(600).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            for (int kind = 0; kind < 6; kind++) {
                MembershipEvent event = event(kind, r);
                seen.add(event.getClass());
                String json = Events.toJson(event);
                assertThat(json).startsWith("{\"type\":\"" + event.type() + "\",");
                assertThat(MembershipEvent.fromJson(json)).as(json).isEqualTo(event);
                assertThat(Events.membershipFromJson(json)).isEqualTo(event);
                assertThat(Events.toJson(MembershipEvent.fromJson(json))).isEqualTo(json);
            }
        });
        assertThat(seen).containsExactlyInAnyOrderElementsOf(List.of(MembershipEvent.class.getPermittedSubclasses()));
    }

    @Test
    void the_family_names_every_permitted_record_once_under_its_own_type_name() {
        EventFamily<MembershipEvent> family = MembershipEvent.family();
        assertThat(family.root()).isEqualTo(MembershipEvent.class);
        assertThat(List.<Class<?>>copyOf(family.records())).containsExactlyInAnyOrder(MembershipEvent.class.getPermittedSubclasses());
        SplittableRandom r = new SplittableRandom(7);
        for (int kind = 0; kind < 6; kind++) {
            MembershipEvent event = event(kind, r);
            assertThat(family.types().get(event.type())).isEqualTo(event.getClass());
        }
    }
}
