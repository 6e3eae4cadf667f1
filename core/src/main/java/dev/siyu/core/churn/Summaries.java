package dev.siyu.core.churn;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds {@link CustomerSummary summaries} from purchases: same-day purchases merged (net of
 * refunds), days with a negative net dropped (a zero amount, e.g. an order paid in points, still
 * counts as a purchase day), x = purchase days after the first, tₓ and T
 * from the first purchase day in the requested unit (whole days ÷ unit length, no rounding).
 * Stateless and thread-safe.
 */
public final class Summaries {

    private Summaries() {
    }

    /**
     * Net purchases per order and business day: each order's net less the net of the units its
     * refunds returned, on the order's business day in {@code zone}. Orders refunded in full are
     * left out.
     *
     * @throws IllegalArgumentException if a refund does not fit its order (see {@link Refund#checkAgainst})
     */
    public static List<Purchase> fromOrders(Collection<Order> orders, Collection<Refund> refunds, ZoneId zone) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(refunds, "refunds");
        Objects.requireNonNull(zone, "zone");
        Map<OrderId, List<Refund>> byOrder = new HashMap<>();
        for (Refund refund : refunds) {
            byOrder.computeIfAbsent(refund.order(), k -> new ArrayList<>()).add(refund);
        }
        List<Purchase> out = new ArrayList<>(orders.size());
        for (Order order : orders) {
            Money net = order.net();
            Map<Integer, Integer> returned = new HashMap<>();
            for (Refund refund : byOrder.getOrDefault(order.id(), List.of())) {
                refund.checkAgainst(order, returned);
                for (RefundLine line : refund.lines()) {
                    OrderLine sold = order.line(line.lineNo()).orElseThrow();
                    int before = returned.getOrDefault(line.lineNo(), 0);
                    net = net.minus(sold.netForUnits(before, line.quantity()));
                    returned.put(line.lineNo(), before + line.quantity());
                }
            }
            if (returned.isEmpty() || net.isPositive()) {
                // an order refunded in full is no purchase at all
                out.add(new Purchase(order.member(), order.placedAt().atZone(zone).toLocalDate(), net));
            }
        }
        return out;
    }

    /**
     * One summary per member with a positive purchase day on or before {@code observationEnd};
     * T = days from the first purchase day to {@code observationEnd}.
     *
     * @throws IllegalArgumentException if purchases of one member mix currencies
     */
    public static List<CustomerSummary> summarize(Collection<Purchase> purchases, LocalDate observationEnd,
            PeriodUnit unit) {
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(unit, "unit");
        List<CustomerSummary> out = new ArrayList<>();
        for (Map.Entry<MemberId, TreeMap<LocalDate, Money>> e : byMemberAndDay(purchases).entrySet()) {
            TreeMap<LocalDate, Money> days = positiveDays(e.getValue(), LocalDate.MIN, observationEnd);
            if (!days.isEmpty()) {
                out.add(summary(e.getKey(), days, observationEnd, unit));
            }
        }
        out.sort((u, v) -> u.member().compareTo(v.member()));
        return out;
    }

    /**
     * Calibration summaries up to {@code calibrationEnd} (inclusive) and the purchase days in
     * (calibrationEnd, observationEnd]. Members whose first purchase day falls after the
     * calibration end are left out.
     *
     * @throws IllegalArgumentException if observationEnd is before calibrationEnd
     */
    public static List<HoldoutSummary> calibrationAndHoldout(Collection<Purchase> purchases, LocalDate calibrationEnd,
            LocalDate observationEnd, PeriodUnit unit) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(observationEnd, "observationEnd");
        Objects.requireNonNull(unit, "unit");
        if (observationEnd.isBefore(calibrationEnd)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "observationEnd must be on or after calibrationEnd %s: %s", calibrationEnd, observationEnd));
        }
        double duration = unit.ofDays(ChronoUnit.DAYS.between(calibrationEnd, observationEnd));
        List<HoldoutSummary> out = new ArrayList<>();
        for (Map.Entry<MemberId, TreeMap<LocalDate, Money>> e : byMemberAndDay(purchases).entrySet()) {
            TreeMap<LocalDate, Money> calibration = positiveDays(e.getValue(), LocalDate.MIN, calibrationEnd);
            if (calibration.isEmpty()) {
                continue;
            }
            TreeMap<LocalDate, Money> holdout = positiveDays(e.getValue(), calibrationEnd.plusDays(1), observationEnd);
            out.add(new HoldoutSummary(summary(e.getKey(), calibration, calibrationEnd, unit), holdout.size(),
                    mean(holdout.values(), holdout.size()), duration));
        }
        out.sort((u, v) -> u.calibration().member().compareTo(v.calibration().member()));
        return out;
    }

    private static Map<MemberId, TreeMap<LocalDate, Money>> byMemberAndDay(Collection<Purchase> purchases) {
        Objects.requireNonNull(purchases, "purchases");
        Map<MemberId, TreeMap<LocalDate, Money>> byMember = new HashMap<>();
        for (Purchase p : purchases) {
            byMember.computeIfAbsent(p.member(), k -> new TreeMap<>()).merge(p.date(), p.amount(), Money::plus);
        }
        return byMember;
    }

    private static TreeMap<LocalDate, Money> positiveDays(TreeMap<LocalDate, Money> days, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Money> out = new TreeMap<>();
        for (Map.Entry<LocalDate, Money> day : days.subMap(from, true, to, true).entrySet()) {
            if (!day.getValue().isNegative()) {
                out.put(day.getKey(), day.getValue());
            }
        }
        return out;
    }

    private static CustomerSummary summary(MemberId member, TreeMap<LocalDate, Money> days, LocalDate end,
            PeriodUnit unit) {
        LocalDate first = days.firstKey();
        LocalDate last = days.lastKey();
        long x = days.size() - 1L;
        List<Money> repeat = new ArrayList<>(days.tailMap(first, false).values());
        return new CustomerSummary(member, x, unit.ofDays(ChronoUnit.DAYS.between(first, last)),
                unit.ofDays(ChronoUnit.DAYS.between(first, end)), mean(repeat, repeat.size()));
    }

    private static double mean(Collection<Money> amounts, int count) {
        if (count == 0) {
            return 0.0;
        }
        Currency currency = amounts.iterator().next().currency();
        Money total = Money.zero(currency);
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total.amount().divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue();
    }
}
