package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.OperationId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The compact operation log (shared append-only primitive arrays) against a reference model that
 * copies a map per version: every version, including versions branched from older ones, remembers
 * exactly its own operations with their fingerprint, period and outcome.
 */
class OpLogProperties {

    /** One step: add to version {@code from} (a random earlier version), or prune it at a month. */
    record Step(int from, int id, long fingerprint, int month, boolean withOutcome, boolean prune) {
    }

    record Entry(long fingerprint, YearMonth period, Outcome outcome) {
    }

    static final org.quicktheories.core.Gen<List<Step>> SCRIPTS = gen(r -> {
        List<Step> out = new ArrayList<>();
        int n = r.nextInt(80);
        for (int i = 0; i < n; i++) {
            int from = r.nextInt(4) == 0 ? r.nextInt(i + 1) : i;
            out.add(new Step(from, r.nextInt(40), r.nextLong(), r.nextInt(4), r.nextInt(5) == 0, r.nextInt(15) == 0));
        }
        return out;
    });

    static void check(OpLog log, Map<String, Entry> model) {
        assertThat(log.size).isEqualTo(model.size());
        for (int id = 0; id < 40; id++) {
            Entry e = model.get("op-" + id);
            int slot = log.find(OperationId.of("op-" + id));
            if (e == null) {
                assertThat(slot).isEqualTo(-1);
            } else {
                assertThat(slot).isGreaterThanOrEqualTo(0);
                assertThat(log.fingerprint(slot)).isEqualTo(e.fingerprint());
                assertThat(log.period(slot)).isEqualTo(e.period());
                assertThat(log.outcome(slot)).isEqualTo(e.outcome());
            }
        }
    }

    @Test
    void every_version_remembers_exactly_its_own_operations() {
        qt().withExamples(300).forAll(SCRIPTS).checkAssert(script -> {
            List<OpLog> logs = new ArrayList<>(List.of(OpLog.EMPTY));
            List<Map<String, Entry>> models = new ArrayList<>(List.of(Map.of()));
            for (Step s : script) {
                OpLog base = logs.get(s.from());
                Map<String, Entry> model = new LinkedHashMap<>(models.get(s.from()));
                YearMonth period = YearMonth.of(2026, 1 + s.month());
                OpLog next;
                if (s.prune()) {
                    next = base.prune(period);
                    model.values().removeIf(e -> !e.period().isAfter(period));
                } else if (model.containsKey("op-" + s.id())) {
                    next = base;
                } else {
                    Outcome outcome = s.withOutcome()
                            ? new Outcome.Applied(dev.siyu.core.explain.Explanation.of("X" + s.id())) : null;
                    next = base.add(OperationId.of("op-" + s.id()), s.fingerprint(), outcome, period);
                    model.put("op-" + s.id(), new Entry(s.fingerprint(), period, outcome));
                }
                logs.add(next);
                models.add(model);
            }
            for (int v = 0; v < logs.size(); v++) {
                check(logs.get(v), models.get(v));
            }
        });
    }

    @Test
    void threads_extending_the_same_version_never_share_a_slot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                OpLog base = OpLog.EMPTY;
                for (int i = 0; i < round % 9; i++) {
                    base = base.add(OperationId.of("base-" + i), i, null, YearMonth.of(2026, 1));
                }
                OpLog start = base;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<OpLog>> branches = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    branches.add(pool.submit(() -> {
                        go.await();
                        OpLog log = start;
                        for (int i = 0; i < 20; i++) {
                            log = log.add(OperationId.of("t" + thread + "-" + i), thread * 100L + i, null,
                                    YearMonth.of(2026, 2));
                        }
                        return log;
                    }));
                }
                go.countDown();
                for (int t = 0; t < 4; t++) {
                    OpLog log = branches.get(t).get();
                    assertThat(log.size).isEqualTo(start.size + 20);
                    for (int i = 0; i < 20; i++) {
                        int slot = log.find(OperationId.of("t" + t + "-" + i));
                        assertThat(log.fingerprint(slot)).isEqualTo(t * 100L + i);
                        for (int other = 0; other < 4; other++) {
                            if (other != t) {
                                assertThat(log.find(OperationId.of("t" + other + "-" + i))).isEqualTo(-1);
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
