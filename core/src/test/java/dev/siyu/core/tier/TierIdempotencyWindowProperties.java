package dev.siyu.core.tier;

import static dev.siyu.core.tier.TierFixtures.BASIC;
import static dev.siyu.core.tier.TierFixtures.ladder;
import static dev.siyu.core.tier.TierFixtures.member;
import static dev.siyu.core.tier.TierFixtures.noon;
import static dev.siyu.core.tier.TierFixtures.op;
import static dev.siyu.core.tier.TierFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.kernel.IdempotencyWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class TierIdempotencyWindowProperties {

    /** Steps as (days the clock moves on, lateness in days of a new order, which earlier order to retry or -1). */
    private static final Gen<List<int[]>> STEPS = SourceDSL.lists()
            .of(SourceDSL.integers().between(0, 4).zip(SourceDSL.integers().between(0, 20),
                    SourceDSL.integers().between(-3, 40), (step, late, retry) -> new int[] {step, late, retry}))
            .ofSizeBetween(1, 200);

    @Test
    void with_a_window_every_activity_counts_at_most_once_replays_inside_it_are_replays_and_the_log_stays_small() {
        qt().withExamples(200).forAll(SourceDSL.integers().between(1, 20), STEPS).checkAssert((days, steps) -> {
            TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ZERO, DowngradeRule.ONE_TIER)
                    .idempotencyWindow(IdempotencyWindow.ofDays(days)).build();
            TierStatus status = program.enroll(member("2024-01-01"), noon("2025-01-01")).status();
            Instant now = noon("2025-01-01");
            List<QualifyingActivity> sent = new ArrayList<>();
            Set<Integer> counted = new HashSet<>();
            long countedSpend = 0;
            for (int[] s : steps) {
                now = now.plus(Duration.ofDays(s[0]));
                int index;
                QualifyingActivity activity;
                if (s[2] >= 0 && !sent.isEmpty()) {
                    index = s[2] % sent.size();
                    activity = sent.get(index); // a retry, sent again now
                } else {
                    index = sent.size();
                    activity = QualifyingActivity.order(op("order-" + index), now.minus(Duration.ofDays(s[1])),
                            yuan(1 + index), 1);
                    sent.add(activity);
                }
                int lastDay = (int) LocalDate.ofInstant(status.lastDecisionAt(), program.zone()).toEpochDay();
                int activityDay = (int) LocalDate.ofInstant(activity.at(), program.zone()).toEpochDay();
                boolean wasCounted = counted.contains(index);
                boolean inside = activityDay >= lastDay - days;
                TierResult result = program.record(status, activity, now);
                if (wasCounted && inside) {
                    // counted and still inside the window: always found again
                    assertThat(result.replayed()).isTrue();
                    assertThat(result.status()).isSameAs(status);
                } else if (!inside && wasCounted && result.replayed()) {
                    // outside the window but not forgotten yet (forgetting lags by up to a quarter window)
                    assertThat(result.status()).isSameAs(status);
                } else if (!inside) {
                    // outside the window, counted before or not: refused, never counted (again)
                    assertThat(result.outcome()).isInstanceOfSatisfying(TierOutcome.Rejected.class,
                            r -> assertThat(r.reason()).isEqualTo(TierOutcome.Reason.OUTSIDE_IDEMPOTENCY_WINDOW));
                    assertThat(result.status()).isSameAs(status);
                } else {
                    assertThat(result.outcome().isApplied()).isTrue();
                    assertThat(result.replayed()).isFalse();
                    counted.add(index);
                    countedSpend += activity.spend().minor();
                    status = result.status();
                }
            }
            long spend = 0;
            for (TierSnapshot.Fact f : status.snapshot().facts()) {
                spend += f.spend();
            }
            assertThat(spend).isEqualTo(countedSpend);
            int lastDay = (int) LocalDate.ofInstant(status.lastDecisionAt(), program.zone()).toEpochDay();
            for (TierSnapshot.Operation o : status.snapshot().operations()) {
                assertThat(o.dated()).isPresent();
                assertThat(o.dated().get().toEpochDay()).isGreaterThan(lastDay - days - Math.max(1, days / 4));
            }
        });
    }

    @Test
    void without_a_window_an_old_replay_is_still_a_replay_and_with_one_it_is_refused_and_changes_nothing() {
        QualifyingActivity early = QualifyingActivity.order(op("early"), noon("2025-01-02"), yuan(1_000), 1_000);
        for (IdempotencyWindow window : List.of(IdempotencyWindow.unbounded(), IdempotencyWindow.ofDays(30))) {
            TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ZERO, DowngradeRule.ONE_TIER)
                    .idempotencyWindow(window).build();
            TierStatus s = program.enroll(member("2024-01-01"), noon("2025-01-01")).status();
            s = program.record(s, early, noon("2025-01-02")).status();
            for (int d = 1; d <= 9; d++) {
                s = program.record(s, QualifyingActivity.order(op("o" + d), noon("2025-0" + d + "-15"), yuan(10), 10),
                        noon("2025-0" + d + "-15")).status();
            }
            TierResult retried = program.record(s, early, noon("2025-09-20"));
            assertThat(retried.status()).isSameAs(s);
            if (window.isUnbounded()) {
                assertThat(retried.replayed()).isTrue();
                assertThat(s.snapshot().operations()).hasSize(10);
            } else {
                assertThat(retried.outcome()).isInstanceOfSatisfying(TierOutcome.Rejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(TierOutcome.Reason.OUTSIDE_IDEMPOTENCY_WINDOW);
                    assertThat(r.explanation().facts()).containsEntry("activityOn", "2025-01-02")
                            .containsEntry("firstAcceptedOn", "2025-08-16").containsEntry("windowDays", "30");
                });
                assertThat(s.snapshot().operations()).hasSizeLessThan(3);
            }
            assertThat(s.activityCount()).isEqualTo(10);
            assertThat(s.tier()).isNotEqualTo(BASIC);
        }
    }

    @Test
    void evaluations_are_kept_always_and_dates_survive_a_snapshot() {
        TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ZERO, DowngradeRule.ONE_TIER)
                .idempotencyWindow(IdempotencyWindow.ofDays(7)).build();
        TierStatus s = program.enroll(member("2024-01-01"), noon("2025-01-01")).status();
        s = program.evaluate(s, op("eval-jan"), noon("2025-01-31")).status();
        for (int d = 1; d <= 9; d++) {
            s = program.record(s, QualifyingActivity.order(op("o" + d), noon("2025-0" + d + "-15"), yuan(10), 10),
                    noon("2025-0" + d + "-15")).status();
        }
        assertThat(program.evaluate(s, op("eval-jan"), noon("2025-10-01")).replayed()).isTrue();
        TierSnapshot snapshot = SiyuJson.read(SiyuJson.write(s.snapshot()), TierSnapshot.class);
        assertThat(snapshot).isEqualTo(s.snapshot());
        assertThat(snapshot.operations()).extracting(TierSnapshot.Operation::dated)
                .containsExactly(java.util.Optional.empty(), java.util.Optional.of(LocalDate.of(2025, 9, 15)));
        TierStatus restored = program.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(s.snapshot());
        assertThat(program.record(restored, QualifyingActivity.order(op("o9"), noon("2025-09-15"), yuan(10), 10),
                noon("2025-09-16")).replayed()).isTrue();
    }

    @Test
    void a_bad_window_in_json_names_its_pointer() {
        String ladder = """
                {"schemaVersion": 1, "metric": "spend", "window": {"kind": "rolling", "months": 12},
                 "idempotency": %s,
                 "tiers": [{"id": "BASIC", "name": "普卡", "threshold": 0}]}
                """;
        assertThat(TierProgram.fromJson(ladder.formatted("{\"windowDays\": 45}")).idempotencyWindow())
                .isEqualTo(IdempotencyWindow.ofDays(45));
        assertThatThrownBy(() -> TierProgram.fromJson(ladder.formatted("{\"windowDays\": 0}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/idempotency/windowDays")
                .hasMessageContaining("between 1 and 36525: 0");
        assertThatThrownBy(() -> TierProgram.fromJson(ladder.formatted("{\"days\": 10}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/idempotency");
        assertThat(TierProgram.fromJson(ladder.formatted("{\"windowDays\": 45}").replace("\"idempotency\": {\"windowDays\": 45},", ""))
                .idempotencyWindow().isUnbounded()).isTrue();
    }
}
