package dev.siyu.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.event.TierChanged;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.points.PointsAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTest {

    private static String output(Demo[] holder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        holder[0] = Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void replays_a_few_hundred_happenings_and_reports_every_member() {
        Demo[] demo = new Demo[1];
        String report = output(demo);
        Map<String, Integer> counts = demo[0].counts();
        assertThat(counts.get("purchases")).isBetween(150, 600);
        assertThat(counts.get("refunds")).isPositive();
        assertThat(counts.get("redemptions")).isPositive();
        for (MemberId member : demo[0].statuses().keySet()) {
            assertThat(report).contains(member.value() + "  joined");
        }
        assertThat(report).contains("why: TIER_UPGRADED").contains("why: TIER_DOWNGRADED");
    }

    @Test
    void every_account_conserves_points_and_every_tier_decision_explains_itself() {
        Demo[] demo = new Demo[1];
        output(demo);
        for (MemberId member : demo[0].statuses().keySet()) {
            PointsAccount account = demo[0].ledger().account(member);
            assertThat(account.balance()).isEqualTo(account.totals().net()).isGreaterThanOrEqualTo(0);
            List<TierChanged> decisions = demo[0].decisions().get(member);
            assertThat(decisions.get(0).kind()).isEqualTo(TierChanged.Kind.ENROLLED);
            assertThat(decisions).allSatisfy(d -> assertThat(d.explanation().facts()).containsKeys("metric", "value"));
            assertThat(decisions.get(decisions.size() - 1).to()).isEqualTo(demo[0].statuses().get(member).tier());
        }
    }

    @Test
    void is_deterministic() {
        assertThat(output(new Demo[1])).isEqualTo(output(new Demo[1]));
    }
}
