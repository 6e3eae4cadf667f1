package dev.siyu.attribution.target;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TargetProperties {

    static TargetNode node(RandomGenerator r, String name, int depth) {
        int children = depth == 0 ? 0 : r.nextInt(5);
        List<TargetNode> list = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            list.add(node(r, name + "." + i, depth - 1));
        }
        if (!list.isEmpty() && list.stream().allMatch(c -> c.weight() == 0)) {
            list.set(0, new TargetNode(list.get(0).name(), 1, list.get(0).children()));
        }
        return new TargetNode(name, r.nextInt(1000), list);
    }

    static void assertExact(Target t, TargetNode n) {
        if (t.children().isEmpty()) {
            return;
        }
        assertThat(t.children().stream().mapToLong(Target::amount).sum()).isEqualTo(t.amount());
        for (int i = 0; i < t.children().size(); i++) {
            Target child = t.children().get(i);
            long total = n.children().stream().mapToLong(TargetNode::weight).sum();
            double exact = (double) t.amount() * n.children().get(i).weight() / total;
            assertThat(Math.abs(child.amount() - exact)).isLessThan(1.0 + 1e-6 * Math.abs(exact));
            assertExact(child, n.children().get(i));
        }
    }

    @Test
    void a_decomposed_target_sums_exactly_to_its_parent_at_every_level() {
        qt().withExamples(300).forAll(gen(r -> new Object[] {node(r, "mall", 3), r.nextLong(1_000_000_000L)}))
                .checkAssert(o -> assertExact(Target.split((Long) o[1], (TargetNode) o[0]), (TargetNode) o[0]));
    }

    @Test
    void a_months_weeks_sum_to_the_month_and_days_to_their_week() {
        qt().withExamples(300).forAll(gen(r -> {
            Map<DayOfWeek, Long> w = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                w.put(d, (long) r.nextInt(5));
            }
            w.put(DayOfWeek.SATURDAY, 1L + r.nextInt(5));
            return MonthPlan.split(YearMonth.of(2020 + r.nextInt(10), 1 + r.nextInt(12)), r.nextLong(100_000_000L), w);
        })).checkAssert(plan -> {
            assertThat(plan.weeks().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(plan.amount());
            assertThat(plan.days().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(plan.amount());
            assertThat(plan.days()).hasSize(plan.month().lengthOfMonth());
            List<java.time.LocalDate> starts = new ArrayList<>(plan.weeks().keySet());
            for (int i = 0; i < starts.size(); i++) {
                java.time.LocalDate from = starts.get(i);
                java.time.LocalDate to = i + 1 < starts.size() ? starts.get(i + 1) : plan.month().atEndOfMonth().plusDays(1);
                long days = plan.days().entrySet().stream().filter(e -> !e.getKey().isBefore(from) && e.getKey().isBefore(to))
                        .mapToLong(Map.Entry::getValue).sum();
                assertThat(days).isEqualTo(plan.weeks().get(from));
            }
        });
    }
}
