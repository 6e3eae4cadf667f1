package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.event.PointsEarned;
import dev.siyu.core.event.PointsReversed;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.tier.DowngradeRule;
import dev.siyu.core.tier.QualificationWindow;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.Tier;
import dev.siyu.core.tier.TierBenefits;
import dev.siyu.core.tier.TierOutcome;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierResult;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.core.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Points and tiers driven together, as a host drives them: random sequences of earn, payment and
 * reward redemptions, partial and full refunds, expiry sweeps with a tier evaluation, replays and
 * conflicts. After every step the points account matches {@link PointsModel} and the tier status
 * matches a brute-force reading of the qualifying history (rolling 12 months of net spend).
 */
class MembershipStateMachineProperties {

    private static final MemberId M = MemberId.of("M1");
    private static final List<Tier> LADDER = List.of(
            new Tier(TierId.of("BASIC"), "普卡", 0, 0, TierBenefits.none()),
            new Tier(TierId.of("SILVER"), "银卡", 50_000, 30_000, TierBenefits.none()),
            new Tier(TierId.of("GOLD"), "金卡", 300_000, 200_000, TierBenefits.none()));
    private static final TierProgram TIERS = ladder();

    private static TierProgram ladder() {
        TierProgram.Builder builder = TierProgram.builder().window(QualificationWindow.rollingMonths(12))
                .grace(Period.ofDays(20)).downgrade(DowngradeRule.ONE_TIER);
        LADDER.forEach(builder::tier);
        return builder.build();
    }

    /** One qualifying fact as the brute-force reference sees it. */
    private record Fact(LocalDate countsOn, long spend) {
    }

    private static int rank(TierId tier) {
        for (int i = 0; i < LADDER.size(); i++) {
            if (LADDER.get(i).id().equals(tier)) {
                return i;
            }
        }
        throw new AssertionError("unknown tier " + tier);
    }

    private static TierId bruteForceEarned(List<Fact> facts, Instant asOf) {
        LocalDate end = BusinessClock.fixed(asOf, BusinessClock.SHANGHAI).today();
        LocalDate start = end.minusMonths(12).plusDays(1);
        long spend = facts.stream().filter(f -> !f.countsOn().isBefore(start) && !f.countsOn().isAfter(end))
                .mapToLong(Fact::spend).sum();
        TierId earned = LADDER.get(0).id();
        for (Tier tier : LADDER) {
            if (spend >= tier.threshold()) {
                earned = tier.id();
            }
        }
        return earned;
    }

    @Test
    void points_and_tiers_match_their_references_after_every_step() {
        qt().withExamples(200).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 60)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsModel model = new PointsModel(program);
                    PointsAccount account = PointsAccount.empty(M);
                    Instant begin = commands.get(0).at();
                    TierStatus status = TIERS.enroll(PointsGenerators.profile(new java.util.SplittableRandom(1), M), begin).status();
                    List<Fact> facts = new ArrayList<>();
                    Map<OrderId, Map<Integer, Integer>> returned = new HashMap<>();
                    Instant clock = begin;
                    int step = 0;
                    for (PointsCommand c : commands) {
                        String where = "step " + step++ + " " + c.operation();
                        clock = c.at().isAfter(clock) ? c.at() : clock;
                        PointsModel.Expect expect = model.apply(c);
                        PointsResult result = engine.apply(account, c);
                        account = result.account();
                        assertThat(account.balance()).as(where).isEqualTo(model.balance()).isEqualTo(account.totals().net());
                        assertThat(account.debt()).as(where).isEqualTo(model.debt);
                        boolean applied = result.outcome() instanceof PointsOutcome.Applied;
                        assertThat(applied).as(where).isEqualTo(expect.kind() == PointsModel.Kind.APPLIED);

                        TierStatus before = status;
                        TierResult tier = null;
                        if (applied && c instanceof PointsCommand.Earn earn) {
                            long points = result.events().stream().filter(PointsEarned.class::isInstance)
                                    .mapToLong(e -> ((PointsEarned) e).points()).sum();
                            tier = TIERS.record(status, QualifyingActivity.of(earn.order(), points), clock);
                            facts.add(new Fact(date(earn.order().placedAt()), earn.order().net().minor()));
                            assertThat(rank(tier.status().tier())).as(where + ": a purchase never lowers the tier")
                                    .isGreaterThanOrEqualTo(rank(before.tier()));
                        } else if (applied && c instanceof PointsCommand.RefundOrder refund) {
                            Order order = refund.order();
                            Map<Integer, Integer> counts = returned.computeIfAbsent(order.id(), o -> new HashMap<>());
                            Money amount = Money.zero(order.currency());
                            for (RefundLine line : refund.refund().lines()) {
                                OrderLine sold = order.line(line.lineNo()).orElseThrow();
                                int already = counts.getOrDefault(line.lineNo(), 0);
                                amount = amount.plus(sold.netForUnits(already, line.quantity()));
                                counts.put(line.lineNo(), already + line.quantity());
                            }
                            boolean whole = order.lines().stream()
                                    .allMatch(l -> counts.getOrDefault(l.lineNo(), 0) == l.quantity());
                            long reversed = result.events().stream().filter(PointsReversed.class::isInstance)
                                    .mapToLong(e -> ((PointsReversed) e).points() + ((PointsReversed) e).debt()).sum();
                            tier = TIERS.record(status, QualifyingActivity.refund(OperationId.of(c.operation().value() + ":tier"),
                                    order.placedAt(), clock, amount, reversed, whole), clock);
                            facts.add(new Fact(date(order.placedAt()), -amount.minor()));
                            assertThat(tier.status().tier()).as(where + ": a refund never downgrades at once")
                                    .isEqualTo(before.tier());
                        } else if (c instanceof PointsCommand.Expire) {
                            tier = TIERS.evaluate(status, OperationId.of(c.operation().value() + ":eval"), clock);
                            assertThat(rank(tier.status().tier())).as(where + ": an evaluation moves at most one tier down")
                                    .isGreaterThanOrEqualTo(rank(before.tier()) - 1);
                        } else if (c instanceof PointsCommand.RedeemForReward || c instanceof PointsCommand.RedeemForPayment) {
                            // spending points is not a tier input: the decision the next evaluation would take is unchanged
                            assertThat(TIERS.projectedTier(status, clock)).as(where).isEqualTo(TIERS.projectedTier(before, clock));
                        }
                        if (tier != null) {
                            assertThat(tier.outcome()).as(where).isInstanceOf(TierOutcome.Applied.class);
                            status = tier.status();
                        }
                        TierId earned = bruteForceEarned(facts, clock);
                        assertThat(TIERS.earnedTier(status, clock)).as(where).isEqualTo(earned);
                        assertThat(rank(status.tier())).as(where + ": never below the earned tier")
                                .isGreaterThanOrEqualTo(rank(earned));
                    }
                });
    }

    private static LocalDate date(Instant at) {
        return BusinessClock.fixed(at, BusinessClock.SHANGHAI).today();
    }
}
