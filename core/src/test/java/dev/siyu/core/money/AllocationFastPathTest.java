package dev.siyu.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The long fast path of {@link Allocation#byLargestRemainder} gives the same shares as exact BigInteger arithmetic. */
class AllocationFastPathTest {

    /** The allocation as specified, in BigInteger throughout (the reference). */
    private static long[] reference(long whole, long[] weights) {
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights) {
            sum = sum.add(BigInteger.valueOf(w));
        }
        BigInteger total = BigInteger.valueOf(Math.abs(whole));
        long[] shares = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long allotted = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(sum);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allotted += shares[i];
        }
        long leftover = Math.abs(whole) - allotted;
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int byRemainder = remainders[y].compareTo(remainders[x]);
            if (byRemainder != 0) {
                return byRemainder;
            }
            int byWeight = Long.compare(weights[y], weights[x]);
            return byWeight != 0 ? byWeight : Integer.compare(x, y);
        });
        for (int k = 0; k < leftover; k++) {
            shares[order[k]]++;
        }
        if (whole < 0) {
            for (int i = 0; i < shares.length; i++) {
                shares[i] = -shares[i];
            }
        }
        return shares;
    }

    @Test
    void small_and_huge_amounts_and_weights_are_shared_as_the_exact_reference_does() {
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 50_000; run++) {
            int n = random.nextInt(1, 6);
            long[] weights = new long[n];
            long bound = switch (random.nextInt(4)) {
                case 0 -> 10;
                case 1 -> 1_000_000;
                case 2 -> Long.MAX_VALUE / 4;
                default -> Long.MAX_VALUE;
            };
            for (int i = 0; i < n; i++) {
                weights[i] = random.nextInt(5) == 0 ? 0 : random.nextLong(0, bound);
            }
            if (Arrays.stream(weights).allMatch(w -> w == 0)) {
                weights[0] = 1;
            }
            long whole = random.nextBoolean() ? random.nextLong(-1_000_000, 1_000_000)
                    : random.nextLong(Long.MIN_VALUE + 1, Long.MAX_VALUE);
            assertThat(Allocation.byLargestRemainder(whole, weights)).as("%d by %s", whole, Arrays.toString(weights))
                    .containsExactly(reference(whole, weights));
        }
    }
}
