package dev.siyu.core.tier;

import static dev.siyu.core.tier.TierFixtures.ladder;
import static dev.siyu.core.tier.TierFixtures.member;
import static dev.siyu.core.tier.TierFixtures.noon;
import static dev.siyu.core.tier.TierFixtures.op;
import static dev.siyu.core.tier.TierFixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.kernel.IdempotencyWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The compact form of a status (primitive instants, shared arrays and standing) behaves as the plain
 * values it stands for.
 */
class TierStatusCompactnessProperties {

    /** Steps as (seconds the clock moves on, nanos of the new instant, spend in yuan, lateness in days). */
    private static final Gen<List<int[]>> STEPS = SourceDSL.lists()
            .of(SourceDSL.integers().between(0, 40 * 86_400).zip(SourceDSL.integers().between(0, 999_999_999),
                    SourceDSL.integers().between(1, 9_000), SourceDSL.integers().between(0, 5),
                    (step, nanos, spend, late) -> new int[] {step, nanos, spend, late}))
            .ofSizeBetween(1, 60);

    @Test
    void the_last_decision_is_kept_to_the_nanosecond_and_earlier_commands_are_refused_by_it() {
        qt().withExamples(200).forAll(STEPS, SourceDSL.booleans().all()).checkAssert((steps, windowed) -> {
            TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ofDays(30), DowngradeRule.ONE_TIER)
                    .idempotencyWindow(windowed ? IdempotencyWindow.ofDays(30) : IdempotencyWindow.unbounded()).build();
            Instant now = noon("2025-01-01");
            TierStatus status = program.enroll(member("2024-06-01"), now).status();
            int n = 0;
            for (int[] s : steps) {
                now = Instant.ofEpochSecond(now.getEpochSecond() + s[0], s[1]);
                Instant placed = now.minus(Duration.ofDays(s[3]));
                QualifyingActivity order = QualifyingActivity.order(op("o-" + n++), placed, yuan(s[2]), s[2]);
                Instant earlier = status.lastDecisionAt().minusNanos(1);
                TierResult refused = program.record(status, QualifyingActivity.order(op("early-" + n), earlier,
                        yuan(1), 1), earlier);
                assertThat(refused.outcome()).isInstanceOfSatisfying(TierOutcome.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(TierOutcome.Reason.AS_OF_BEFORE_LAST_DECISION));
                assertThat(refused.status()).isSameAs(status);
                TierStatus before = status;
                TierResult result = program.record(status, order, now);
                if (result.outcome().isApplied() && !result.replayed()) {
                    status = result.status();
                    assertThat(status.lastDecisionAt()).isEqualTo(now);
                    assertThat(status.version()).isEqualTo(before.version() + 1);
                    assertThat(status.member()).isEqualTo(before.member());
                    assertThat(status.joinedOn()).isEqualTo(before.joinedOn());
                    assertThat(status.since()).isEqualTo(result.events().isEmpty() ? before.since() : now);
                    assertThat(status.isBeforeLastDecision(now)).isFalse();
                    assertThat(status.isBeforeLastDecision(now.minusNanos(1))).isTrue();
                }
                // the version before is as it was, whatever was written into the arrays it shares
                assertThat(before.activityCount()).isEqualTo(before.snapshot().facts().size());
            }
            TierSnapshot snapshot = SiyuJson.read(SiyuJson.write(status.snapshot()), TierSnapshot.class);
            assertThat(snapshot).isEqualTo(status.snapshot());
            TierStatus restored = program.restore(snapshot);
            assertThat(restored.snapshot()).isEqualTo(status.snapshot());
            assertThat(restored.lastDecisionAt()).isEqualTo(status.lastDecisionAt());
        });
    }

    @Test
    void orders_in_date_order_share_one_fact_array_and_a_pruned_log_keeps_its_array() {
        TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ZERO, DowngradeRule.ONE_TIER)
                .idempotencyWindow(IdempotencyWindow.ofDays(30)).build();
        TierStatus status = program.enroll(member("2024-06-01"), noon("2025-01-01")).status();
        status = program.record(status, QualifyingActivity.order(op("o-0"), noon("2025-01-02"), yuan(10), 10),
                noon("2025-01-02")).status();
        TierStatus first = status;
        status = program.record(status, QualifyingActivity.order(op("o-1"), noon("2025-02-20"), yuan(10), 10),
                noon("2025-02-20")).status();
        assertThat(status.factRows()).isSameAs(first.factRows());
        // o-0 is more than a quarter window past the window: forgotten by moving the start
        assertThat(status.snapshot().operations()).hasSize(1);
        assertThat(status.operations().data()).isSameAs(first.operations().data());
        assertThat(first.snapshot().operations()).hasSize(1);
        assertThat(first.isApplied(op("o-0"))).isTrue();
        assertThat(status.isApplied(op("o-0"))).isFalse();
        assertThat(status.isApplied(op("o-1"))).isTrue();
        assertThat(first.activityCount()).isEqualTo(1);
        assertThat(status.activityCount()).isEqualTo(2);
    }

    @Test
    void versions_and_instants_far_from_where_a_status_started_are_kept_exactly() {
        TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ZERO, DowngradeRule.ONE_TIER).build();
        TierSnapshot enrolled = program.enroll(member("2024-06-01"), noon("2025-01-01")).status().snapshot();
        qt().withExamples(300).forAll(SourceDSL.longs().between(1, Long.MAX_VALUE / 2),
                SourceDSL.longs().between(-40_000_000_000L, 40_000_000_000L), SourceDSL.integers().between(0, 999_999_999),
                SourceDSL.lists().of(SourceDSL.longs().between(0, 1L << 35)).ofSizeBetween(1, 8))
                .checkAssert((version, second, nano, jumps) -> {
                    Instant start = Instant.ofEpochSecond(second, nano);
                    TierStatus status = program.restore(new TierSnapshot(enrolled.member(), enrolled.joinedOn(), version,
                            enrolled.earnedTier(), enrolled.override(), enrolled.graceEndsOn(), start.minusSeconds(1),
                            start, List.of(), List.of()));
                    assertThat(status.version()).isEqualTo(version);
                    assertThat(status.lastDecisionAt()).isEqualTo(start);
                    assertThat(status.since()).isEqualTo(start.minusSeconds(1));
                    Instant now = start;
                    for (int i = 0; i < jumps.size(); i++) {
                        now = now.plusSeconds(jumps.get(i)).plusNanos(i);
                        TierStatus before = status;
                        status = program.record(status, QualifyingActivity.order(op("o-" + i), now, yuan(1), 1), now)
                                .status();
                        assertThat(status.version()).isEqualTo(before.version() + 1);
                        assertThat(status.lastDecisionAt()).isEqualTo(now);
                        assertThat(before.lastDecisionAt()).isEqualTo(i == 0 ? start : before.snapshot().lastDecisionAt());
                        assertThat(status.isBeforeLastDecision(now.minusNanos(1))).isTrue();
                    }
                    assertThat(program.restore(status.snapshot()).snapshot()).isEqualTo(status.snapshot());
                });
    }

    @Test
    void statuses_are_equal_exactly_when_their_snapshots_are() {
        TierProgram program = ladder(QualificationWindow.rollingMonths(12), Period.ofDays(30), DowngradeRule.ONE_TIER)
                .build();
        Instant now = noon("2026-03-01");
        TierStatus enrolled = program.enroll(member("2024-06-01"), now).status();
        TierStatus small = program.record(enrolled, QualifyingActivity.order(op("a"), now, yuan(10), 1), now).status();
        TierStatus large = program.record(enrolled, QualifyingActivity.order(op("a"), now, yuan(900_000), 1), now).status();
        TierStatus restored = program.restore(SiyuJson.read(SiyuJson.write(small.snapshot()), TierSnapshot.class));
        assertThat(restored).isEqualTo(small).hasSameHashCodeAs(small);
        // same member and version, another spend (and tier)
        assertThat(large.version()).isEqualTo(small.version());
        assertThat(large).isNotEqualTo(small);
        assertThat(enrolled).isNotEqualTo(small);
    }
}
