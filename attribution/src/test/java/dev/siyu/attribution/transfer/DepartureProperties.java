package dev.siyu.attribution.transfer;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DepartureProperties {

    static final Instant T = Instant.parse("2026-03-01T02:00:00Z");
    static final GuideId LEAVER = GuideId.of("G0");
    static final BindingEngine ENGINE = BindingEngine.of(BindingPolicy.ofDefaults());

    record Case(List<CustomerBinding> customers, List<GuideProfile> roster, DepartureRule rule) {
    }

    static final org.quicktheories.core.Gen<Case> CASES = gen(r -> {
        List<GuideProfile> roster = new ArrayList<>();
        int guides = 1 + r.nextInt(6);
        for (int g = 0; g < guides; g++) {
            roster.add(new GuideProfile(GuideId.of("G" + g), StoreId.of("S" + r.nextInt(2)),
                    Optional.of(CounterId.of("C" + r.nextInt(3))), Optional.empty(), g == 0 || r.nextInt(4) > 0,
                    r.nextInt(20)));
        }
        List<CustomerBinding> customers = new ArrayList<>();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
            MemberId m = MemberId.of("M" + i);
            CustomerBinding c = CustomerBinding.empty(m);
            for (int s = 0; s < 2; s++) {
                if (r.nextBoolean()) {
                    GuideId g = r.nextInt(3) == 0 ? GuideId.of("G" + r.nextInt(guides)) : LEAVER;
                    c = ENGINE.touch(c, new Touch(m, g, BindingScope.store(StoreId.of("S" + s)), TouchKind.ADD, T),
                            OperationId.of("add" + s)).binding();
                }
            }
            customers.add(c);
        }
        return new Case(customers, roster, DepartureRule.values()[r.nextInt(3)]);
    });

    @Test
    void after_a_departure_no_customer_is_left_with_the_leaver_or_without_a_guide_and_others_are_untouched() {
        qt().withExamples(300).forAll(CASES).checkAssert(c -> {
            Instant at = T.plus(Duration.ofDays(40));
            DepartureResult r = DepartureTransfer.of(ENGINE, c.rule()).depart(LEAVER, c.customers(), c.roster(), at);
            Set<GuideId> active = c.roster().stream().filter(p -> p.active() && !p.guide().equals(LEAVER))
                    .map(GuideProfile::guide).collect(Collectors.toSet());
            if (active.isEmpty()) {
                assertThat(r.outcome()).isInstanceOf(Outcome.Rejected.class);
                assertThat(r.customers()).isEqualTo(c.customers());
                return;
            }
            assertThat(r.customers()).hasSameSizeAs(c.customers());
            for (int i = 0; i < c.customers().size(); i++) {
                CustomerBinding before = c.customers().get(i);
                CustomerBinding after = r.customers().get(i);
                for (BindingScope scope : before.bindings().keySet()) {
                    GuideId was = before.guideAt(scope, at).orElseThrow();
                    GuideId now = after.guideAt(scope, at).orElseThrow();
                    if (was.equals(LEAVER)) {
                        assertThat(active).contains(now);
                        assertThat(after.history().get(after.history().size() - 1).cause())
                                .isEqualTo("TRANSFERRED_ON_DEPARTURE");
                    } else {
                        assertThat(now).isEqualTo(was);
                    }
                }
            }
            assertThat(r.events()).hasSameSizeAs(r.assignments());
            DepartureResult again = DepartureTransfer.of(ENGINE, c.rule()).depart(LEAVER, r.customers(), c.roster(), at);
            assertThat(again.events()).isEmpty();
            assertThat(again.customers()).isEqualTo(r.customers());
        });
    }
}
