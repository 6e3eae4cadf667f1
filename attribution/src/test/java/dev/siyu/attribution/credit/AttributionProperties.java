package dev.siyu.attribution.credit;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingMode;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.order.Order;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributionProperties {

    record Case(List<Touch> touches, Order order, OrderTouches orderTouches, BindingMode mode, boolean split) {
    }

    static final Instant T = Instant.parse("2026-03-01T02:00:00Z");
    static final MemberId M = MemberId.of("M1");

    static final org.quicktheories.core.Gen<Case> CASES = gen(r -> {
        List<Touch> touches = new ArrayList<>();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            touches.add(new Touch(M, GuideId.of("G" + r.nextInt(5)), BindingScope.store(StoreId.of("S" + r.nextInt(3))),
                    TouchKind.values()[r.nextInt(3)], T.plus(Duration.ofHours(r.nextInt(24 * 60)))));
        }
        touches.sort((a, b) -> a.at().compareTo(b.at()));
        Order order = OrderGenerators.order(r, OrderId.of("O1"), M, T.plus(Duration.ofDays(61)), 4);
        OrderTouches ot = OrderTouches.none();
        if (r.nextBoolean()) {
            ot = ot.withSaleGuide(GuideId.of("G" + r.nextInt(5)));
        }
        if (r.nextBoolean()) {
            ot = ot.withSharer(GuideId.of("G" + r.nextInt(5)), T.plus(Duration.ofDays(50 + r.nextInt(12))));
        }
        return new Case(touches, order, ot, BindingMode.values()[r.nextInt(3)], r.nextBoolean());
    });

    static CustomerBinding replay(Case c) {
        BindingEngine engine = BindingEngine.of(BindingPolicy.builder().mode(c.mode()).protection(Duration.ofDays(7))
                .build());
        CustomerBinding b = CustomerBinding.empty(M);
        for (int i = 0; i < c.touches().size(); i++) {
            b = engine.touch(b, c.touches().get(i), OperationId.of("t" + i)).binding();
        }
        return b;
    }

    static AttributionPolicy policy(Case c) {
        return c.split() ? AttributionPolicy.builder().split(Map.of(GuideRole.SALE, 50L, GuideRole.SERVICE, 30L,
                GuideRole.SHARER, 20L)).build() : AttributionPolicy.ofDefaults();
    }

    @Test
    void attribution_is_deterministic_given_the_events_and_credits_only_guides_present_on_the_order() {
        qt().withExamples(300).forAll(CASES).checkAssert(c -> {
            OrderAttribution first = policy(c).attribute(c.order(), c.orderTouches(), replay(c));
            OrderAttribution second = policy(c).attribute(c.order(), c.orderTouches(), replay(c));
            assertThat(second).isEqualTo(first);
            CustomerBinding b = replay(c);
            for (LineCredit line : first.lines()) {
                for (Credit credit : line.credits()) {
                    boolean present = c.orderTouches().saleGuideOf(line.lineNo()).map(credit.guide()::equals).orElse(false)
                            || c.orderTouches().sharer().map(credit.guide()::equals).orElse(false)
                            || b.bindings().values().stream().anyMatch(x -> x.guide().equals(credit.guide()));
                    assertThat(present).as("credited guide %s is on the order", credit.guide()).isTrue();
                }
                if (!c.split()) {
                    assertThat(line.credits()).hasSizeLessThanOrEqualTo(1);
                }
            }
        });
    }

    /**
     * The policy's rules line by line, straight from the binding's {@code guideAt} (the reference
     * for the attribution, which reuses a line's scope and service guide for the next line of the
     * same store): service in the line's store, else the order store's for a line of another
     * store; sharer within 7 days; the till guide; then precedence or weights.
     */
    @Test
    void each_line_is_credited_by_the_policys_rules_applied_to_that_line_alone() {
        qt().withExamples(500).forAll(CASES).checkAssert(c -> {
            CustomerBinding b = replay(c);
            OrderAttribution actual = policy(c).attribute(c.order(), c.orderTouches(), b);
            Instant at = c.order().placedAt();
            assertThat(actual.lines()).hasSameSizeAs(c.order().lines());
            for (dev.siyu.core.order.OrderLine line : c.order().lines()) {
                GuideId service = b.guideAt(BindingScope.store(line.store()), at).orElse(null);
                boolean fellBack = false;
                if (service == null && !line.store().equals(c.order().store())) {
                    service = b.guideAt(BindingScope.store(c.order().store()), at).orElse(null);
                    fellBack = service != null;
                }
                GuideId sharer = null;
                if (c.orderTouches().sharer().isPresent()) {
                    Instant shared = c.orderTouches().sharedAt().orElseThrow();
                    if (!shared.isAfter(at) && at.isBefore(shared.plus(Duration.ofDays(7)))) {
                        sharer = c.orderTouches().sharer().get();
                    }
                }
                GuideId sale = c.orderTouches().saleGuideOf(line.lineNo()).orElse(null);
                Map<GuideRole, GuideId> holders = new java.util.EnumMap<>(GuideRole.class);
                for (GuideRole role : List.of(GuideRole.SHARER, GuideRole.SALE, GuideRole.SERVICE)) {
                    GuideId g = role == GuideRole.SHARER ? sharer : role == GuideRole.SALE ? sale : service;
                    if (g != null) {
                        holders.put(role, g);
                    }
                }
                List<Credit> expected = new ArrayList<>();
                Map<GuideRole, Long> weights = Map.of(GuideRole.SALE, 50L, GuideRole.SERVICE, 30L, GuideRole.SHARER, 20L);
                for (GuideRole role : List.of(GuideRole.SHARER, GuideRole.SALE, GuideRole.SERVICE)) {
                    GuideId g = holders.get(role);
                    if (g == null) {
                        continue;
                    }
                    if (!c.split()) {
                        expected.add(new Credit(g, role, 1));
                        break;
                    }
                    int k = 0;
                    while (k < expected.size() && !expected.get(k).guide().equals(g)) {
                        k++;
                    }
                    if (k == expected.size()) {
                        expected.add(new Credit(g, role, weights.get(role)));
                    } else {
                        Credit was = expected.get(k);
                        expected.set(k, new Credit(g, was.role(), was.weight() + weights.get(role)));
                    }
                }
                LineCredit credit = actual.line(line.lineNo()).orElseThrow();
                assertThat(credit.credits()).as("line %d", line.lineNo()).isEqualTo(expected);
                if (!expected.isEmpty()) {
                    assertThat(credit.explanation().fact("serviceFrom").isPresent()).as("line %d fell back", line.lineNo())
                            .isEqualTo(fellBack);
                    assertThat(credit.explanation().fact("SERVICE"))
                            .isEqualTo(java.util.Optional.ofNullable(service).map(GuideId::value));
                }
            }
        });
    }
}
