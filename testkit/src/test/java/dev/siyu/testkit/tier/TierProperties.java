package dev.siyu.testkit.tier;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.event.TierChanged;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.money.Money;
import dev.siyu.core.tier.Metric;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.Tier;
import dev.siyu.core.tier.TierOutcome;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierResult;
import dev.siyu.core.tier.TierSnapshot;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.core.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TierProperties {

    private static final int EXAMPLES = 200;
    private static final int DAYS = 800;

    /** A program, a member, a history and how often the host evaluates. */
    record Scenario(TierProgram program, MemberProfile member, List<QualifyingActivity> history, int evaluateEvery) {
    }

    private static Scenario scenario(RandomGenerator random, TierProgram program) {
        return new Scenario(program, TierGenerators.member(random), TierGenerators.history(random, DAYS, 60),
                random.nextInt(7, 91));
    }

    private static final Gen<Scenario> SCENARIOS = gen(r -> scenario(r, TierGenerators.ladder(r)));

    /** One command of a run: what it was, the status before and the result. */
    record Step(boolean evaluation, QualifyingActivity activity, OperationId operation, Instant asOf,
            TierStatus before, TierResult result) {
    }

    /** Enrols, then records each fact at its time and evaluates every {@code evaluateEvery} days at 22:00. */
    private static List<Step> drive(Scenario s) {
        TierProgram p = s.program();
        List<Step> steps = new ArrayList<>();
        TierResult enrolled = p.enroll(s.member(), TierGenerators.at(0, 0).minusSeconds(1));
        steps.add(new Step(false, null, null, enrolled.status().since(), null, enrolled));
        TierStatus status = enrolled.status();
        int nextEvaluation = s.evaluateEvery();
        for (int i = 0; i <= s.history().size(); i++) {
            Instant until = i < s.history().size() ? s.history().get(i).at() : TierGenerators.at(DAYS + 400, 0);
            while (TierGenerators.at(nextEvaluation, 600).isBefore(until)) {
                Instant asOf = TierGenerators.at(nextEvaluation, 600);
                OperationId op = OperationId.of("eval-" + nextEvaluation);
                TierResult r = p.evaluate(status, op, asOf);
                steps.add(new Step(true, null, op, asOf, status, r));
                status = r.status();
                nextEvaluation += s.evaluateEvery();
            }
            if (i < s.history().size()) {
                QualifyingActivity a = s.history().get(i);
                TierResult r = p.record(status, a, a.at());
                steps.add(new Step(false, a, a.operation(), a.at(), status, r));
                status = r.status();
            }
        }
        return steps;
    }

    private static int rank(TierProgram p, TierId id) {
        return p.tiers().indexOf(p.tier(id).orElseThrow());
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, BusinessClock.SHANGHAI);
    }

    @Test
    void the_earned_tier_is_monotonic_in_qualifying_spend() {
        qt().withExamples(EXAMPLES)
                .forAll(gen(r -> scenario(r, TierGenerators.ladder(r, Metric.SPEND))),
                        gen(r -> new int[] {r.nextInt(DAYS * 24 * 60), r.nextInt(1, 500_000), r.nextInt(DAYS + 400)}))
                .checkAssert((s, extra) -> {
                    TierProgram p = s.program();
                    Instant end = TierGenerators.at(DAYS + 1, 0);
                    List<QualifyingActivity> more = new ArrayList<>(s.history());
                    more.add(QualifyingActivity.order(OperationId.of("extra"), TierGenerators.at(0, extra[0]),
                            Money.cnyMinor(extra[1]), 0));
                    TierStatus base = p.enroll(s.member(), end, s.history()).status();
                    TierStatus richer = p.enroll(s.member(), end, more).status();
                    Instant asOf = TierGenerators.at(extra[2], 0);

                    assertThat(p.qualify(richer, asOf).value()).isGreaterThanOrEqualTo(p.qualify(base, asOf).value());
                    assertThat(rank(p, p.earnedTier(richer, asOf))).isGreaterThanOrEqualTo(rank(p, p.earnedTier(base, asOf)));
                });
    }

    @Test
    void paying_with_points_instead_of_cash_never_changes_a_tier_decision() {
        qt().withExamples(EXAMPLES)
                .forAll(gen(r -> {
                    Scenario s = scenario(r, TierGenerators.ladder(r));
                    List<QualifyingActivity> cash = new ArrayList<>();
                    List<QualifyingActivity> points = new ArrayList<>();
                    int i = 0;
                    for (QualifyingActivity a : s.history()) {
                        if (a.kind() != QualifyingActivity.Kind.ORDER) {
                            continue;
                        }
                        long net = a.spend().minor();
                        String id = "order-" + i++;
                        cash.add(QualifyingActivity.of(TierGenerators.order(id, s.member().id(), a.at(), a.spend(), 0),
                                a.pointsEarned()));
                        points.add(QualifyingActivity.of(TierGenerators.order(id, s.member().id(), a.at(), a.spend(),
                                net == 0 ? 0 : r.nextLong(0, net + 1)), a.pointsEarned()));
                    }
                    return List.of(new Scenario(s.program(), s.member(), cash, s.evaluateEvery()),
                            new Scenario(s.program(), s.member(), points, s.evaluateEvery()));
                }))
                .checkAssert(pair -> {
                    List<Step> cash = drive(pair.get(0));
                    List<Step> points = drive(pair.get(1));
                    assertThat(points).hasSameSizeAs(cash);
                    for (int i = 0; i < cash.size(); i++) {
                        TierResult c = cash.get(i).result();
                        TierResult p = points.get(i).result();
                        assertThat(p.status().tier()).isEqualTo(c.status().tier());
                        assertThat(p.status().graceEndsOn()).isEqualTo(c.status().graceEndsOn());
                        assertThat(p.events()).isEqualTo(c.events());
                    }
                });
    }

    @Test
    void upgrades_are_immediate_and_downgrades_only_happen_at_evaluation() {
        qt().withExamples(EXAMPLES).forAll(SCENARIOS).checkAssert(s -> {
            TierProgram p = s.program();
            for (Step step : drive(s)) {
                TierStatus after = step.result().status();
                assertThat(rank(p, after.earnedTier()))
                        .as("holds at least the tier its activity earns")
                        .isGreaterThanOrEqualTo(rank(p, p.earnedTier(after, step.asOf())));
                if (step.before() != null && !step.evaluation()) {
                    assertThat(rank(p, after.tier())).as("a record never lowers the tier")
                            .isGreaterThanOrEqualTo(rank(p, step.before().tier()));
                    assertThat(step.result().events()).noneMatch(e -> e.kind() == TierChanged.Kind.DOWNGRADED);
                }
            }
        });
    }

    @Test
    void a_downgrade_never_happens_before_the_grace_period_ends() {
        qt().withExamples(EXAMPLES).forAll(SCENARIOS).checkAssert(s -> {
            TierProgram p = s.program();
            LocalDate graceStarted = null;
            for (Step step : drive(s)) {
                TierStatus before = step.before();
                TierStatus after = step.result().status();
                LocalDate today = date(step.asOf());
                if (before != null && before.graceEndsOn().isEmpty() && after.graceEndsOn().isPresent()) {
                    assertThat(after.graceEndsOn()).contains(today.plus(p.grace()));
                    graceStarted = today;
                }
                if (before != null && rank(p, after.earnedTier()) < rank(p, before.earnedTier())) {
                    LocalDate started = before.graceEndsOn().isPresent() ? graceStarted : today;
                    assertThat(today).as("downgraded on %s, grace started %s", today, started)
                            .isAfterOrEqualTo(started.plus(p.grace()));
                }
            }
        });
    }

    @Test
    void an_override_holds_through_its_date_then_the_earned_tier_applies_again() {
        qt().withExamples(EXAMPLES)
                .forAll(SCENARIOS, gen(r -> new int[] {r.nextInt(6), r.nextInt(0, 200), r.nextInt(1, 40), r.nextInt(1, 9)}))
                .checkAssert((s, o) -> {
                    TierProgram p = s.program();
                    List<Step> steps = drive(s);
                    TierStatus status = steps.get(steps.size() - 1).result().status();
                    TierId tier = p.tiers().get(o[0] % p.tiers().size()).id();
                    Instant setAt = status.lastDecisionAt().plusSeconds(3600);
                    LocalDate until = date(setAt).plusDays(o[1]);
                    TierResult set = p.override(status, OperationId.of("ov"), tier, until, "staff", setAt);
                    assertThat(set.status().tier()).isEqualTo(tier);
                    assertThat(set.events()).allSatisfy(e -> {
                        assertThat(e.kind()).isEqualTo(TierChanged.Kind.OVERRIDDEN);
                        assertThat(e.explanation().code()).isEqualTo("TIER_OVERRIDDEN");
                        assertThat(e.explanation().fact("until")).contains(until.toString());
                        assertThat(e.explanation().fact("earnedTier")).contains(set.status().earnedTier().value());
                    });
                    status = set.status();
                    for (LocalDate d = date(setAt); !d.isAfter(until); d = d.plusDays(o[2])) {
                        Instant asOf = d.atTime(23, 0).atZone(BusinessClock.SHANGHAI).toInstant();
                        TierId projected = p.projectedTier(status, asOf);
                        status = p.evaluate(status, OperationId.of("ov-eval-" + d), asOf).status();
                        assertThat(projected).isEqualTo(status.tier());
                        assertThat(status.tier()).isEqualTo(tier);
                    }
                    Instant after = until.plusDays(o[3]).atTime(23, 0).atZone(BusinessClock.SHANGHAI).toInstant();
                    TierId projected = p.projectedTier(status, after);
                    TierResult expired = p.evaluate(status, OperationId.of("after"), after);
                    assertThat(projected).isEqualTo(expired.status().tier());
                    assertThat(expired.status().override()).isEmpty();
                    assertThat(expired.status().tier()).isEqualTo(expired.status().earnedTier());
                    if (!expired.status().tier().equals(tier)) {
                        assertThat(expired.events()).singleElement().satisfies(e -> {
                            assertThat(e.kind()).isEqualTo(TierChanged.Kind.OVERRIDE_EXPIRED);
                            assertThat(e.from()).contains(tier);
                            assertThat(e.explanation().code()).isEqualTo("TIER_OVERRIDE_EXPIRED");
                            assertThat(e.explanation().because()).extracting(Explanation::code)
                                    .contains("OVERRIDE_EXPIRED");
                        });
                    }
                });
    }

    @Test
    void every_tier_change_carries_an_explanation_with_the_deciding_values() {
        qt().withExamples(EXAMPLES).forAll(SCENARIOS).checkAssert(s -> {
            TierProgram p = s.program();
            for (Step step : drive(s)) {
                for (TierChanged e : step.result().events()) {
                    Explanation why = e.explanation();
                    assertThat(why).isEqualTo(step.result().outcome().explanation());
                    assertThat(why.fact("to")).contains(e.to().value());
                    switch (e.kind()) {
                        case ENROLLED -> assertThat(why.facts()).containsKeys("value", "windowStart", "windowEnd");
                        case UPGRADED -> {
                            assertThat(why.code()).isEqualTo("TIER_UPGRADED");
                            assertThat(why.fact("from")).isEqualTo(e.from().map(TierId::value));
                            assertThat(parse(p, why.fact("value").orElseThrow()))
                                    .isGreaterThanOrEqualTo(tier(p, e.to()).threshold());
                            assertThat(why.facts()).containsKeys("metric", "windowStart", "windowEnd", "threshold");
                        }
                        case DOWNGRADED -> {
                            assertThat(why.code()).isEqualTo("TIER_DOWNGRADED");
                            assertThat(parse(p, why.fact("value").orElseThrow()))
                                    .isLessThan(tier(p, e.from().orElseThrow()).retention());
                            assertThat(LocalDate.parse(why.fact("graceEndsOn").orElseThrow()))
                                    .isBeforeOrEqualTo(date(step.asOf()));
                            assertThat(why.facts()).containsKeys("metric", "windowStart", "windowEnd", "retention");
                        }
                        default -> throw new AssertionError("unexpected kind in a run without overrides: " + e);
                    }
                }
            }
        });
    }

    @Test
    void the_projected_tier_is_the_tier_an_evaluation_would_give() {
        qt().withExamples(EXAMPLES).forAll(SCENARIOS, gen(r -> r.nextInt(1, 400))).checkAssert((s, days) -> {
            TierProgram p = s.program();
            for (Step step : drive(s)) {
                TierStatus status = step.result().status();
                Instant later = step.asOf().plusSeconds(86_400L * (days % 97));
                assertThat(p.projectedTier(status, later))
                        .isEqualTo(p.evaluate(status, OperationId.of("probe"), later).status().tier());
            }
        });
    }

    @Test
    void replaying_any_command_changes_nothing_and_returns_the_same_outcome() {
        qt().withExamples(EXAMPLES).forAll(SCENARIOS).checkAssert(s -> {
            TierProgram p = s.program();
            for (Step step : drive(s)) {
                if (step.operation() == null) {
                    continue;
                }
                TierStatus after = step.result().status();
                Instant later = step.asOf().plusSeconds(60);
                TierResult replay = step.evaluation()
                        ? p.evaluate(after, step.operation(), later)
                        : p.record(after, step.activity(), later);
                assertThat(replay.replayed()).isTrue();
                assertThat(replay.status()).isSameAs(after);
                assertThat(replay.events()).isEmpty();
                assertThat(replay.outcome()).isEqualTo(step.result().outcome().asRecorded());
                if (!step.evaluation() && step.activity().spend().minor() != 0) {
                    QualifyingActivity a = step.activity();
                    QualifyingActivity changed = new QualifyingActivity(a.operation(), a.kind(), a.countsAt(), a.at(),
                            a.spend().plus(Money.cnyMinor(a.kind() == QualifyingActivity.Kind.ORDER ? 1 : -1)),
                            a.pointsEarned(), a.orders());
                    TierResult conflict = p.record(after, changed, later);
                    assertThat(conflict.outcome()).isInstanceOfSatisfying(TierOutcome.Rejected.class,
                            r -> assertThat(r.reason()).isEqualTo(TierOutcome.Reason.OPERATION_CONFLICT));
                    assertThat(conflict.status()).isSameAs(after);
                }
            }
        });
    }

    @Test
    void a_restored_snapshot_decides_exactly_like_the_status_it_came_from() {
        qt().withExamples(EXAMPLES).forAll(SCENARIOS, gen(r -> r.nextInt(1, 400))).checkAssert((s, days) -> {
            TierProgram p = s.program();
            List<Step> steps = drive(s);
            TierStatus last = steps.get(steps.size() - 1).result().status();
            TierStatus restored = p.restore(SiyuJson.read(SiyuJson.write(last.snapshot()), TierSnapshot.class));
            assertThat(restored.snapshot()).isEqualTo(last.snapshot());
            Instant later = last.lastDecisionAt().plusSeconds(86_400L * days);
            TierResult a = p.evaluate(last, OperationId.of("probe"), later);
            TierResult b = p.evaluate(restored, OperationId.of("probe"), later);
            assertThat(b.events()).isEqualTo(a.events());
            assertThat(b.outcome()).isEqualTo(a.outcome());
            assertThat(b.status().snapshot()).isEqualTo(a.status().snapshot());
        });
    }

    private static Tier tier(TierProgram p, TierId id) {
        return p.tier(id).orElseThrow();
    }

    private static long parse(TierProgram p, String value) {
        return p.metric() == Metric.SPEND ? Money.parse(value).minor() : Long.parseLong(value);
    }
}
