package dev.siyu.coupons.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Limits;
import dev.siyu.coupons.template.Validity;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failure modes F4 and F14: crashes between the two writes of a step, lost replies, retries. */
class CouponLedgerFaultTest {

    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final CouponTemplateId TEN = CouponTemplateId.of("ten");
    static final MemberId ANN = MemberId.of("ann");
    static final MemberId BOB = MemberId.of("bob");

    final FaultyStore<MemberId, MemberCoupons> wallets = new FaultyStore<>(new InMemoryVersionedStore<>());
    final FaultyStore<CouponTemplateId, TemplateUsage> usage = new FaultyStore<>(new InMemoryVersionedStore<>());
    final CouponLedger ledger = new CouponLedger(List.of(CouponTemplate.builder(TEN,
            new Benefit.NoThreshold(Money.cny("10"))).validity(Validity.daysAfterIssue(7, ZoneId.of("Asia/Shanghai")))
            .limits(new Limits(0, 0, 1, Optional.empty())).build()), wallets, usage);

    Coupon issue(MemberId m, String id) {
        ledger.issue(OperationId.of("issue-" + id), m, CouponId.of(id), TEN, T0);
        return ledger.wallet(m).coupon(CouponId.of(id)).orElseThrow().coupon();
    }

    static AppliedCoupon use(Coupon c) {
        return new AppliedCoupon(c, Money.cny("10"), List.of(new LineShare(1, Money.cny("10"))));
    }

    @Test
    void a_crash_after_the_hold_and_before_the_wallet_write_is_completed_by_a_retry_without_double_counting() {
        Coupon c = issue(ANN, "a");
        wallets.failNext(FaultyStore.When.BEFORE_WRITE, op -> op.value().startsWith("reserve:"));
        assertThatThrownBy(() -> ledger.reserve(OperationId.of("o1"), ANN, OrderId.of("O1"), use(c), T0,
                T0.plusSeconds(60))).isInstanceOf(FaultyStore.InjectedFault.class);
        assertThat(ledger.usage(TEN).redemptionsAt(T0)).isEqualTo(1);
        assertThat(ledger.reserve(OperationId.of("o1"), ANN, OrderId.of("O1"), use(c), T0, T0.plusSeconds(60))
                .outcome()).isInstanceOf(CouponOutcome.Applied.class);
        assertThat(ledger.usage(TEN).holds()).hasSize(1);
        assertThat(ledger.commit(OperationId.of("o1"), ANN, c.id(), T0.plusSeconds(1)).outcome())
                .isInstanceOf(CouponOutcome.Applied.class);
        assertThat(ledger.usage(TEN).redeemed()).isEqualTo(1);
    }

    @Test
    void a_crash_after_reserve_that_is_never_retried_expires_and_frees_the_limit() {
        Coupon a = issue(ANN, "a");
        Coupon b = issue(BOB, "b");
        wallets.failNext(FaultyStore.When.BEFORE_WRITE, op -> op.value().startsWith("reserve:"));
        assertThatThrownBy(() -> ledger.reserve(OperationId.of("o1"), ANN, OrderId.of("O1"), use(a), T0,
                T0.plusSeconds(60))).isInstanceOf(FaultyStore.InjectedFault.class);
        CouponResult blocked = ledger.redeem(OperationId.of("o2"), BOB, OrderId.of("O2"), use(b), T0.plusSeconds(30));
        assertThat(((CouponOutcome.Rejected) blocked.outcome()).reason())
                .isEqualTo(CouponOutcome.Reason.REDEMPTION_LIMIT_REACHED);
        assertThat(ledger.redeem(OperationId.of("o3"), BOB, OrderId.of("O2"), use(b), T0.plusSeconds(61)).outcome())
                .isInstanceOf(CouponOutcome.Applied.class);
        assertThat(ledger.usage(TEN).redeemed()).isEqualTo(1);
    }

    @Test
    void a_lost_reply_after_commit_is_retried_into_a_duplicate_with_no_double_use() {
        Coupon c = issue(ANN, "a");
        ledger.reserve(OperationId.of("o1"), ANN, OrderId.of("O1"), use(c), T0, T0.plusSeconds(60));
        wallets.failNext(FaultyStore.When.AFTER_WRITE, op -> op.value().startsWith("commit:"));
        assertThatThrownBy(() -> ledger.commit(OperationId.of("o1"), ANN, c.id(), T0.plusSeconds(1)))
                .isInstanceOf(FaultyStore.InjectedFault.class);
        assertThat(ledger.commit(OperationId.of("o1"), ANN, c.id(), T0.plusSeconds(2)).outcome())
                .isInstanceOf(CouponOutcome.Duplicate.class);
        assertThat(ledger.redeem(OperationId.of("o1"), ANN, OrderId.of("O1"), use(c), T0.plusSeconds(3)).outcome())
                .isInstanceOf(CouponOutcome.Duplicate.class);
        assertThat(ledger.usage(TEN).redeemed()).isEqualTo(1);
        assertThat(ledger.wallet(ANN).coupon(c.id()).orElseThrow().redemptions()).hasSize(1);
    }

    @Test
    void a_crash_between_the_template_commit_and_the_wallet_commit_is_finished_by_a_retry() {
        Coupon c = issue(ANN, "a");
        ledger.reserve(OperationId.of("o1"), ANN, OrderId.of("O1"), use(c), T0, T0.plusSeconds(60));
        wallets.failNext(FaultyStore.When.BEFORE_WRITE, op -> op.value().startsWith("commit:"));
        assertThatThrownBy(() -> ledger.commit(OperationId.of("o1"), ANN, c.id(), T0.plusSeconds(1)))
                .isInstanceOf(FaultyStore.InjectedFault.class);
        assertThat(ledger.usage(TEN).redeemed()).isEqualTo(1);
        assertThat(ledger.commit(OperationId.of("o1"), ANN, c.id(), T0.plusSeconds(2)).outcome())
                .isInstanceOf(CouponOutcome.Applied.class);
        assertThat(ledger.usage(TEN).redeemed()).isEqualTo(1);
        assertThat(ledger.wallet(ANN).coupon(c.id()).orElseThrow().used()).isTrue();
    }

    @Test
    void a_lost_reply_on_issue_is_retried_into_a_duplicate_counted_once() {
        usage.failNext(FaultyStore.When.AFTER_WRITE, op -> op.value().startsWith("issue:"));
        assertThatThrownBy(() -> ledger.issue(OperationId.of("i"), ANN, CouponId.of("a"), TEN, T0))
                .isInstanceOf(FaultyStore.InjectedFault.class);
        assertThat(ledger.issue(OperationId.of("i"), ANN, CouponId.of("a"), TEN, T0).outcome())
                .isInstanceOf(CouponOutcome.Applied.class);
        assertThat(ledger.issue(OperationId.of("i"), ANN, CouponId.of("a"), TEN, T0).outcome())
                .isInstanceOf(CouponOutcome.Duplicate.class);
        assertThat(ledger.usage(TEN).issued()).isEqualTo(1);
    }
}
