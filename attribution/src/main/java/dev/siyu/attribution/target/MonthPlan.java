package dev.siyu.attribution.target;

import dev.siyu.core.money.Allocation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A month's target split into weeks (Monday-based, the first and last possibly partial) and each
 * week into days, in proportion to day-of-week weights (weekends usually weigh more in retail), by
 * largest remainder at each step: weeks sum exactly to the month, days to their week. Immutable.
 *
 * @param month the month
 * @param amount the month's target
 * @param weeks each week's first day in the month and its target
 * @param days each day's target, in date order
 */
public record MonthPlan(YearMonth month, long amount, Map<LocalDate, Long> weeks, Map<LocalDate, Long> days) {
    public MonthPlan {
        Objects.requireNonNull(month, "month");
        weeks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weeks));
        days = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(days));
    }

    /** Even weights for every day of the week. */
    public static Map<DayOfWeek, Long> evenDays() {
        Map<DayOfWeek, Long> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, 1L);
        }
        return w;
    }

    /**
     * Splits {@code amount} over {@code month}.
     *
     * @param dayWeights a weight per day of week, {@code >= 0}, not all zero
     * @throws IllegalArgumentException if a day of week has no weight, a weight is negative or all are zero
     */
    public static MonthPlan split(YearMonth month, long amount, Map<DayOfWeek, Long> dayWeights) {
        Objects.requireNonNull(month, "month");
        for (DayOfWeek d : DayOfWeek.values()) {
            Long w = dayWeights.get(d);
            if (w == null || w < 0) {
                throw new IllegalArgumentException("dayWeights " + d + " must be >= 0: " + w);
            }
        }
        List<List<LocalDate>> weeks = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (weeks.isEmpty() || d.getDayOfWeek() == DayOfWeek.MONDAY) {
                weeks.add(new ArrayList<>());
            }
            weeks.get(weeks.size() - 1).add(d);
        }
        long[] weekWeights = new long[weeks.size()];
        for (int i = 0; i < weekWeights.length; i++) {
            for (LocalDate d : weeks.get(i)) {
                weekWeights[i] += dayWeights.get(d.getDayOfWeek());
            }
        }
        long[] weekAmounts = Allocation.byLargestRemainder(amount, weekWeights);
        Map<LocalDate, Long> weekMap = new LinkedHashMap<>();
        Map<LocalDate, Long> dayMap = new LinkedHashMap<>();
        for (int i = 0; i < weekAmounts.length; i++) {
            List<LocalDate> week = weeks.get(i);
            weekMap.put(week.get(0), weekAmounts[i]);
            long[] w = week.stream().mapToLong(d -> dayWeights.get(d.getDayOfWeek())).toArray();
            if (weekWeights[i] == 0) {
                week.forEach(d -> dayMap.put(d, 0L));
                continue;
            }
            long[] dayAmounts = Allocation.byLargestRemainder(weekAmounts[i], w);
            for (int k = 0; k < week.size(); k++) {
                dayMap.put(week.get(k), dayAmounts[k]);
            }
        }
        return new MonthPlan(month, amount, weekMap, dayMap);
    }

    /** The target of the days up to and including {@code date}. */
    public long plannedThrough(LocalDate date) {
        long sum = 0;
        for (Map.Entry<LocalDate, Long> e : days.entrySet()) {
            if (!e.getKey().isAfter(date)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

}
