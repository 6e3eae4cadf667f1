package dev.siyu.examples.miniso;

import dev.siyu.attribution.kpi.GuideActivity;
import dev.siyu.attribution.kpi.GuideKpis;
import dev.siyu.attribution.kpi.Leaderboard;
import dev.siyu.attribution.target.MonthPlan;
import dev.siyu.attribution.target.Progress;
import dev.siyu.attribution.target.Target;
import dev.siyu.attribution.target.TargetNode;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Miniso (名创优品): staff incentives on customers added. The region's March target of 12,000 new
 * WeCom customers is split by store size to three stores and by headcount to their staff, then
 * each person's month to weeks and days (weekends weigh double). On 15 March the leaderboard ranks
 * staff by customers added, and each person's progress forecasts the month at the planned pace.
 * Run {@link #main} to print it.
 */
public final class StaffIncentives {

    private StaffIncentives() {
    }

    /** The split, the month plan of the top person, the board and everyone's progress. */
    record Result(Target target, MonthPlan topPlan, List<Leaderboard.Entry> board, Map<String, Progress> progress) {
    }

    public static void main(String[] args) {
        Result r = run();
        r.board().forEach(e -> System.out.println(e.rank() + ". " + e.guide() + " " + e.value() + " added, forecast "
                + r.progress().get(e.guide().value()).forecast() + " of " + r.progress().get(e.guide().value()).target()));
    }

    static Result run() {
        TargetNode region = TargetNode.of("region", 1,
                TargetNode.of("flagship", 5, staff("f", 4)),
                TargetNode.of("mall", 3, staff("m", 3)),
                TargetNode.of("street", 2, staff("s", 2)));
        Target target = Target.split(12_000, region);
        Map<DayOfWeek, Long> weights = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weights.put(d, d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 2L : 1L);
        }
        YearMonth march = YearMonth.of(2026, 3);
        LocalDate asOf = LocalDate.of(2026, 3, 15);
        SplittableRandom random = new SplittableRandom(15);
        List<GuideKpis> kpis = new ArrayList<>();
        Map<String, Progress> progress = new java.util.TreeMap<>();
        MonthPlan topPlan = null;
        for (Target store : target.children()) {
            for (Target person : store.children()) {
                MonthPlan plan = MonthPlan.split(march, person.amount(), weights);
                long added = plan.plannedThrough(asOf) * (70 + random.nextInt(60)) / 100;
                long deleted = added / 20;
                kpis.add(GuideKpis.of(new GuideActivity(GuideId.of(person.name()), added, deleted, added / 2,
                        added, added / 5, added / 20, added / 4, Money.cnyMinor(added * 3_900), 200, 60)));
                progress.put(person.name(), Progress.of(plan, added - deleted, asOf));
                if (topPlan == null) {
                    topPlan = plan;
                }
            }
        }
        return new Result(target, topPlan, Leaderboard.rank(kpis, Leaderboard.Metric.NET_CUSTOMERS_ADDED, 5), progress);
    }

    private static TargetNode[] staff(String prefix, int n) {
        TargetNode[] out = new TargetNode[n];
        for (int i = 0; i < n; i++) {
            out[i] = TargetNode.leaf(prefix + (i + 1), 1);
        }
        return out;
    }
}
