package dev.siyu.attribution.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void youmall_acquisition_target_splits_by_department_role_and_person() {
        TargetNode mall = TargetNode.of("mall", 1,
                TargetNode.of("cosmetics", 2, TargetNode.of("cosmetics/guides", 1,
                        TargetNode.leaf("g1", 1), TargetNode.leaf("g2", 1), TargetNode.leaf("g3", 1))),
                TargetNode.of("womenswear", 1, TargetNode.of("womenswear/guides", 1,
                        TargetNode.leaf("g4", 1), TargetNode.leaf("g5", 1))));
        Target t = Target.split(1000, mall);
        assertThat(t.find("cosmetics").orElseThrow().amount()).isEqualTo(667);
        assertThat(t.find("womenswear").orElseThrow().amount()).isEqualTo(333);
        assertThat(t.find("g1").orElseThrow().amount() + t.find("g2").orElseThrow().amount()
                + t.find("g3").orElseThrow().amount()).isEqualTo(667);
        assertThat(t.find("g1").orElseThrow().amount()).isEqualTo(223);
    }

    @Test
    void progress_forecasts_at_the_planned_pace() {
        MonthPlan plan = MonthPlan.split(YearMonth.of(2026, 3), 3100, MonthPlan.evenDays());
        assertThat(plan.days().get(LocalDate.of(2026, 3, 1))).isEqualTo(100);
        Progress p = Progress.of(plan, 1200, LocalDate.of(2026, 3, 10));
        assertThat(p.planned()).isEqualTo(1000);
        assertThat(p.forecast()).isEqualTo(3720);
        assertThat(p.onTrack()).isTrue();
        assertThat(p.attainmentPercent()).isEqualByComparingTo("38.71");
    }
}
