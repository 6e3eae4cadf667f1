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
}
