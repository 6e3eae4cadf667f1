package dev.siyu.core.churn;

import dev.siyu.core.explain.Explanation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * RFM scoring by quantiles: recency = time since the last purchase day (T − tₓ, shorter scores
 * higher), frequency = purchase days (x + 1), monetary = average spend per repeat purchase day.
 * Each is scored 1..{@code bins} by its rank among all members (ties share the lower score), and
 * members are put into the first matching segment. Immutable and thread-safe.
 */
public final class Rfm {

    /** The segment of members no configured segment matches. */
    public static final String OTHER = "Other";

    private final int bins;
    private final List<RfmSegment> segments;

    private Rfm(int bins, List<RfmSegment> segments) {
        this.bins = bins;
        this.segments = segments;
    }

    /**
     * An RFM scorer with {@code bins} quantiles and segments tried in order.
     *
     * @throws IllegalArgumentException if bins is not between 2 and 9
     */
    public static Rfm of(int bins, List<RfmSegment> segments) {
        if (bins < 2 || bins > 9) {
            throw new IllegalArgumentException("bins must be between 2 and 9: " + bins);
        }
        return new Rfm(bins, List.copyOf(segments));
    }

    /**
     * Quintiles with segments after pymc-marketing's defaults: "Premium Customer" (all ≥ 4),
     * "Repeat Customer" (F ≥ 4), "Top Spender" (M ≥ 4), "At Risk Customer" (R ≤ 2, F ≥ 3),
     * "Inactive Customer" (R ≤ 2), else {@value #OTHER}.
     */
    public static Rfm defaults() {
        return of(5, List.of(
                RfmSegment.atLeast("Premium Customer", 4, 4, 4),
                RfmSegment.atLeast("Repeat Customer", 1, 4, 1),
                RfmSegment.atLeast("Top Spender", 1, 1, 4),
                new RfmSegment("At Risk Customer", 1, 3, 1, 2, 9, 9),
                new RfmSegment("Inactive Customer", 1, 1, 1, 2, 9, 9)));
    }

    /** Scores every member against the others in {@code members}. */
    public List<RfmScore> score(List<CustomerSummary> members) {
        Objects.requireNonNull(members, "members");
        int n = members.size();
        double[] r = new double[n];
        double[] f = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerSummary c = members.get(i);
            r[i] = -c.sinceLastPurchase();
            f[i] = c.frequency() + 1.0;
            m[i] = c.averageSpend();
        }
        int[] rs = quantiles(r);
        int[] fs = quantiles(f);
        int[] ms = quantiles(m);
        List<RfmScore> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String segment = OTHER;
            for (RfmSegment s : segments) {
                if (s.contains(rs[i], fs[i], ms[i])) {
                    segment = s.name();
                    break;
                }
            }
            CustomerSummary c = members.get(i);
            Explanation why = Explanation.builder("RFM_SEGMENT")
                    .fact("segment", segment)
                    .fact("recencyScore", rs[i])
                    .fact("frequencyScore", fs[i])
                    .fact("monetaryScore", ms[i])
                    .fact("sinceLastPurchase", String.format(Locale.ROOT, "%.4f", c.sinceLastPurchase()))
                    .fact("purchaseDays", c.frequency() + 1)
                    .fact("averageSpend", String.format(Locale.ROOT, "%.4f", c.averageSpend()))
                    .fact("bins", bins)
                    .build();
            out.add(new RfmScore(c.member(), rs[i], fs[i], ms[i], segment, why));
        }
        return out;
    }

    private int[] quantiles(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int rank = lowerBound(sorted, values[i]);
            scores[i] = 1 + (int) ((long) rank * bins / n);
        }
        return scores;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
