package dev.siyu.attribution.transfer;

import static dev.siyu.attribution.Fixtures.line;
import static dev.siyu.attribution.Fixtures.order;
import static dev.siyu.attribution.Fixtures.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.RejectReason;
import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.attribution.commission.CommissionPlan;
import dev.siyu.attribution.commission.DistributionNetwork;
import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.commission.RefundCommission;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.order.Order;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepartureTransferTest {

    static final GuideId LEAVER = GuideId.of("leaver");
    static final StoreId S1 = StoreId.of("S1");
    static final Instant T = Instant.parse("2026-03-01T02:00:00Z");
    final BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());

    List<CustomerBinding> customersOf(GuideId guide, int n) {
        List<CustomerBinding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MemberId m = MemberId.of("M" + i);
            out.add(engine.touch(CustomerBinding.empty(m), new Touch(m, guide, BindingScope.store(S1), TouchKind.ADD, T),
                    OperationId.of("add" + i)).binding());
        }
        return out;
    }

    final List<GuideProfile> roster = List.of(
            GuideProfile.at(LEAVER, S1, CounterId.of("C1"), 6),
            GuideProfile.at(GuideId.of("a"), S1, CounterId.of("C2"), 10),
            GuideProfile.at(GuideId.of("b"), S1, CounterId.of("C1"), 3),
            GuideProfile.at(GuideId.of("c"), S1, CounterId.of("C3"), 0));

    @Test
    void same_counter_gives_the_customers_to_the_leavers_counter_colleague() {
        DepartureResult r = DepartureTransfer.of(engine, DepartureRule.SAME_COUNTER)
                .depart(LEAVER, customersOf(LEAVER, 6), roster, T.plus(Duration.ofDays(10)));
        assertThat(r.assignments()).extracting(a -> a.taker().value()).containsOnly("b");
        assertThat(r.events()).hasSize(6);
    }

    @Test
    void least_loaded_levels_the_loads_and_round_robin_deals_in_turn() {
        DepartureResult least = DepartureTransfer.of(engine, DepartureRule.LEAST_LOADED)
                .depart(LEAVER, customersOf(LEAVER, 6), roster, T.plus(Duration.ofDays(10)));
        // c:0 b:3 → c gets 3 to reach 3, then they alternate b/c
        assertThat(least.assignments()).extracting(a -> a.taker().value())
                .containsExactly("c", "c", "c", "b", "c", "b");
        DepartureResult robin = DepartureTransfer.of(engine, DepartureRule.ROUND_ROBIN)
                .depart(LEAVER, customersOf(LEAVER, 6), roster, T.plus(Duration.ofDays(10)));
        assertThat(robin.assignments()).extracting(a -> a.taker().value())
                .containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void without_any_active_taker_the_departure_is_refused_and_nothing_changes() {
        List<CustomerBinding> customers = customersOf(LEAVER, 2);
        DepartureResult r = DepartureTransfer.of(engine, DepartureRule.LEAST_LOADED)
                .depart(LEAVER, customers, List.of(roster.get(0)), T);
        assertThat(((Outcome.Rejected) r.outcome()).reason()).isEqualTo(RejectReason.NO_TAKER);
        assertThat(r.customers()).isEqualTo(customers);
    }

    @Test
    void regression_no_commission_is_paid_twice_old_orders_stay_with_the_leaver_new_ones_go_to_the_taker() {
        CommissionPlan plan = CommissionPlan.builder().defaultPercent(BigDecimal.TEN).build();
        AttributionPolicy credit = AttributionPolicy.ofDefaults();
        CustomerBinding before = customersOf(LEAVER, 1).get(0);
        Order old = order("O1", "M0", T.plus(Duration.ofDays(2)), "S1", line(1, "S1", "B1", "shoes", 2, "100.00"));
        OrderCommission oldCommission = plan.commission(old, credit.attribute(old, OrderTouches.none(), before),
                DistributionNetwork.none());
        CustomerBinding after = DepartureTransfer.of(engine, DepartureRule.LEAST_LOADED)
                .depart(LEAVER, List.of(before), roster, T.plus(Duration.ofDays(5))).customers().get(0);
        Order next = order("O2", "M0", T.plus(Duration.ofDays(6)), "S1", line(1, "S1", "B1", "shoes", 1, "100.00"));
        OrderCommission nextCommission = plan.commission(next, credit.attribute(next, OrderTouches.none(), after),
                DistributionNetwork.none());
        assertThat(oldCommission.byGuide()).containsOnlyKeys(LEAVER);
        assertThat(nextCommission.byGuide()).containsOnlyKeys(GuideId.of("c"));
        RefundCommission back = plan.refund(oldCommission, old, refund("R1", old, T.plus(Duration.ofDays(7)), 1, 1));
        assertThat(back.clawbacks()).singleElement().satisfies(c -> assertThat(c.guide()).isEqualTo(LEAVER));
    }
}
