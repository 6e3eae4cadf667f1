package dev.siyu.core.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.quicktheories.impl.Constraint;

class QualifyingHistoryProperties {

    /** Facts as rows of (day, spend, points, orders), days in a small range so that many share a day. */
    private static final Gen<long[][]> FACTS = in -> {
        long[][] rows = new long[(int) in.next(Constraint.between(0, 40))][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[] {in.next(Constraint.between(0, 49)), in.next(Constraint.between(-20_000, 80_000)),
                in.next(Constraint.between(0, 5_000)), in.next(Constraint.between(-1, 1))};
        }
        return rows;
    };

    @Test
    void sums_over_any_range_match_a_brute_force_count_whether_built_one_by_one_or_at_once() {
        qt().withExamples(300).forAll(FACTS, SourceDSL.integers().between(-5, 55), SourceDSL.integers().between(-5, 55))
                .checkAssert((facts, a, b) -> {
                    int from = Math.min(a, b);
                    int to = Math.max(a, b);
                    QualifyingHistory incremental = QualifyingHistory.EMPTY;
                    int[] days = new int[facts.length];
                    long[] spend = new long[facts.length];
                    long[] points = new long[facts.length];
                    long[] orders = new long[facts.length];
                    long[] expected = new long[3];
                    for (int i = 0; i < facts.length; i++) {
                        long[] f = facts[i];
                        incremental = incremental.plus((int) f[0], f[1], f[2], f[3]);
                        days[i] = (int) f[0];
                        spend[i] = f[1];
                        points[i] = f[2];
                        orders[i] = f[3];
                        if (f[0] >= from && f[0] <= to) {
                            expected[0] += f[1];
                            expected[1] += f[2];
                            expected[2] += f[3];
                        }
                    }
                    QualifyingHistory bulk = QualifyingHistory.of(days, spend, points, orders);
                    for (QualifyingHistory h : new QualifyingHistory[] {incremental, bulk}) {
                        assertThat(h.size()).isEqualTo(facts.length);
                        assertThat(h.sum(Metric.SPEND, from, to)).isEqualTo(expected[0]);
                        assertThat(h.sum(Metric.POINTS_EARNED, from, to)).isEqualTo(expected[1]);
                        assertThat(h.sum(Metric.ORDER_COUNT, from, to)).isEqualTo(expected[2]);
                    }
                });
    }

    @Test
    void appending_to_older_versions_branches_without_changing_any_version() {
        qt().withExamples(300).forAll(FACTS, SourceDSL.lists().of(SourceDSL.integers().between(0, 1_000_000))
                .ofSizeBetween(40, 40)).checkAssert((facts, choices) -> {
                    java.util.List<QualifyingHistory> versions = new java.util.ArrayList<>(java.util.List.of(QualifyingHistory.EMPTY));
                    java.util.List<java.util.List<long[]>> models = new java.util.ArrayList<>(java.util.List.of(java.util.List.of()));
                    for (int i = 0; i < facts.length; i++) {
                        int c = choices.get(i);
                        // mostly the newest version, sometimes an older one; days mostly rising
                        int from = c % 3 == 0 ? c % versions.size() : versions.size() - 1;
                        long[] f = facts[i].clone();
                        if (c % 5 != 0) {
                            f[0] = Math.min(49, i + f[0] % 3);
                        }
                        versions.add(versions.get(from).plus((int) f[0], f[1], f[2], f[3]));
                        java.util.List<long[]> model = new java.util.ArrayList<>(models.get(from));
                        model.add(f);
                        models.add(model);
                    }
                    for (int v = 0; v < versions.size(); v++) {
                        QualifyingHistory h = versions.get(v);
                        java.util.List<long[]> model = models.get(v);
                        assertThat(h.size()).isEqualTo(model.size());
                        for (int from = -1; from <= 50; from += 7) {
                            for (int to = from; to <= 51; to += 11) {
                                long[] expected = new long[3];
                                for (long[] f : model) {
                                    if (f[0] >= from && f[0] <= to) {
                                        expected[0] += f[1];
                                        expected[1] += f[2];
                                        expected[2] += f[3];
                                    }
                                }
                                assertThat(h.sum(Metric.SPEND, from, to)).isEqualTo(expected[0]);
                                assertThat(h.sum(Metric.POINTS_EARNED, from, to)).isEqualTo(expected[1]);
                                assertThat(h.sum(Metric.ORDER_COUNT, from, to)).isEqualTo(expected[2]);
                            }
                        }
                        for (int i = 1; i < h.size(); i++) {
                            assertThat(h.day(i)).isGreaterThanOrEqualTo(h.day(i - 1));
                        }
                    }
                });
    }

    @Test
    void versions_appended_on_many_threads_each_see_exactly_their_own_facts() throws Exception {
        QualifyingHistory base = QualifyingHistory.EMPTY.plus(10, 100, 1, 1);
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<QualifyingHistory>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    QualifyingHistory h = base;
                    for (int i = 0; i < 2_000; i++) {
                        h = h.plus(11 + i, thread + 1, 0, 1);
                    }
                    return h;
                }));
            }
            for (int t = 0; t < threads; t++) {
                QualifyingHistory h = futures.get(t).get();
                assertThat(h.size()).isEqualTo(2_001);
                assertThat(h.sum(Metric.SPEND, 0, 100_000)).isEqualTo(100 + 2_000L * (t + 1));
                assertThat(h.sum(Metric.ORDER_COUNT, 11, 100_000)).isEqualTo(2_000);
            }
            assertThat(base.size()).isEqualTo(1);
            assertThat(base.sum(Metric.SPEND, 0, 100)).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_history_built_at_once_keeps_facts_before_1970_before_later_ones() {
        QualifyingHistory h = QualifyingHistory.of(new int[] {0, -1, 3, -400}, new long[] {1, 2, 3, 4},
                new long[] {0, 0, 0, 0}, new long[] {1, 1, 1, 1});
        assertThat(new int[] {h.day(0), h.day(1), h.day(2), h.day(3)}).containsExactly(-400, -1, 0, 3);
        assertThat(h.sum(Metric.SPEND, -1, 0)).isEqualTo(3);
        assertThat(h.sum(Metric.SPEND, -400, -400)).isEqualTo(4);
    }
}
