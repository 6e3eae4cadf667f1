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
}
