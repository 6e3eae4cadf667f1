package dev.siyu.core.tier;

import java.util.Arrays;

/**
 * A member's qualifying facts as sorted primitive arrays: the business epoch day of each fact and
 * prefix sums of spend (minor units), points earned and orders. The sum of a metric over any date
 * range is two binary searches and a subtraction, with no allocation. Immutable; adding a fact
 * copies the arrays (a history holds a few hundred facts).
 */
final class QualifyingHistory {

    static final QualifyingHistory EMPTY = new QualifyingHistory(new int[0], new long[1], new long[1], new long[1]);

    private final int[] days;
    private final long[] spend;
    private final long[] points;
    private final long[] orders;

    private QualifyingHistory(int[] days, long[] spend, long[] points, long[] orders) {
        this.days = days;
        this.spend = spend;
        this.points = points;
        this.orders = orders;
    }

    int size() {
        return days.length;
    }

    /** The epoch day of the {@code i}-th fact in date order. */
    int day(int i) {
        return days[i];
    }

    /** The {@code metric} value of the {@code i}-th fact in date order. */
    long delta(Metric metric, int i) {
        long[] prefix = switch (metric) {
            case SPEND -> spend;
            case POINTS_EARNED -> points;
            case ORDER_COUNT -> orders;
        };
        return prefix[i + 1] - prefix[i];
    }

    /** This history with one more fact on epoch day {@code day}, after any fact of the same day. */
    QualifyingHistory plus(int day, long spendDelta, long pointsDelta, long ordersDelta) {
        int n = days.length;
        int pos = upperBound(day);
        int[] d = new int[n + 1];
        System.arraycopy(days, 0, d, 0, pos);
        d[pos] = day;
        System.arraycopy(days, pos, d, pos + 1, n - pos);
        return new QualifyingHistory(d, insert(spend, pos, spendDelta), insert(points, pos, pointsDelta),
                insert(orders, pos, ordersDelta));
    }

    private static long[] insert(long[] prefix, int pos, long delta) {
        int n = prefix.length - 1;
        long[] out = new long[n + 2];
        System.arraycopy(prefix, 0, out, 0, pos + 1);
        out[pos + 1] = Math.addExact(prefix[pos], delta);
        for (int i = pos + 1; i <= n; i++) {
            out[i + 1] = Math.addExact(out[i], prefix[i] - prefix[i - 1]);
        }
        return out;
    }

    /** A history of the given facts, in any order (stable by day). */
    static QualifyingHistory of(int[] day, long[] spendDelta, long[] pointsDelta, long[] ordersDelta) {
        int n = day.length;
        if (n == 0) {
            return EMPTY; // most members enrol without history: one shared empty history, not four arrays each
        }
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            // day in the high 32 bits (offset to keep the sign order), index in the low bits: a stable sort
            keyed[i] = ((long) day[i] - Integer.MIN_VALUE) << 32 | i;
        }
        Arrays.sort(keyed);
        int[] d = new int[n];
        long[] s = new long[n + 1];
        long[] p = new long[n + 1];
        long[] o = new long[n + 1];
        for (int k = 0; k < n; k++) {
            int i = (int) (keyed[k] & 0xffffffffL);
            d[k] = day[i];
            s[k + 1] = Math.addExact(s[k], spendDelta[i]);
            p[k + 1] = Math.addExact(p[k], pointsDelta[i]);
            o[k + 1] = Math.addExact(o[k], ordersDelta[i]);
        }
        return new QualifyingHistory(d, s, p, o);
    }

    /** The sum of {@code metric} over facts on epoch days {@code from..to} inclusive. */
    long sum(Metric metric, int from, int to) {
        if (to < from) {
            return 0;
        }
        int lo = lowerBound(from);
        int hi = upperBound(to);
        long[] prefix = switch (metric) {
            case SPEND -> spend;
            case POINTS_EARNED -> points;
            case ORDER_COUNT -> orders;
        };
        return prefix[hi] - prefix[lo];
    }

    /** The first index whose day is {@code >= day}. */
    private int lowerBound(int day) {
        int lo = 0;
        int hi = days.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose day is {@code > day}. */
    private int upperBound(int day) {
        int lo = 0;
        int hi = days.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] <= day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
