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

    /** Up to this many (leftover × weights) steps, leftover units are chosen by selection, not by sorting. */
    private static final long SELECTION_LIMIT = 4096;

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
        long weightSum = 0;
        boolean fitsLong = true;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "weights[%d] must be >= 0: %d", i, weights[i]));
            }
            long sum = weightSum + weights[i];
            if (sum < 0) {
                fitsLong = false;
            } else {
                weightSum = sum;
            }
        }
        if (fitsLong && weightSum == 0) {
            throw new IllegalArgumentException("weights must not all be zero: " + Arrays.toString(weights));
        }
        if (whole == Long.MIN_VALUE) {
            throw new ArithmeticException("whole out of range: " + whole);
        }
        boolean negative = whole < 0;
        long total = Math.abs(whole);
        long[] shares = new long[weights.length];
        // Exact long arithmetic while every product fits; BigInteger otherwise. The shares and the
        // remainders (so the order of the leftover units) are the same numbers either way.
        BigInteger[] remainders = null;
        long[] longRemainders = null;
        long allotted = 0;
        if (fitsLong) {
            longRemainders = new long[weights.length];
            for (int i = 0; i < weights.length && longRemainders != null; i++) {
                long high = Math.multiplyHigh(total, weights[i]);
                long product = total * weights[i];
                if (high != 0 || product < 0) {
                    longRemainders = null;
                } else {
                    shares[i] = product / weightSum;
                    longRemainders[i] = product % weightSum;
                    allotted += shares[i];
                }
            }
        }
        if (longRemainders == null) {
            BigInteger bigSum = BigInteger.ZERO;
            for (long weight : weights) {
                bigSum = bigSum.add(BigInteger.valueOf(weight));
            }
            BigInteger bigTotal = BigInteger.valueOf(total);
            remainders = new BigInteger[weights.length];
            allotted = 0;
            for (int i = 0; i < weights.length; i++) {
                BigInteger[] qr = bigTotal.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(bigSum);
                shares[i] = qr[0].longValueExact();
                remainders[i] = qr[1];
                allotted += shares[i];
            }
        }
        long leftover = Math.abs(whole) - allotted;
        if (leftover > 0 && longRemainders != null && leftover * weights.length <= SELECTION_LIMIT) {
            // Few units left over (the common case: a discount over a basket): pick them one by one,
            // without boxing; same order as the sort below.
            boolean[] taken = new boolean[weights.length];
            for (long k = 0; k < leftover; k++) {
                int best = -1;
                for (int i = 0; i < weights.length; i++) {
                    if (!taken[i] && (best < 0 || longRemainders[i] > longRemainders[best]
                            || longRemainders[i] == longRemainders[best] && weights[i] > weights[best])) {
                        best = i;
                    }
                }
                taken[best] = true;
                shares[best]++;
            }
        } else if (leftover > 0) {
            Integer[] order = new Integer[weights.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            long[] fast = longRemainders;
            BigInteger[] slow = remainders;
            Arrays.sort(order, (x, y) -> {
                int byRemainder = fast != null ? Long.compare(fast[y], fast[x])
                        : slow[y].compareTo(slow[x]);
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

    /**
     * The part of {@code whole} carried by units {@code from .. from + count} when it is spread over
     * {@code units} equal units by largest remainder: every unit carries {@code whole / units}, and
     * the first {@code whole % units} units one more. The parts of successive ranges (returns of a
     * line, one after another) therefore sum to {@code whole} exactly.
     *
     * @throws IllegalArgumentException if the range is not within {@code 0 .. units}
     */
    public static long ofUnits(long whole, int units, int from, int count) {
        if (units < 1 || from < 0 || count < 0 || (long) from + count > units) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "units %d..%d must lie within the quantity %d", from, (long) from + count, units));
        }
        long base = whole / units;
        long odd = whole % units;
        long withOdd = Math.max(0, Math.min(from + count, odd) - Math.min(from, odd));
        return Math.addExact(Math.multiplyExact(base, count), withOdd);
    }
}
