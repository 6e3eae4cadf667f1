package dev.siyu.attribution.binding;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.event.AttributionEvent;
import dev.siyu.attribution.event.CustomerTransferred;
import dev.siyu.attribution.event.GuideBound;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The compact customer binding (operations kept as id, payload and policy; history and recorded
 * outcomes recomputed) against a reference model that keeps everything: the outcome returned for
 * each operation, and the changes of guide announced by the events.
 */
class CustomerBindingProperties {

    static final MemberId M = MemberId.of("M1");
    static final Instant T0 = Instant.parse("2026-01-01T02:00:00Z");

    /** One command of a random script. */
    record Step(int kind, GuideId guide, GuideId other, BindingScope scope, Instant at, int policy) {
    }

    static final List<BindingPolicy> POLICIES = List.of(
            BindingPolicy.ofDefaults(),
            BindingPolicy.builder().mode(BindingMode.LAST_TOUCH).protection(Duration.ofDays(3))
                    .validity(Duration.ofDays(20)).onDutyLimits(Duration.ofHours(24), 2, Duration.ofDays(30)).build(),
            BindingPolicy.builder().mode(BindingMode.ORDER_BASED).protection(Duration.ofDays(1)).build());

    static Step step(RandomGenerator r, Instant at) {
        return new Step(r.nextInt(6), GuideId.of("G" + r.nextInt(4)), GuideId.of("G" + r.nextInt(4)),
                BindingScope.store(StoreId.of("S" + r.nextInt(2))), at, r.nextInt(10) == 0 ? r.nextInt(3) : -1);
    }

    static final Gen<List<Step>> SCRIPTS = gen(r -> {
        List<Step> out = new ArrayList<>();
        Instant at = T0;
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
            at = at.plus(Duration.ofHours(r.nextInt(24 * 6)));
            out.add(step(r, at));
        }
        return out;
    });

    static BindingResult apply(BindingEngine engine, CustomerBinding c, Step s, OperationId op) {
        return switch (s.kind()) {
            case 0, 1, 2 -> engine.touch(c, new Touch(M, s.guide(), s.scope(), TouchKind.values()[s.kind()
                    % TouchKind.values().length], s.at()), op);
            case 3, 4 -> engine.transferOnDuty(c, s.scope(), s.guide(), s.at(), op);
            default -> engine.reassignOnDeparture(c, s.scope(), s.other(), s.guide(), s.at(),
                    Explanation.builder("RULE").fact("to", s.guide()).build(), op);
        };
    }

    @Test
    void replays_return_the_first_outcome_and_the_history_matches_the_events() {
        qt().withExamples(300).forAll(SCRIPTS).checkAssert(script -> {
            CustomerBinding c = CustomerBinding.empty(M);
            BindingEngine engine = BindingEngine.of(POLICIES.get(0));
            List<Outcome> outcomes = new ArrayList<>();
            List<BindingChange> announced = new ArrayList<>();
            for (int i = 0; i < script.size(); i++) {
                Step s = script.get(i);
                if (s.policy() >= 0) {
                    engine = BindingEngine.of(POLICIES.get(s.policy()));
                }
                BindingResult r = apply(engine, c, s, OperationId.of("op" + i));
                assertThat(r.binding().version()).isEqualTo(c.version() + 1);
                for (AttributionEvent e : r.events()) {
                    if (e instanceof GuideBound b) {
                        announced.add(new BindingChange(b.at(), b.scope(), b.previous(), b.guide(),
                                b.explanation().code(), b.operation()));
                    } else if (e instanceof CustomerTransferred t) {
                        announced.add(new BindingChange(t.at(), t.scope(), Optional.of(t.from()), t.to(),
                                t.onDeparture() ? "TRANSFERRED_ON_DEPARTURE" : "TRANSFERRED_ON_DUTY", t.operation()));
                    }
                }
                outcomes.add(r.outcome());
                c = r.binding();
                // the guide in force (compact fast path) is the binding in force's guide (general path)
                for (int store = 0; store < 2; store++) {
                    BindingScope scope = BindingScope.store(StoreId.of("S" + store));
                    for (Instant t : List.of(s.at(), s.at().plus(Duration.ofHours(30)), s.at().plus(Duration.ofDays(25)))) {
                        Optional<GuideId> expected = c.bindingAt(scope, t).map(Binding::guide);
                        assertThat(c.guideAt(scope, t)).isEqualTo(expected);
                        assertThat(c.guideAtOrElse(scope, t, null)).isEqualTo(expected.orElse(null));
                    }
                }
            }
            assertThat(c.history()).isEqualTo(announced);
            for (int i = 0; i < script.size(); i++) {
                BindingResult again = apply(engine, c, script.get(i), OperationId.of("op" + i));
                assertThat(again.binding()).isSameAs(c);
                assertThat(again.events()).isEmpty();
                assertThat(again.outcome()).isEqualTo(new Outcome.Duplicate(outcomes.get(i)));
                Step other = new Step(script.get(i).kind(), GuideId.of("X"), GuideId.of("Y"), script.get(i).scope(),
                        script.get(i).at(), -1);
                BindingResult conflict = apply(engine, c, other, OperationId.of("op" + i));
                assertThat(conflict.outcome()).isEqualTo(new Outcome.Conflict(OperationId.of("op" + i),
                        outcomes.get(i)));
                assertThat(conflict.binding()).isSameAs(c);
            }
        });
    }
}
