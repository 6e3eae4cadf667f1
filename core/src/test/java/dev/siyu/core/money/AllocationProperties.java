package dev.siyu.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AllocationProperties {

    private static final Gen<Long> WHOLE = longs().between(-10_000_000_000L, 10_000_000_000L);
    private static final Gen<List<Long>> WEIGHTS = lists()
            .of(longs().between(0, 5_000_000L)).ofSizeBetween(1, 40)
            .assuming(ws -> ws.stream().mapToLong(Long::longValue).sum() > 0);

    private static long[] array(List<Long> weights) {
        return weights.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void shares_sum_to_the_whole() {
        qt().forAll(WHOLE, WEIGHTS).checkAssert((whole, weights) ->
                assertThat(Arrays.stream(Allocation.byLargestRemainder(whole, array(weights))).sum()).isEqualTo(whole));
    }

    @Test
    void each_share_is_within_one_unit_of_pro_rata() {
        qt().forAll(WHOLE, WEIGHTS).checkAssert((whole, weights) -> {
            long[] w = array(weights);
            long[] shares = Allocation.byLargestRemainder(whole, w);
            BigDecimal sum = BigDecimal.valueOf(Arrays.stream(w).sum());
            for (int i = 0; i < w.length; i++) {
                BigDecimal exact = new BigDecimal(BigInteger.valueOf(whole).multiply(BigInteger.valueOf(w[i])))
                        .divide(sum, MathContext.DECIMAL128);
                assertThat(BigDecimal.valueOf(shares[i]).subtract(exact).abs())
                        .as("share %d of %d by %s", i, whole, weights).isLessThan(BigDecimal.ONE);
            }
        });
    }

    @Test
    void a_zero_weight_gets_nothing() {
        qt().forAll(WHOLE, WEIGHTS, integers().between(0, 39)).checkAssert((whole, weights, at) -> {
            List<Long> withZero = new ArrayList<>(weights);
            int index = Math.min(at, withZero.size());
            withZero.add(index, 0L);
            assertThat(Allocation.byLargestRemainder(whole, array(withZero))[index]).isZero();
        });
    }

    @Test
    void shares_do_not_depend_on_the_order_of_the_weights() {
        qt().forAll(WHOLE, WEIGHTS, longs().all()).checkAssert((whole, weights, seed) -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < weights.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new java.util.Random(seed));
            long[] w = array(weights);
            long[] permuted = new long[w.length];
            for (int i = 0; i < w.length; i++) {
                permuted[i] = w[order.get(i)];
            }
            long[] direct = Allocation.byLargestRemainder(whole, w);
            long[] shuffled = Allocation.byLargestRemainder(whole, permuted);
            // the same weight always gets the same multiset of shares
            for (int i = 0; i < w.length; i++) {
                long weight = permuted[i];
                long[] sharesOfWeightDirect = sharesOf(w, direct, weight);
                long[] sharesOfWeightShuffled = sharesOf(permuted, shuffled, weight);
                assertThat(sharesOfWeightShuffled).containsExactlyInAnyOrder(sharesOfWeightDirect);
            }
        });
    }

    private static long[] sharesOf(long[] weights, long[] shares, long weight) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == weight) {
                out.add(shares[i]);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void money_allocation_keeps_the_currency_and_sums_exactly() {
        qt().forAll(WHOLE, WEIGHTS).checkAssert((whole, weights) -> {
            List<Money> parts = Money.cnyMinor(whole).allocate(array(weights));
            assertThat(parts.stream().reduce(Money.zero(Money.CNY), Money::plus)).isEqualTo(Money.cnyMinor(whole));
        });
    }
}
