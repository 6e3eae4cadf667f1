package dev.siyu.coupons.checkout;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search's compact structures against simple reference models. */
class CombinationProperties {

    record TopKCase(long[] standalone, boolean[] exclusive, int[] group, int groups, int maxCoupons) {
    }

    /**
     * The one-pass stand-alone top-k equals, for every suffix, sorting the stackable discounts (the best
     * one per group) and summing the largest {@code k}.
     */
    @Test
    void the_one_pass_stand_alone_top_k_equals_sorting_each_suffix() {
        qt().withExamples(1_000).forAll(gen(r -> {
            int n = r.nextInt(40);
            int groups = r.nextInt(4);
            long[] standalone = new long[n];
            boolean[] exclusive = new boolean[n];
            int[] group = new int[n];
            for (int i = 0; i < n; i++) {
                // few distinct values: equal discounts in and out of groups are common
                standalone[i] = r.nextBoolean() ? 1 + r.nextInt(5) : 1 + r.nextLong(100_000);
                exclusive[i] = r.nextInt(5) == 0;
                group[i] = groups > 0 && r.nextBoolean() ? r.nextInt(groups) : -1;
            }
            return new TopKCase(standalone, exclusive, group, groups, Math.min(1 + r.nextInt(6), n));
        })).checkAssert(c -> {
            int n = c.standalone().length;
            Candidate[] candidates = new Candidate[n];
            for (int i = 0; i < n; i++) {
                candidates[i] = new Candidate(null, null, new int[0], c.standalone()[i], 0, -1, Long.MAX_VALUE);
            }
            long[][] topK = Combination.standaloneTopK(candidates, c.exclusive(), c.group(), c.groups(), c.maxCoupons());
            for (int from = 0; from <= n; from++) {
                long[] bestOfGroup = new long[c.groups()];
                List<Long> values = new ArrayList<>();
                for (int i = from; i < n; i++) {
                    if (c.exclusive()[i]) {
                        continue;
                    }
                    if (c.group()[i] >= 0) {
                        bestOfGroup[c.group()[i]] = Math.max(bestOfGroup[c.group()[i]], c.standalone()[i]);
                    } else {
                        values.add(c.standalone()[i]);
                    }
                }
                for (long v : bestOfGroup) {
                    values.add(v);
                }
                values.sort(Comparator.reverseOrder());
                long sum = 0;
                for (int k = 1; k <= c.maxCoupons(); k++) {
                    sum += k <= values.size() ? values.get(k - 1) : 0;
                    assertThat(topK[from][k]).as("from %d, k %d", from, k).isEqualTo(sum);
                }
                assertThat(topK[from][0]).isZero();
            }
        });
    }
}
