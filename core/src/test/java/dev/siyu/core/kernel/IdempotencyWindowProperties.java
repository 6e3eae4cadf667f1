package dev.siyu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class IdempotencyWindowProperties {

    /**
     * Commands as (operation number, day step, lateness): the clock moves on by the step, and a
     * command is dated lateness days before it, so late and replayed commands mix with new ones.
     */
    private static final Gen<List<int[]>> COMMANDS = SourceDSL.lists()
            .of(SourceDSL.integers().between(0, 60).zip(SourceDSL.integers().between(0, 3),
                    SourceDSL.integers().between(0, 40), (op, step, late) -> new int[] {op, step, late}))
            .ofSizeBetween(0, 300);

    private static final Gen<Integer> WINDOWS = SourceDSL.integers().between(1, 30);

    @Test
    void an_aggregate_that_refuses_what_its_window_refuses_applies_each_operation_at_most_once_and_forgets_nothing_inside_it() {
        qt().withExamples(300).forAll(WINDOWS, COMMANDS).checkAssert((days, commands) -> {
            IdempotencyWindow window = IdempotencyWindow.ofDays(days);
            OperationLog log = OperationLog.empty();
            int latest = Integer.MIN_VALUE;
            int clock = 20_000;
            Map<Integer, Integer> appliedOn = new HashMap<>(); // op -> day of its recorded command
            Set<Integer> applied = new HashSet<>();
            for (int[] c : commands) {
                clock += c[1];
                int op = c[0];
                // a replay is dated like its original; a new command at the clock less its lateness
                // every eleventh operation carries no date of its own: kept for ever
                int day = appliedOn.getOrDefault(op, op % 11 == 0 ? IdempotencyWindow.KEEP : clock - c[2]);
                OperationDigest digest = OperationDigest.of("op-" + op);
                int found = log.indexOf(digest);
                if (found >= 0) {
                    assertThat(IdempotencyWindow.day(log.code(found))).isEqualTo(appliedOn.get(op));
                    assertThat(IdempotencyWindow.code(log.code(found))).isEqualTo(op % 7);
                    continue; // a replay: the recorded outcome
                }
                assertThat(log.latestDay()).isEqualTo(latest == Integer.MIN_VALUE || appliedOn.values().stream()
                        .allMatch(d -> d == IdempotencyWindow.KEEP) ? Integer.MIN_VALUE : maxDay(appliedOn));
                if (!window.accepts(day, log)) {
                    continue; // too late: refused, nothing changes
                }
                // never applied twice: a forgotten operation is always refused
                assertThat(applied.add(op)).as("operation %d applied twice", op).isTrue();
                appliedOn.put(op, day);
                log = log.with(digest, op, IdempotencyWindow.codeWord(op % 7, day), 0);
                latest = day == IdempotencyWindow.KEEP ? latest : Math.max(latest, day);
                log = window.forget(log, log.latestDay());
                // nothing inside the window is forgotten
                for (Map.Entry<Integer, Integer> e : appliedOn.entrySet()) {
                    if (latest == Integer.MIN_VALUE || e.getValue() >= window.firstAcceptedDay(latest)) {
                        assertThat(log.contains(OperationDigest.of("op-" + e.getKey()))).isTrue();
                    }
                }
            }
        });
    }

    private static int maxDay(Map<Integer, Integer> appliedOn) {
        int max = Integer.MIN_VALUE;
        for (int d : appliedOn.values()) {
            if (d != IdempotencyWindow.KEEP) {
                max = Math.max(max, d);
            }
        }
        return max;
    }

    @Test
    void with_days_in_order_the_log_holds_at_most_a_window_and_a_quarter_of_days() {
        qt().withExamples(200).forAll(WINDOWS, SourceDSL.lists().of(SourceDSL.integers().between(0, 3))
                .ofSizeBetween(0, 400)).checkAssert((days, steps) -> {
            IdempotencyWindow window = IdempotencyWindow.ofDays(days);
            OperationLog log = OperationLog.empty();
            int day = 20_000;
            for (int i = 0; i < steps.size(); i++) {
                day += steps.get(i);
                log = window.forget(log.with(OperationDigest.of("op-" + i), i, IdempotencyWindow.codeWord(1, day), 0), day);
                int oldest = IdempotencyWindow.day(log.code(0));
                assertThat(oldest).isGreaterThan(window.firstAcceptedDay(day) - Math.max(1, days / 4));
            }
        });
    }

    @Test
    void code_words_carry_any_code_and_day() {
        qt().forAll(SourceDSL.integers().all(), SourceDSL.integers().between(-1_000_000, 3_000_000)).checkAssert((code, day) -> {
            long word = IdempotencyWindow.codeWord(code, day);
            assertThat(IdempotencyWindow.code(word)).isEqualTo(code);
            assertThat(IdempotencyWindow.day(word)).isEqualTo(day);
        });
    }

    @Test
    void an_unbounded_window_accepts_every_day_and_forgets_nothing() {
        IdempotencyWindow window = IdempotencyWindow.unbounded();
        OperationLog log = OperationLog.empty().with(OperationDigest.of("a"), 1, IdempotencyWindow.codeWord(0, -50_000), 0);
        assertThat(window.accepts(Integer.MIN_VALUE, Integer.MAX_VALUE)).isTrue();
        assertThat(window.forget(log, Integer.MAX_VALUE)).isSameAs(log);
        assertThat(window.days()).isEmpty();
        assertThat(IdempotencyWindow.ofDays(30).days()).hasValue(30);
        assertThat(IdempotencyWindow.ofDays(1).accepts(99, 100)).isTrue();
        assertThat(IdempotencyWindow.ofDays(1).accepts(98, 100)).isFalse();
        assertThatThrownBy(() -> IdempotencyWindow.ofDays(0)).hasMessageContaining("between 1 and 36525: 0");
        assertThatThrownBy(() -> IdempotencyWindow.ofDays(40_000)).hasMessageContaining("40000");
    }
}
