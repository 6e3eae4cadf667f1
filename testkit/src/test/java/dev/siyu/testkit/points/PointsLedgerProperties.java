package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.event.MembershipEvent;
import dev.siyu.core.event.PointsReturned;
import dev.siyu.core.event.PointsReversed;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.Refund;
import dev.siyu.core.points.ExpiryPolicy;
import dev.siyu.core.points.NegativeBalancePolicy;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLot;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointsLedgerProperties {

    private static final MemberId M = MemberId.of("M1");
    private static final int EXAMPLES = 200;

    private static PointsProgram withPolicy(PointsProgram p, NegativeBalancePolicy policy) {
        return p.toBuilder().negativeBalance(policy).build();
    }

    @Test
    void balance_equals_the_sum_of_ledger_entries_after_every_step() {
        qt().withExamples(EXAMPLES).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 40)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsAccount account = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        account = engine.apply(account, c).account();
                        assertThat(account.balance()).isEqualTo(account.totals().net());
                        long held = account.lots().stream().mapToLong(PointsLot::remaining).sum();
                        if (program.negativeBalance() != NegativeBalancePolicy.ALLOW) {
                            assertThat(held).isEqualTo(account.balance());
                        }
                        assertThat(account.lots()).allSatisfy(l -> assertThat(l.remaining()).isBetween(1L, l.points()));
                    }
                });
    }

    @Test
    void the_balance_never_goes_negative_under_deny_or_clamp() {
        qt().withExamples(EXAMPLES).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 40)),
                gen(r -> r.nextBoolean() ? NegativeBalancePolicy.DENY : NegativeBalancePolicy.CLAMP))
                .checkAssert((program, commands, policy) -> {
                    PointsEngine engine = PointsEngine.of(withPolicy(program, policy));
                    PointsAccount account = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        account = engine.apply(account, c).account();
                        assertThat(account.balance()).isGreaterThanOrEqualTo(0);
                        if (policy == NegativeBalancePolicy.DENY) {
                            assertThat(account.debt()).isZero();
                        }
                    }
                });
    }

    @Test
    void a_replay_returns_the_recorded_outcome_and_changes_nothing() {
        qt().withExamples(EXAMPLES).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 30)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsAccount account = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        PointsResult first = engine.apply(account, c);
                        account = first.account();
                        PointsResult replay = engine.apply(account, c);
                        assertThat(replay.account()).isSameAs(account);
                        assertThat(replay.events()).isEmpty();
                        PointsOutcome recorded = first.outcome() instanceof PointsOutcome.Duplicate d ? d.recorded()
                                : first.outcome() instanceof PointsOutcome.Conflict x ? null : first.outcome().asRecorded();
                        if (recorded != null) {
                            assertThat(replay.outcome()).isEqualTo(new PointsOutcome.Duplicate(recorded));
                            assertThat(account.outcomeOf(c.operation())).contains(recorded);
                        }
                    }
                });
    }

    @Test
    void refunding_a_whole_order_in_any_steps_reverses_its_earn_and_returns_its_points() {
        qt().withExamples(EXAMPLES).forAll(gen(PointsGenerators::program),
                gen(r -> PointsGenerators.order(r, M, OrderId.of("O1"), PointsGenerators.START.plus(Duration.ofDays(12)))),
                gen(r -> r.nextLong()))
                .checkAssert((generated, order, seed) -> {
                    PointsProgram program = generated.toBuilder().maxPerOrder(Long.MAX_VALUE).maxPerDay(Long.MAX_VALUE)
                            .maxSharePercent(BigDecimal.valueOf(100)).redeemStep(1).expiry(ExpiryPolicy.never())
                            .negativeBalance(NegativeBalancePolicy.DENY).build();
                    PointsEngine engine = PointsEngine.of(program);
                    Order funding = PointsGenerators.order(new java.util.SplittableRandom(seed), M, OrderId.of("F"),
                            PointsGenerators.START);
                    PointsAccount account = engine.apply(PointsAccount.empty(M), new PointsCommand.Earn(
                            OperationId.of("fund"), funding.placedAt(), funding, PointsGenerators.profile(
                                    new java.util.SplittableRandom(seed), M), Optional.empty())).account();
                    long funded = account.balance();
                    long paid = 0;
                    if (order.pointsSpent() > 0) {
                        PointsResult pay = engine.apply(account, new PointsCommand.RedeemForPayment(OperationId.of("pay"),
                                order.placedAt(), order.id(), order.net(), order.pointsSpent()));
                        account = pay.account();
                        paid = pay.outcome() instanceof PointsOutcome.Applied ? order.pointsSpent() : 0;
                    }
                    PointsResult earn = engine.apply(account, new PointsCommand.Earn(OperationId.of("earn"),
                            order.placedAt(), order, PointsGenerators.profile(new java.util.SplittableRandom(seed), M),
                            Optional.empty()));
                    account = earn.account();
                    long earned = ((PointsOutcome.Applied) earn.outcome()).balanceChange();
                    long reversed = 0;
                    long returned = 0;
                    for (Refund refund : PointsGenerators.refundsReturningAll(new java.util.SplittableRandom(seed), order,
                            "R", order.placedAt().plus(Duration.ofDays(1)))) {
                        PointsResult r = engine.apply(account, PointsCommand.RefundOrder.of(order, refund));
                        assertThat(r.outcome()).isInstanceOf(PointsOutcome.Applied.class);
                        account = r.account();
                        for (MembershipEvent e : r.events()) {
                            if (e instanceof PointsReversed x) {
                                reversed += x.points() + x.debt();
                            } else if (e instanceof PointsReturned x) {
                                returned += x.points();
                            }
                        }
                    }
                    assertThat(reversed).isEqualTo(earned);
                    assertThat(returned).isEqualTo(paid);
                    assertThat(account.balance()).isEqualTo(funded);
                });
    }

    @Test
    void refunds_do_not_depend_on_the_sequence_the_order_lists_its_lines_in() {
        qt().withExamples(EXAMPLES).forAll(gen(PointsGenerators::program),
                gen(r -> PointsGenerators.order(r, M, OrderId.of("O1"), PointsGenerators.START.plus(Duration.ofDays(12)))),
                gen(r -> r.nextLong()))
                .checkAssert((program, order, seed) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    java.util.List<dev.siyu.core.order.OrderLine> shuffled = new java.util.ArrayList<>(order.lines());
                    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
                    Order relisted = new Order(order.id(), order.member(), order.placedAt(), order.store(), order.channel(),
                            shuffled, order.tenders());
                    PointsCommand.Earn earn = new PointsCommand.Earn(OperationId.of("earn"), order.placedAt(), order,
                            PointsGenerators.profile(new java.util.SplittableRandom(seed), M), Optional.empty());
                    PointsAccount plain = engine.apply(PointsAccount.empty(M), earn).account();
                    PointsAccount other = plain;
                    for (Refund refund : PointsGenerators.refundsReturningAll(new java.util.SplittableRandom(seed), order,
                            "R", order.placedAt().plus(Duration.ofDays(1)))) {
                        PointsResult a = engine.apply(plain, PointsCommand.RefundOrder.of(order, refund));
                        PointsResult b = engine.apply(other, PointsCommand.RefundOrder.of(relisted, refund));
                        assertThat(b.outcome().asRecorded()).isEqualTo(a.outcome().asRecorded());
                        assertThat(b.events()).hasSameSizeAs(a.events());
                        plain = a.account();
                        other = b.account();
                        assertThat(other.balance()).isEqualTo(plain.balance());
                        assertThat(other.totals()).isEqualTo(plain.totals());
                        assertThat(other.lots()).isEqualTo(plain.lots());
                    }
                });
    }

    @Test
    void redemptions_consume_available_lots_earliest_expiry_first() {
        qt().withExamples(EXAMPLES).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 40)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsAccount account = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        PointsResult r = engine.apply(account, c);
                        boolean redeem = c instanceof PointsCommand.RedeemForReward || c instanceof PointsCommand.RedeemForPayment;
                        if (redeem && r.outcome() instanceof PointsOutcome.Applied) {
                            checkEarliestFirst(account, r.account(), LocalDate.ofInstant(c.at(), program.zone()));
                        }
                        account = r.account();
                    }
                });
    }

    /**
     * The expiry dates drawn on are the first available ones in expiry order; all but the last drawn
     * on are used up. Compared per expiry date (never-expiring last), not per lot: lots of one expiry
     * date that are available are merged into one (points of one expiry date are fungible).
     */
    private static void checkEarliestFirst(PointsAccount before, PointsAccount after, LocalDate date) {
        java.util.TreeMap<LocalDate, long[]> byExpiry = new java.util.TreeMap<>();
        for (PointsLot l : before.lots()) {
            long[] v = byExpiry.computeIfAbsent(l.expiresOn().orElse(LocalDate.MAX), k -> new long[4]);
            v[l.isAvailableOn(date) ? 0 : 2] += l.remaining();
        }
        for (PointsLot l : after.lots()) {
            long[] v = byExpiry.computeIfAbsent(l.expiresOn().orElse(LocalDate.MAX), k -> new long[4]);
            v[l.isAvailableOn(date) ? 1 : 3] += l.remaining();
        }
        boolean untouchedSeen = false;
        for (var e : byExpiry.entrySet()) {
            long[] v = e.getValue();
            boolean touched = v[1] < v[0];
            assertThat(touched && untouchedSeen).as("expiry %s drawn on after an earlier expiry was left", e.getKey())
                    .isFalse();
            if (v[1] > 0) {
                untouchedSeen = true;
            }
            assertThat(v[3]).as("pending points of expiry %s are not spent", e.getKey()).isEqualTo(v[2]);
        }
        List<PointsLot> available = before.lots().stream().filter(l -> l.isAvailableOn(date)).toList();
        for (int i = 1; i < available.size(); i++) {
            PointsLot a = available.get(i - 1);
            PointsLot b = available.get(i);
            if (a.expiresOn().isPresent() && b.expiresOn().isPresent()) {
                assertThat(a.expiresOn().get()).isBeforeOrEqualTo(b.expiresOn().get());
            } else {
                assertThat(b.expiresOn()).isEmpty();
            }
        }
    }

    @Test
    void expiry_takes_only_points_left_in_expired_lots() {
        qt().withExamples(EXAMPLES).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 40)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsAccount account = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        PointsResult r = engine.apply(account, c);
                        if (c instanceof PointsCommand.Expire && r.outcome() instanceof PointsOutcome.Applied a) {
                            LocalDate d = LocalDate.ofInstant(c.at(), program.zone());
                            long left = account.lots().stream().filter(l -> l.isExpiredOn(d)).mapToLong(PointsLot::remaining).sum();
                            assertThat(-a.balanceChange()).isEqualTo(left);
                            assertThat(r.account().totals().expired() - account.totals().expired()).isEqualTo(left);
                            assertThat(r.account().totals().redeemed()).isEqualTo(account.totals().redeemed());
                            assertThat(r.account().lots()).noneMatch(l -> l.isExpiredOn(d));
                        }
                        account = r.account();
                    }
                });
    }

    static Instant at(int days) {
        return PointsGenerators.START.plus(Duration.ofDays(days));
    }
}
