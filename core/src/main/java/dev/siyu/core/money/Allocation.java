package dev.siyu.core.money;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * Exact splitting of a whole into integer shares by the largest-remainder method.
 *
 * <p>Each share is the floor of its pro-rata part; the units left over go, one each, to the shares
 * with the largest remainders. Ties are broken by the larger weight, then by the lower index, so
 * the multiset of shares does not depend on the order of the weights. The shares always sum to the
 * whole exactly, and each lies within one unit of its exact pro-rata part.
 *
 * <p>A negative whole is split as its absolute value and the shares negated. Thread-safe: stateless.
 */
public final class Allocation {

    private Allocation() {
    }

    /**
     * Splits {@code whole} in proportion to {@code weights}.
     *
     * @param whole the amount to split, in integer units (minor units of money, points …)
     * @param weights non-negative weights with a positive sum
     * @return one share per weight, summing exactly to {@code whole}
     * @throws IllegalArgumentException if there is no weight, a weight is negative or all are zero
     */
    public static long[] byLargestRemainder(long whole, long... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        BigInteger weightSum = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "weights[%d] must be >= 0: %d", i, weights[i]));
            }
            weightSum = weightSum.add(BigInteger.valueOf(weights[i]));
        }
        if (weightSum.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero: " + Arrays.toString(weights));
        }
        if (whole == Long.MIN_VALUE) {
            throw new ArithmeticException("whole out of range: " + whole);
        }
        boolean negative = whole < 0;
        BigInteger total = BigInteger.valueOf(Math.abs(whole));
        long[] shares = new long[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        long allotted = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(weightSum);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allotted += shares[i];
        }
        long leftover = Math.abs(whole) - allotted;
        if (leftover > 0) {
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
        }
        if (negative) {
            for (int i = 0; i < shares.length; i++) {
                shares[i] = -shares[i];
            }
        }
        return shares;
    }
}
