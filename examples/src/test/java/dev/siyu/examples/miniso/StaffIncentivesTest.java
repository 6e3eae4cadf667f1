package dev.siyu.examples.miniso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.kpi.Leaderboard;
import dev.siyu.attribution.target.Target;
import org.junit.jupiter.api.Test;

class StaffIncentivesTest {

    @Test
    void the_regions_target_splits_exactly_to_stores_staff_weeks_and_days_and_the_board_ranks_staff() {
        StaffIncentives.Result r = StaffIncentives.run();
        assertThat(r.target().children()).extracting(Target::amount).containsExactly(6000L, 3600L, 2400L);
        assertThat(r.target().find("m1").orElseThrow().amount()).isEqualTo(1200);
        long staff = r.target().children().stream().flatMap(s -> s.children().stream()).mapToLong(Target::amount).sum();
        assertThat(staff).isEqualTo(12_000);
        assertThat(r.topPlan().days().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(r.target().find("f1").orElseThrow().amount());
        assertThat(r.board()).hasSize(5).extracting(Leaderboard.Entry::rank).isSorted();
        assertThat(r.progress()).hasSize(9).allSatisfy((name, p) -> assertThat(p.forecast()).isPositive());
    }
}
