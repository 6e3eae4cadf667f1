package dev.siyu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class OperationLogProperties {

    /** Operation ids from a small space, so that repeats happen. */
    private static final Gen<List<Integer>> IDS = SourceDSL.lists().of(SourceDSL.integers().between(0, 300))
            .ofSizeBetween(0, 400);

    private record Entry(long fingerprint, long code, long value) {
    }

    @Test
    void an_operation_log_behaves_like_a_map_from_id_to_its_first_record_and_old_versions_stay() {
        qt().withExamples(200).forAll(IDS).checkAssert(ids -> {
            OperationLog log = OperationLog.empty();
            Map<String, Entry> model = new HashMap<>();
            List<OperationLog> versions = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = "op-" + ids.get(i);
                OperationDigest d = OperationDigest.of(id);
                if (model.containsKey(id)) {
                    OperationLog before = log;
                    assertThatThrownBy(() -> before.with(d, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
                    continue;
                }
                Entry e = new Entry(ids.get(i) * 31L + i, i % 5, -i * 1_000_000_007L);
                log = log.with(d, e.fingerprint(), e.code(), e.value());
                model.put(id, e);
                versions.add(log);
                sizes.add(model.size());
            }
            assertThat(log.size()).isEqualTo(model.size());
            for (int id = 0; id <= 300; id++) {
                Entry e = model.get("op-" + id);
                int at = log.indexOf(OperationDigest.of("op-" + id));
                assertThat(at >= 0).isEqualTo(e != null);
                if (e != null) {
                    assertThat(log.digest(at)).isEqualTo(OperationDigest.of("op-" + id));
                    assertThat(new Entry(log.fingerprint(at), log.code(at), log.value(at))).isEqualTo(e);
                }
            }
            for (int v = 0; v < versions.size(); v++) {
                assertThat(versions.get(v).size()).isEqualTo(sizes.get(v));
            }
        });
    }

    @Test
    void appending_to_old_versions_branches_without_changing_any_version() {
        qt().withExamples(200).forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 1_000_000))
                .ofSizeBetween(1, 200)).checkAssert(choices -> {
            List<OperationLog> versions = new ArrayList<>(List.of(OperationLog.empty()));
            List<Map<String, Long>> models = new ArrayList<>(List.of(Map.of()));
            for (int i = 0; i < choices.size(); i++) {
                // append to a version chosen at random: often the newest, sometimes an older one
                int from = choices.get(i) % 3 == 0 ? choices.get(i) % versions.size() : versions.size() - 1;
                String id = "op-" + i;
                versions.add(versions.get(from).with(OperationDigest.of(id), i, 0, i * 7L));
                Map<String, Long> model = new HashMap<>(models.get(from));
                model.put(id, (long) i);
                models.add(model);
            }
            for (int v = 0; v < versions.size(); v++) {
                OperationLog log = versions.get(v);
                Map<String, Long> model = models.get(v);
                assertThat(log.size()).isEqualTo(model.size());
                for (int i = 0; i < choices.size(); i++) {
                    int at = log.indexOf(OperationDigest.of("op-" + i));
                    assertThat(at >= 0).isEqualTo(model.containsKey("op-" + i));
                    if (at >= 0) {
                        assertThat(log.fingerprint(at)).isEqualTo(i);
                        assertThat(log.value(at)).isEqualTo(i * 7L);
                    }
                }
            }
        });
    }

    @Test
    void retaining_entries_or_dropping_the_first_keeps_exactly_the_others_in_order_and_changes_no_other_version() {
        qt().withExamples(200).forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 1_000_000))
                .ofSizeBetween(0, 200)).checkAssert(choices -> {
            List<OperationLog> versions = new ArrayList<>(List.of(OperationLog.empty()));
            List<List<Integer>> models = new ArrayList<>(List.of(List.of()));
            for (int i = 0; i < choices.size(); i++) {
                int c = choices.get(i);
                int from = c % 4 == 0 ? c % versions.size() : versions.size() - 1;
                OperationLog base = versions.get(from);
                List<Integer> model = new ArrayList<>(models.get(from));
                if (c % 9 == 0) {
                    // drop the entries whose code is at most a threshold (a settled month, say)
                    long last = c % 5;
                    versions.add(base.retainIf(at -> base.code(at) > last));
                    model.removeIf(op -> op % 5 <= last);
                } else if (c % 7 == 0) {
                    // forget the oldest entries without copying: later appends to this version or
                    // to the one it came from must not disturb each other
                    int count = c % (model.size() + 1);
                    versions.add(base.withoutFirst(count));
                    model = new ArrayList<>(model.subList(count, model.size()));
                } else {
                    versions.add(base.with(OperationDigest.of("op-" + i), i * 3L, i % 5, -i));
                    model.add(i);
                }
                models.add(model);
            }
            for (int v = 0; v < versions.size(); v++) {
                OperationLog log = versions.get(v);
                List<Integer> model = models.get(v);
                assertThat(log.size()).isEqualTo(model.size());
                for (int at = 0; at < model.size(); at++) {
                    int op = model.get(at);
                    assertThat(log.digest(at)).isEqualTo(OperationDigest.of("op-" + op));
                    assertThat(log.indexOf(OperationDigest.of("op-" + op))).isEqualTo(at);
                    assertThat(new Entry(log.fingerprint(at), log.code(at), log.value(at)))
                            .isEqualTo(new Entry(op * 3L, op % 5, -op));
                }
                for (int i = 0; i < choices.size(); i++) {
                    assertThat(log.contains(OperationDigest.of("op-" + i))).isEqualTo(model.contains(i));
                }
            }
        });
    }

    @Test
    void retaining_every_entry_returns_the_log_itself_and_none_an_empty_log_of_the_same_latest_day() {
        OperationLog log = OperationLog.empty().with(OperationDigest.of("a"), 1, 2, 3)
                .with(OperationDigest.of("b"), 4, 5, 6);
        assertThat(log.retainIf(at -> true)).isSameAs(log);
        OperationLog none = log.retainIf(at -> false);
        assertThat(none.size()).isZero();
        assertThat(none.latestDay()).isEqualTo(log.latestDay());
        assertThat(none.with(OperationDigest.of("z"), 1, 2, 3).indexOf(OperationDigest.of("z"))).isZero();
        OperationLog b = log.retainIf(at -> at == 1);
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.contains(OperationDigest.of("a"))).isFalse();
        OperationLog grown = b.with(OperationDigest.of("c"), 7, 8, 9);
        assertThat(grown.indexOf(OperationDigest.of("c"))).isEqualTo(1);
        assertThat(grown.value(0)).isEqualTo(6);
        assertThat(b.size()).isEqualTo(1);
        assertThat(log.size()).isEqualTo(2);
    }

    @Test
    void versions_appended_on_many_threads_each_see_exactly_their_own_entries() throws Exception {
        OperationLog base = OperationLog.empty().with(OperationDigest.of("base"), 1, 0, 0);
        int threads = 4;
        List<java.util.concurrent.Future<OperationLog>> futures = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    OperationLog log = base;
                    for (int i = 0; i < 2_000; i++) {
                        log = log.with(OperationDigest.of(thread + ":" + i), i, thread, i);
                    }
                    return log;
                }));
            }
            for (int t = 0; t < threads; t++) {
                OperationLog log = futures.get(t).get();
                assertThat(log.size()).isEqualTo(2_001);
                assertThat(log.contains(OperationDigest.of("base"))).isTrue();
                for (int i = 0; i < 2_000; i++) {
                    int at = log.indexOf(OperationDigest.of(t + ":" + i));
                    assertThat(at).isEqualTo(i + 1);
                    assertThat(log.code(at)).isEqualTo(t);
                    assertThat(log.fingerprint(at)).isEqualTo(i);
                }
                for (int other = 0; other < threads; other++) {
                    if (other != t) {
                        assertThat(log.contains(OperationDigest.of(other + ":0"))).isFalse();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(base.size()).isEqualTo(1);
    }

    @Test
    void a_digest_set_behaves_like_a_set() {
        qt().withExamples(200).forAll(IDS).checkAssert(ids -> {
            DigestSet set = DigestSet.empty();
            Set<Integer> model = new HashSet<>();
            for (int id : ids) {
                DigestSet before = set;
                set = set.with(OperationDigest.of("op-" + id));
                if (!model.add(id)) {
                    assertThat(set).isSameAs(before);
                }
            }
            assertThat(set.size()).isEqualTo(model.size());
            for (int id = 0; id <= 300; id++) {
                assertThat(set.contains(OperationDigest.of("op-" + id))).isEqualTo(model.contains(id));
            }
        });
    }
    @Test
    void a_log_rebuilt_from_its_parts_behaves_as_the_log_and_appends_as_it_would() {
        qt().withExamples(200).forAll(SourceDSL.lists().of(SourceDSL.integers().between(0, 1_000_000))
                .ofSizeBetween(1, 120)).checkAssert(choices -> {
            List<OperationLog> versions = new ArrayList<>(List.of(OperationLog.empty()));
            for (int i = 0; i < choices.size(); i++) {
                int c = choices.get(i);
                // from a version chosen at random (often the newest), or from a log rebuilt from its parts
                OperationLog from = c % 3 == 0 ? versions.get(c % versions.size()) : versions.get(versions.size() - 1);
                if (c % 2 == 0) {
                    from = OperationLog.of(from.array(), from.shape(), from.marks());
                }
                OperationLog next = c % 7 == 0 && from.size() > 0
                        ? from.withoutFirst(1 + c % from.size())
                        : from.with(OperationDigest.of("op-" + i), c, IdempotencyWindow.codeWord(c % 4, c % 500), -i);
                versions.add(next);
            }
            for (OperationLog log : versions) {
                OperationLog rebuilt = OperationLog.of(log.array(), log.shape(), log.marks());
                assertThat(rebuilt.size()).isEqualTo(log.size());
                assertThat(rebuilt.latestDay()).isEqualTo(log.latestDay());
                assertThat(rebuilt.touch()).isEqualTo(log.touch()).isEqualTo(OperationLog.touch(log.array(), log.shape()));
                for (int i = 0; i < log.size(); i++) {
                    assertThat(rebuilt.digest(i)).isEqualTo(log.digest(i));
                    assertThat(rebuilt.indexOf(log.digest(i))).isEqualTo(i);
                    assertThat(List.of(rebuilt.fingerprint(i), rebuilt.code(i), rebuilt.value(i)))
                            .isEqualTo(List.of(log.fingerprint(i), log.code(i), log.value(i)));
                }
                for (int i = 0; i <= choices.size(); i++) {
                    OperationDigest d = OperationDigest.of("op-" + i);
                    assertThat(rebuilt.indexOf(d)).isEqualTo(log.indexOf(d));
                }
            }
        });
    }

    @Test
    void parts_that_do_not_fit_their_array_are_refused() {
        OperationLog log = OperationLog.empty().with(OperationDigest.of("a"), 1, 2, 3);
        long[] array = log.array();
        assertThatThrownBy(() -> OperationLog.of(array, (long) 1 << 32, log.marks()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> OperationLog.of(array, 1_000, log.marks()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> OperationLog.of(array, -1L, log.marks()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OperationLog.of(array, log.shape(), log.marks()).indexOf(OperationDigest.of("a"))).isZero();
    }
}
