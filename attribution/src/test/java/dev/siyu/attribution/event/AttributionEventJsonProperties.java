package dev.siyu.attribution.event;

import static dev.siyu.testkit.event.EventValues.currency;
import static dev.siyu.testkit.event.EventValues.idText;
import static dev.siyu.testkit.event.EventValues.instant;
import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.event.Event;
import dev.siyu.core.event.EventFamily;
import dev.siyu.core.event.Events;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AttributionEventJsonProperties {

    private static final List<String> CODES = List.of("COMMISSION_ACCRUED", "RATE_2", "FIRST_TOUCH", "TAKER_BY_LOAD");

    private static YearMonth month(RandomGenerator r) {
        return YearMonth.of(1900 + r.nextInt(8000), 1 + r.nextInt(12));
    }

    private static Money money(RandomGenerator r, boolean nonNegative) {
        return dev.siyu.testkit.event.EventValues.money(r, currency(r), nonNegative);
    }

    private static BindingScope scope(RandomGenerator r) {
        return new BindingScope(BindingScope.Kind.values()[r.nextInt(2)], idText(r));
    }

    private static GuideId guide(RandomGenerator r) {
        return GuideId.of(idText(r));
    }

    private static Explanation explanation(RandomGenerator r, int depth) {
        Explanation.Builder builder = Explanation.builder(CODES.get(r.nextInt(CODES.size())));
        int facts = r.nextInt(4);
        for (int i = 0; i < facts; i++) {
            builder.fact("f" + i, idText(r));
        }
        if (r.nextBoolean()) { // values kept as objects and rendered when read
            builder.fact("amount", money(r, false)).fact("at", instant(r)).fact("rate",
                    java.math.BigDecimal.valueOf(r.nextLong(-10_000, 10_000), r.nextInt(4))).fact("guide", guide(r))
                    .fact("kind", BindingScope.Kind.BRAND).fact("clawed", r.nextBoolean());
        }
        int subs = depth == 0 ? 0 : r.nextInt(3);
        for (int i = 0; i < subs; i++) {
            builder.because(explanation(r, depth - 1));
        }
        if (r.nextBoolean()) {
            return builder.build();
        }
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("units", Long.toString(r.nextLong()));
        return new Explanation(CODES.get(r.nextInt(CODES.size())), plain, List.of(builder.build()));
    }

    /** One event of each type, customer and guide events, with random values. */
    private static final Gen<List<Event>> ONE_OF_EACH = gen(AttributionEventJsonProperties::oneOfEach);

    private static List<Event> oneOfEach(RandomGenerator r) {
        List<Event> events = new ArrayList<>();
        events.add(new GuideBound(MemberId.of(idText(r)), instant(r), OperationId.of(idText(r)), scope(r), guide(r),
                r.nextBoolean() ? Optional.of(guide(r)) : Optional.empty(), explanation(r, 2)));
        events.add(new TransferScheduled(MemberId.of(idText(r)), instant(r), OperationId.of(idText(r)), scope(r), guide(r),
                guide(r), instant(r)));
        events.add(new CustomerTransferred(MemberId.of(idText(r)), instant(r), OperationId.of(idText(r)), scope(r), guide(r),
                guide(r), r.nextBoolean(), explanation(r, 2)));
        events.add(new CommissionAccrued(MemberId.of(idText(r)), instant(r), OperationId.of(idText(r)), guide(r),
                OrderId.of(idText(r)), month(r), money(r, true), LocalDate.ofEpochDay(r.nextLong(-20_000, 100_000)),
                explanation(r, 2)));
        events.add(new CommissionClawedBack(MemberId.of(idText(r)), instant(r), OperationId.of(idText(r)), guide(r),
                OrderId.of(idText(r)), month(r), month(r), r.nextBoolean(), money(r, true), explanation(r, 2)));
        events.add(new CommissionSettled(guide(r), instant(r), OperationId.of(idText(r)), month(r), money(r, true),
                money(r, false)));
        events.add(new PendingCommissionForfeited(guide(r), instant(r), OperationId.of(idText(r)), money(r, false)));
        return events;
    }

    @Test
    void every_attribution_and_guide_event_reads_back_equal_to_what_was_written() {
        Set<Class<?>> seen = new HashSet<>();
        qt().withExamples(400).forAll(ONE_OF_EACH).checkAssert(events -> {
            for (Event event : events) {
                seen.add(event.getClass());
                String json = Events.toJson(event);
                assertThat(json).startsWith("{\"type\":\"" + event.type() + "\",");
                Event back = event instanceof GuideEvent ? GuideEvent.fromJson(json) : AttributionEvent.fromJson(json);
                assertThat(back).as(json).isEqualTo(event);
                assertThat(Events.toJson(back)).isEqualTo(json);
            }
        });
        Set<Class<?>> all = new HashSet<>(List.of(AttributionEvent.class.getPermittedSubclasses()));
        all.addAll(List.of(GuideEvent.class.getPermittedSubclasses()));
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void each_family_names_every_permitted_record_once_and_the_names_are_distinct_across_the_module() {
        assertThat(List.<Class<?>>copyOf(AttributionEvent.family().records()))
                .containsExactlyInAnyOrder(AttributionEvent.class.getPermittedSubclasses());
        assertThat(List.<Class<?>>copyOf(GuideEvent.family().records()))
                .containsExactlyInAnyOrder(GuideEvent.class.getPermittedSubclasses());
        assertThat(AttributionEvent.family().types().keySet()).doesNotContainAnyElementsOf(GuideEvent.family().types().keySet());
        for (Event event : oneOfEach(new java.util.SplittableRandom(1))) {
            EventFamily<?> family = event instanceof GuideEvent ? GuideEvent.family() : AttributionEvent.family();
            assertThat(family.types().get(event.type())).isEqualTo(event.getClass());
        }
    }

    @Test
    void a_guide_event_is_an_event_but_not_a_domain_event_and_each_family_refuses_the_other() {
        CommissionSettled settled = new CommissionSettled(GuideId.of("G1"), Instant.parse("2026-12-01T00:00:00Z"),
                OperationId.of("settle:2026-11"), YearMonth.of(2026, 11), Money.cny("120.00"), Money.cny("-3.50"));
        String json = Events.toJson(settled);
        assertThat(json).isEqualTo("{\"type\":\"commission-settled\",\"guide\":\"G1\",\"at\":\"2026-12-01T00:00:00Z\","
                + "\"operation\":\"settle:2026-11\",\"period\":\"2026-11\",\"payout\":{\"amount\":\"120.00\",\"currency\":\"CNY\"},"
                + "\"carried\":{\"amount\":\"-3.50\",\"currency\":\"CNY\"}}");
        assertThat(GuideEvent.fromJson(json)).isEqualTo(settled);
        assertThatThrownBy(() -> AttributionEvent.fromJson(json))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/type").hasMessageContaining("guide-bound");
        assertThatThrownBy(() -> GuideEvent.fromJson(json.replace("\"period\":\"2026-11\"", "\"period\":\"2026-13\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/period");
        assertThatThrownBy(() -> GuideEvent.fromJson(json.replace("\"CNY\"}}", "\"CNY\"}")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> GuideEvent.fromJson(json.replace(",\"operation\":\"settle:2026-11\"", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/operation").hasMessageContaining("OperationId");
    }

    @Test
    void a_bad_attribution_event_is_refused_at_its_pointer() {
        String json = Events.toJson(new GuideBound(MemberId.of("M1"), Instant.parse("2026-12-01T00:00:00Z"),
                OperationId.of("bind"), BindingScope.brand(dev.siyu.core.id.BrandId.of("B1")), GuideId.of("G1"),
                Optional.empty(), Explanation.of("FIRST_TOUCH")));
        assertThat(json).contains("\"scope\":{\"kind\":\"BRAND\",\"id\":\"B1\"}").contains("\"previous\":null");
        assertThatThrownBy(() -> AttributionEvent.fromJson(json.replace("\"kind\":\"BRAND\",", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/scope/kind");
        assertThatThrownBy(() -> AttributionEvent.fromJson(json.replace("\"code\":\"FIRST_TOUCH\"", "\"code\":\"first\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/explanation");
        assertThatThrownBy(() -> AttributionEvent.fromJson(json.replace("\"guide\":\"G1\"", "\"guide\":\"\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/guide");
    }
}
