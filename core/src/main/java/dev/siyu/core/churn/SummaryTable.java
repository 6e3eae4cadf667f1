package dev.siyu.core.churn;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Summaries of many members as primitive columns, each row with a weight (how many members share
 * it), in one {@link PeriodUnit}. The input of every fit.
 *
 * <p>Rows with the same (x, tₓ, T) cost once in a purchase-model fit: the table compresses them
 * into patterns, so CDNOW × 1000 (2.357 M rows) fits as fast as CDNOW. Immutable and
 * thread-safe; the arrays passed in are copied.
 */
public final class SummaryTable {

    private final PeriodUnit unit;
    private final long[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] averageSpend;
    private final long[] weight;

    private SummaryTable(PeriodUnit unit, long[] frequency, double[] recency, double[] age, double[] averageSpend,
            long[] weight) {
        this.unit = unit;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.averageSpend = averageSpend;
        this.weight = weight;
    }

    /**
     * A table of one row per summary, each of weight 1.
     *
     * @throws IllegalArgumentException if {@code summaries} is empty
     */
    public static SummaryTable of(Collection<CustomerSummary> summaries, PeriodUnit unit) {
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(unit, "unit");
        int n = summaries.size();
        long[] x = new long[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        long[] w = new long[n];
        int i = 0;
        for (CustomerSummary s : summaries) {
            x[i] = s.frequency();
            tx[i] = s.recency();
            t[i] = s.age();
            m[i] = s.averageSpend();
            w[i] = 1;
            i++;
        }
        return ofColumns(unit, x, tx, t, m, w);
    }

    /**
     * A table from columns of equal length; {@code averageSpend} and {@code weight} may be null
     * (all 0 and all 1).
     *
     * @throws IllegalArgumentException if the table is empty, the lengths differ, a weight is not
     *     positive, or a row breaks a rule of {@link CustomerSummary} (the message names the row)
     */
    public static SummaryTable ofColumns(PeriodUnit unit, long[] frequency, double[] recency, double[] age,
            double[] averageSpend, long[] weight) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        int n = frequency.length;
        if (n == 0) {
            throw new IllegalArgumentException("summaries must not be empty: 0 rows");
        }
        double[] m = averageSpend == null ? new double[n] : averageSpend.clone();
        long[] w = weight == null ? filledOnes(n) : weight.clone();
        if (recency.length != n || age.length != n || m.length != n || w.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "column lengths must all equal frequency's %d: recency %d, age %d, averageSpend %d, weight %d",
                    n, recency.length, age.length, m.length, w.length));
        }
        long[] x = frequency.clone();
        double[] tx = recency.clone();
        double[] t = age.clone();
        long total = 0;
        for (int i = 0; i < n; i++) {
            CustomerSummary.check(i, x[i], tx[i], t[i], m[i]);
            if (w[i] <= 0) {
                throw new IllegalArgumentException("weight[" + i + "] must be > 0: " + w[i]);
            }
            total = Math.addExact(total, w[i]);
        }
        return new SummaryTable(unit, x, tx, t, m, w);
    }

    private static long[] filledOnes(int n) {
        long[] w = new long[n];
        Arrays.fill(w, 1L);
        return w;
    }

    /** The time unit of recency and age. */
    public PeriodUnit unit() {
        return unit;
    }

    /** Number of rows. */
    public int size() {
        return frequency.length;
    }

    /** Sum of the weights: the number of members. */
    public long members() {
        long sum = 0;
        for (long w : weight) {
            sum += w;
        }
        return sum;
    }

    /** x of row {@code i}. */
    public long frequency(int i) {
        return frequency[i];
    }

    /** tₓ of row {@code i}. */
    public double recency(int i) {
        return recency[i];
    }

    /** T of row {@code i}. */
    public double age(int i) {
        return age[i];
    }

    /** Mean repeat spend of row {@code i}. */
    public double averageSpend(int i) {
        return averageSpend[i];
    }

    /** Weight of row {@code i}. */
    public long weight(int i) {
        return weight[i];
    }

    /** Distinct (x, tₓ, T) patterns with summed weights, for the purchase models. */
    Patterns purchasePatterns() {
        Map<Key, double[]> byKey = new HashMap<>();
        Key[] order = new Key[frequency.length];
        int distinct = 0;
        for (int i = 0; i < frequency.length; i++) {
            Key key = new Key(frequency[i], recency[i], age[i], 0.0);
            double[] w = byKey.get(key);
            if (w == null) {
                byKey.put(key, new double[] {weight[i]});
                order[distinct++] = key;
            } else {
                w[0] += weight[i];
            }
        }
        return patterns(byKey, order, distinct);
    }

    /** Distinct (x, m) patterns of the repeat buyers with a positive spend, for Gamma-Gamma. */
    Patterns spendPatterns() {
        Map<Key, double[]> byKey = new HashMap<>();
        Key[] order = new Key[frequency.length];
        int distinct = 0;
        for (int i = 0; i < frequency.length; i++) {
            if (frequency[i] == 0 || averageSpend[i] <= 0) {
                continue;
            }
            Key key = new Key(frequency[i], 0.0, 0.0, averageSpend[i]);
            double[] w = byKey.get(key);
            if (w == null) {
                byKey.put(key, new double[] {weight[i]});
                order[distinct++] = key;
            } else {
                w[0] += weight[i];
            }
        }
        return patterns(byKey, order, distinct);
    }

    private static Patterns patterns(Map<Key, double[]> byKey, Key[] order, int distinct) {
        long[] x = new long[distinct];
        double[] tx = new double[distinct];
        double[] t = new double[distinct];
        double[] m = new double[distinct];
        double[] w = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            Key k = order[i];
            x[i] = k.x;
            tx[i] = k.tx;
            t[i] = k.t;
            m[i] = k.m;
            w[i] = byKey.get(k)[0];
        }
        return new Patterns(x, tx, t, m, w);
    }

    private record Key(long x, double tx, double t, double m) {
    }

    /** Weighted distinct rows. Arrays are never modified after construction. */
    record Patterns(long[] x, double[] tx, double[] t, double[] m, double[] w) {

        int size() {
            return x.length;
        }

        double totalWeight() {
            double sum = 0;
            for (double v : w) {
                sum += v;
            }
            return sum;
        }

        double maxAge() {
            double max = 0;
            for (double v : t) {
                max = Math.max(max, v);
            }
            return max;
        }

        double repeatWeight() {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i] > 0) {
                    sum += w[i];
                }
            }
            return sum;
        }

        double weightedFrequency() {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += w[i] * x[i];
            }
            return sum;
        }
    }
}
