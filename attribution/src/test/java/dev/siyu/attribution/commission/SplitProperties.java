package dev.siyu.attribution.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.siyu.core.money.Allocation;
import org.junit.jupiter.api.Test;

/** The two-way split of the commission hot path against the general largest-remainder allocation. */
class SplitProperties {

    @Test
    void a_two_way_split_gives_the_first_part_of_the_largest_remainder_allocation() {
        qt().withExamples(5_000).forAll(longs().between(0, 10_000_000), longs().between(1, 10_000),
                longs().between(1, 10_000)).checkAssert((whole, a, b) ->
                        assertThat(CommissionPlan.firstOfTwo(whole, a, b))
                                .isEqualTo(Allocation.byLargestRemainder(whole, a, b)[0]));
    }

    @Test
    void ties_and_huge_products_agree_with_the_general_allocation() {
        qt().withExamples(2_000).forAll(longs().between(0, Long.MAX_VALUE / 2), longs().between(1, 1L << 40))
                .checkAssert((whole, w) -> {
                    assertThat(CommissionPlan.firstOfTwo(whole, w, w))
                            .isEqualTo(Allocation.byLargestRemainder(whole, w, w)[0]);
                    assertThat(CommissionPlan.firstOfTwo(whole, w, 3 * w))
                            .isEqualTo(Allocation.byLargestRemainder(whole, w, 3 * w)[0]);
                });
    }
}
