package dev.siyu.attribution.credit;

import static dev.siyu.attribution.Fixtures.line;
import static dev.siyu.attribution.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributionPolicyTest {

    static final MemberId M = MemberId.of("M1");
    static final GuideId SERVICE = GuideId.of("service");
    static final GuideId SALE = GuideId.of("sale");
    static final GuideId SHARER = GuideId.of("sharer");
    static final Instant T = Instant.parse("2026-03-10T04:00:00Z");

    final CustomerBinding bound = BindingEngine.of(BindingPolicy.ofDefaults()).touch(CustomerBinding.empty(M),
            new Touch(M, SERVICE, BindingScope.store(StoreId.of("S1")), TouchKind.ADD, T.minus(Duration.ofDays(40))),
            OperationId.of("add")).binding();
    final Order order = order("O1", "M1", T, "S1", line(1, "S1", "B1", "shoes", 1, "100.00"),
            line(2, "S2", "B2", "bags", 1, "50.00"));

    @Test
    void the_highest_precedence_role_present_takes_the_line() {
        AttributionPolicy policy = AttributionPolicy.builder()
                .precedence(GuideRole.SERVICE, GuideRole.SALE, GuideRole.SHARER).build();
        OrderAttribution a = policy.attribute(order, OrderTouches.none().withSaleGuide(SALE), bound);
        assertThat(a.line(1).orElseThrow().credits()).containsExactly(new Credit(SERVICE, GuideRole.SERVICE, 1));
        OrderAttribution b = AttributionPolicy.ofDefaults().attribute(order, OrderTouches.none().withSaleGuide(SALE), bound);
        assertThat(b.line(1).orElseThrow().credits()).containsExactly(new Credit(SALE, GuideRole.SALE, 1));
    }

    @Test
    void a_cross_store_line_falls_back_to_the_order_stores_guide_unless_switched_off() {
        OrderAttribution a = AttributionPolicy.ofDefaults().attribute(order, OrderTouches.none(), bound);
        assertThat(a.line(2).orElseThrow().credits()).extracting(Credit::guide).containsExactly(SERVICE);
        assertThat(a.line(2).orElseThrow().explanation().fact("serviceFrom")).contains("order store (cross-store line)");
        assertThat(a.line(1).orElseThrow().explanation().fact("serviceFrom")).isEmpty();
        // with a sharer on the order the line still says where its service guide came from
        OrderAttribution shared = AttributionPolicy.ofDefaults().attribute(order,
                OrderTouches.none().withSharer(SHARER, T.minus(Duration.ofDays(1))), bound);
        assertThat(shared.line(2).orElseThrow().explanation().fact("serviceFrom"))
                .contains("order store (cross-store line)");
        assertThat(shared.line(2).orElseThrow().explanation().fact("SHARER")).contains(SHARER.value());
        OrderAttribution b = AttributionPolicy.builder().crossStoreFallback(false).build()
                .attribute(order, OrderTouches.none(), bound);
        assertThat(b.line(2).orElseThrow().credits()).isEmpty();
        assertThat(b.line(2).orElseThrow().explanation().code()).isEqualTo("NO_GUIDE");
    }

    @Test
    void a_sharer_counts_only_within_the_window_after_the_share() {
        AttributionPolicy policy = AttributionPolicy.builder().sharerWindow(Duration.ofDays(7)).build();
        OrderTouches fresh = OrderTouches.none().withSharer(SHARER, T.minus(Duration.ofDays(2)));
        OrderTouches stale = OrderTouches.none().withSharer(SHARER, T.minus(Duration.ofDays(8)));
        assertThat(policy.attribute(order, fresh, bound).line(1).orElseThrow().credits())
                .extracting(Credit::guide).containsExactly(SHARER);
        assertThat(policy.attribute(order, stale, bound).line(1).orElseThrow().credits())
                .extracting(Credit::guide).containsExactly(SERVICE);
    }

    @Test
    void split_mode_shares_the_line_among_present_roles_by_weight() {
        AttributionPolicy policy = AttributionPolicy.builder()
                .split(Map.of(GuideRole.SALE, 60L, GuideRole.SERVICE, 40L)).build();
        OrderAttribution a = policy.attribute(order, OrderTouches.none().withSaleGuide(SALE), bound);
        assertThat(a.line(1).orElseThrow().credits()).containsExactlyInAnyOrder(
                new Credit(SALE, GuideRole.SALE, 60), new Credit(SERVICE, GuideRole.SERVICE, 40));
        OrderAttribution same = policy.attribute(order, OrderTouches.none().withSaleGuide(SERVICE), bound);
        assertThat(same.line(1).orElseThrow().credits()).containsExactly(new Credit(SERVICE, GuideRole.SALE, 100));
    }

    @Test
    void after_an_on_duty_transfer_takes_effect_new_orders_credit_the_taker() {
        BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());
        CustomerBinding moved = engine.transferOnDuty(bound, BindingScope.store(StoreId.of("S1")), SALE,
                T.minus(Duration.ofHours(30)), OperationId.of("t")).binding();
        AttributionPolicy policy = AttributionPolicy.ofDefaults();
        assertThat(policy.attribute(order, OrderTouches.none(), moved).line(1).orElseThrow().credits())
                .extracting(Credit::guide).containsExactly(SALE);
    }
}
