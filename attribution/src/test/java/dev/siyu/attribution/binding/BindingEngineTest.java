package dev.siyu.attribution.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.RejectReason;
import dev.siyu.attribution.event.CustomerTransferred;
import dev.siyu.attribution.event.GuideBound;
import dev.siyu.attribution.event.TransferScheduled;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.StoreId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BindingEngineTest {

    static final MemberId M = MemberId.of("M1");
    static final GuideId A = GuideId.of("A");
    static final GuideId B = GuideId.of("B");
    static final GuideId C = GuideId.of("C");
    static final BindingScope S1 = BindingScope.store(StoreId.of("S1"));
    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

    static Instant day(int d) {
        return T0.plus(Duration.ofDays(d));
    }

    static OperationId op(String s) {
        return OperationId.of(s);
    }

    static Outcome.Rejected rejected(BindingResult r) {
        assertThat(r.outcome()).isInstanceOf(Outcome.Rejected.class);
        return (Outcome.Rejected) r.outcome();
    }

    @Nested
    class FirstAdd {
        final BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());

        @Test
        void the_first_guide_added_binds_and_a_second_add_is_refused() {
            BindingResult first = engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.ADD, T0), op("1"));
            assertThat(first.outcome().isApplied()).isTrue();
            assertThat(first.events()).singleElement().isInstanceOf(GuideBound.class);
            BindingResult second = engine.touch(first.binding(), new Touch(M, B, S1, TouchKind.ADD, day(60)), op("2"));
            assertThat(rejected(second).reason()).isEqualTo(RejectReason.ALREADY_BOUND);
            assertThat(second.binding().guideAt(S1, day(61))).contains(A);
            assertThat(second.events()).isEmpty();
        }

        @Test
        void an_interaction_does_not_bind_under_first_add() {
            BindingResult r = engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.INTERACTION, T0), op("1"));
            assertThat(rejected(r).reason()).isEqualTo(RejectReason.TOUCH_DOES_NOT_BIND);
            assertThat(r.binding().guideAt(S1, T0)).isEmpty();
        }

        @Test
        void exclusivity_is_per_store_so_another_store_may_have_another_guide() {
            BindingScope s2 = BindingScope.store(StoreId.of("S2"));
            CustomerBinding c = engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.ADD, T0), op("1")).binding();
            c = engine.touch(c, new Touch(M, B, s2, TouchKind.ADD, T0), op("2")).binding();
            assertThat(c.guideAt(S1, day(1))).contains(A);
            assertThat(c.guideAt(s2, day(1))).contains(B);
        }

        @Test
        void a_scope_of_the_wrong_kind_is_a_caller_error() {
            assertThatThrownBy(() -> engine.touch(CustomerBinding.empty(M),
                    new Touch(M, A, BindingScope.brand(BrandId.of("B1")), TouchKind.ADD, T0), op("1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scope kind must be STORE");
        }
    }

    @Nested
    class LastTouchWithProtectionAndValidity {
        final BindingEngine engine = BindingEngine.of(BindingPolicy.builder().mode(BindingMode.LAST_TOUCH)
                .protection(Duration.ofDays(15)).validity(Duration.ofDays(90)).build());

        @Test
        void another_guide_cannot_take_a_protected_customer_but_can_after_protection() {
            CustomerBinding c = engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.ADD, T0), op("1")).binding();
            BindingResult poach = engine.touch(c, new Touch(M, B, S1, TouchKind.INTERACTION, day(10)), op("2"));
            assertThat(rejected(poach).reason()).isEqualTo(RejectReason.PROTECTED);
            BindingResult later = engine.touch(poach.binding(), new Touch(M, B, S1, TouchKind.INTERACTION, day(16)), op("3"));
            assertThat(later.outcome().isApplied()).isTrue();
            assertThat(later.binding().guideAt(S1, day(16))).contains(B);
            assertThat(later.binding().history()).extracting(BindingChange::cause).containsExactly("BOUND", "REBOUND");
            assertThat(((GuideBound) later.events().get(0)).previous()).contains(A);
        }

        @Test
        void a_touch_by_the_holder_renews_protection_and_validity() {
            CustomerBinding c = engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.ADD, T0), op("1")).binding();
            BindingResult renew = engine.touch(c, new Touch(M, A, S1, TouchKind.ORDER, day(80)), op("2"));
            assertThat(renew.outcome()).isInstanceOf(Outcome.Applied.class);
            assertThat(((Outcome.Applied) renew.outcome()).explanation().code()).isEqualTo("BINDING_RENEWED");
            assertThat(renew.binding().guideAt(S1, day(120))).contains(A);
            assertThat(rejected(engine.touch(renew.binding(), new Touch(M, B, S1, TouchKind.ADD, day(90)), op("3")))
                    .reason()).isEqualTo(RejectReason.PROTECTED);
        }

        @Test
        void a_binding_lapses_after_its_validity_and_anyone_can_bind_again() {
            CustomerBinding c = engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.ADD, T0), op("1")).binding();
            assertThat(c.guideAt(S1, day(89))).contains(A);
            assertThat(c.guideAt(S1, day(90))).isEmpty();
            BindingResult r = engine.touch(c, new Touch(M, B, S1, TouchKind.ADD, day(91)), op("2"));
            assertThat(r.binding().history().get(1).cause()).isEqualTo("LAPSED_REBOUND");
        }
    }

    @Nested
    class OrderBased {
        final BindingEngine engine = BindingEngine.of(BindingPolicy.builder().mode(BindingMode.ORDER_BASED)
                .protection(Duration.ZERO).build());

        @Test
        void only_a_served_order_binds_and_the_latest_served_order_rebinds() {
            CustomerBinding c = CustomerBinding.empty(M);
            assertThat(rejected(engine.touch(c, new Touch(M, A, S1, TouchKind.ADD, T0), op("1"))).reason())
                    .isEqualTo(RejectReason.TOUCH_DOES_NOT_BIND);
            c = engine.touch(c, new Touch(M, A, S1, TouchKind.ORDER, T0), op("2")).binding();
            c = engine.touch(c, new Touch(M, B, S1, TouchKind.ORDER, day(3)), op("3")).binding();
            assertThat(c.guideAt(S1, day(3))).contains(B);
        }
    }

    @Nested
    class Idempotency {
        final BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());

        @Test
        void a_replay_changes_nothing_and_returns_the_recorded_outcome() {
            Touch touch = new Touch(M, A, S1, TouchKind.ADD, T0);
            BindingResult first = engine.touch(CustomerBinding.empty(M), touch, op("1"));
            BindingResult again = engine.touch(first.binding(), touch, op("1"));
            assertThat(again.binding()).isSameAs(first.binding());
            assertThat(again.events()).isEmpty();
            assertThat(again.outcome()).isEqualTo(new Outcome.Duplicate(first.outcome()));
        }

        @Test
        void the_same_operation_with_another_payload_is_a_conflict() {
            BindingResult first = engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.ADD, T0), op("1"));
            BindingResult other = engine.touch(first.binding(), new Touch(M, B, S1, TouchKind.ADD, T0), op("1"));
            assertThat(other.outcome()).isInstanceOf(Outcome.Conflict.class);
            assertThat(other.binding()).isSameAs(first.binding());
        }
    }

    @Nested
    class OnDutyTransfer {
        final BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());

        CustomerBinding boundToA() {
            return engine.touch(CustomerBinding.empty(M), new Touch(M, A, S1, TouchKind.ADD, T0), op("add")).binding();
        }

        @Test
        void the_taker_takes_over_after_24_hours() {
            BindingResult r = engine.transferOnDuty(boundToA(), S1, B, day(1), op("t1"));
            assertThat(r.events()).singleElement().isInstanceOf(TransferScheduled.class);
            assertThat(r.binding().guideAt(S1, day(1).plus(Duration.ofHours(23)))).contains(A);
            assertThat(r.binding().guideAt(S1, day(2))).contains(B);
        }

        @Test
        void a_third_transfer_within_90_days_is_refused_and_allowed_after_the_window() {
            CustomerBinding c = engine.transferOnDuty(boundToA(), S1, B, day(1), op("t1")).binding();
            c = engine.transferOnDuty(c, S1, C, day(5), op("t2")).binding();
            BindingResult third = engine.transferOnDuty(c, S1, A, day(10), op("t3"));
            assertThat(rejected(third).reason()).isEqualTo(RejectReason.TRANSFER_LIMIT);
            assertThat(third.binding().guideAt(S1, day(10))).contains(C);
            assertThat(third.events()).hasSize(1).first().isInstanceOf(CustomerTransferred.class);
            BindingResult later = engine.transferOnDuty(third.binding(), S1, A, day(92), op("t4"));
            assertThat(later.outcome().isApplied()).isTrue();
            assertThat(later.binding().history()).extracting(BindingChange::cause)
                    .containsExactly("BOUND", "TRANSFERRED_ON_DUTY", "TRANSFERRED_ON_DUTY");
        }

        @Test
        void a_second_request_while_one_is_pending_is_refused() {
            CustomerBinding c = engine.transferOnDuty(boundToA(), S1, B, day(1), op("t1")).binding();
            assertThat(rejected(engine.transferOnDuty(c, S1, C, day(1).plusSeconds(60), op("t2"))).reason())
                    .isEqualTo(RejectReason.TRANSFER_PENDING);
        }

        @Test
        void an_unbound_customer_or_the_same_guide_cannot_be_transferred() {
            assertThat(rejected(engine.transferOnDuty(CustomerBinding.empty(M), S1, B, T0, op("t"))).reason())
                    .isEqualTo(RejectReason.NOT_BOUND);
            assertThat(rejected(engine.transferOnDuty(boundToA(), S1, A, day(1), op("t"))).reason())
                    .isEqualTo(RejectReason.SAME_GUIDE_TRANSFER);
        }
    }
}
