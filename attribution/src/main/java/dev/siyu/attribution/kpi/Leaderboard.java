package dev.siyu.attribution.kpi;

import dev.siyu.core.id.GuideId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Ranks guides by one KPI, highest first, with standard competition ranking (1, 2, 2, 4): equal
 * values share a rank and are listed by guide id. Deterministic. Stateless and thread-safe.
 */
public final class Leaderboard {

    /** The KPIs a leaderboard can rank by. */
    public enum Metric {
        GMV(k -> new BigDecimal(k.gmv().minor())),
        NET_CUSTOMERS_ADDED(k -> BigDecimal.valueOf(k.netCustomersAdded())),
        ACTIVE_CUSTOMERS(k -> BigDecimal.valueOf(k.activeCustomers())),
        CONVERSION(GuideKpis::conversionPercent),
        REPURCHASE(GuideKpis::repurchasePercent),
        COUPON_REDEMPTION(GuideKpis::couponRedemptionPercent),
        AVERAGE_ORDER_VALUE(k -> BigDecimal.valueOf(k.averageOrderValue().minor()));

        private final Function<GuideKpis, BigDecimal> value;

        Metric(Function<GuideKpis, BigDecimal> value) {
            this.value = value;
        }

        BigDecimal of(GuideKpis kpis) {
            return value.apply(kpis);
        }
    }

    /**
     * A place on the board.
     *
     * @param rank 1 for the best
     * @param guide the guide
     * @param value the KPI's value (minor units for money)
     */
    public record Entry(int rank, GuideId guide, BigDecimal value) {
        public Entry {
            Objects.requireNonNull(guide, "guide");
            Objects.requireNonNull(value, "value");
        }
    }

    private Leaderboard() {
    }

    /** The top {@code limit} guides by {@code metric}. */
    public static List<Entry> rank(List<GuideKpis> kpis, Metric metric, int limit) {
        Objects.requireNonNull(metric, "metric");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        List<GuideKpis> sorted = new ArrayList<>(kpis);
        sorted.sort(Comparator.comparing((GuideKpis k) -> metric.of(k)).reversed().thenComparing(GuideKpis::guide));
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < sorted.size() && i < limit; i++) {
            BigDecimal value = metric.of(sorted.get(i));
            int rank = i > 0 && out.get(i - 1).value().compareTo(value) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Entry(rank, sorted.get(i).guide(), value));
        }
        return out;
    }
}
