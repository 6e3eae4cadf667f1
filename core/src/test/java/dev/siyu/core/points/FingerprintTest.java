package dev.siyu.core.points;

import static dev.siyu.core.points.Fixtures.day;
import static dev.siyu.core.points.Fixtures.earn;
import static dev.siyu.core.points.Fixtures.line;
import static dev.siyu.core.points.Fixtures.order;
import static dev.siyu.core.points.Fixtures.pay;
import static dev.siyu.core.points.Fixtures.refund;
import static dev.siyu.core.points.Fixtures.reward;
import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.TierId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void equal_payloads_have_equal_fingerprints() {
        assertThat(Fingerprint.of(earn(order("O1", day(0), line(1, "FOOD", "B1", 2, "10.00")))))
                .isEqualTo(Fingerprint.of(earn(order("O1", day(0), line(1, "FOOD", "B1", 2, "10.00")))));
        assertThat(Fingerprint.of(reward("r1", day(1), 100))).isEqualTo(Fingerprint.of(reward("r1", day(1), 100)));
    }

    @Test
    void a_change_of_any_field_the_ledger_reads_changes_the_fingerprint() {
        List<PointsCommand> commands = new ArrayList<>();
        commands.add(earn(order("O1", day(0), line(1, "FOOD", "B1", 2, "10.00"))));
        commands.add(earn(order("O2", day(0), line(1, "FOOD", "B1", 2, "10.00"))));
        commands.add(earn(order("O1", day(1), line(1, "FOOD", "B1", 2, "10.00"))));
        commands.add(earn(order("O1", day(0), line(1, "COS", "B1", 2, "10.00"))));
        commands.add(earn(order("O1", day(0), line(1, "FOOD", "B2", 2, "10.00"))));
        commands.add(earn(order("O1", day(0), line(1, "FOOD", "B1", 3, "10.00"))));
        commands.add(earn(order("O1", day(0), line(1, "FOOD", "B1", 2, "10.01"))));
        commands.add(earn(order("O1", day(0), line(2, "FOOD", "B1", 2, "10.00"))));
        commands.add(earn(order("O1", day(0), line(1, "FOOD", "B1", 2, "10.00")), TierId.of("GOLD")));
        commands.add(earn(order("O1", day(0), 500, "5.00", line(1, "FOOD", "B1", 2, "10.00"))));
        commands.add(reward("r1", day(1), 100));
        commands.add(reward("r1", day(1), 101));
        commands.add(reward("r2", day(1), 100));
        commands.add(reward("r1", day(2), 100));
        commands.add(pay("p1", day(1), "O1", "100.00", 100));
        commands.add(pay("p1", day(1), "O1", "100.01", 100));
        Set<Long> seen = new HashSet<>();
        for (PointsCommand command : commands) {
            assertThat(seen.add(Fingerprint.of(command))).as("%s", command).isTrue();
        }
        var sold = order("O1", day(0), line(1, "FOOD", "B1", 2, "10.00"));
        assertThat(Fingerprint.of(refund("R1", sold, day(3), 1, 1)))
                .isNotEqualTo(Fingerprint.of(refund("R1", sold, day(3), 1, 2)));
    }

    @Test
    void texts_of_every_length_up_to_a_word_and_beyond_are_told_apart() {
        Set<Long> seen = new HashSet<>();
        StringBuilder reward = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            reward.append((char) ('A' + i));
            PointsCommand command = new PointsCommand.RedeemForReward(OperationId.of("r1"), day(1), reward.toString(), 100);
            assertThat(seen.add(Fingerprint.of(command))).as(reward.toString()).isTrue();
        }
    }

    /**
     * Fingerprints are kept in accounts and compared after a restart, so the function is pinned: a
     * change to it must be deliberate (and would make stored operations conflict with their replays).
     */
    @Test
    void the_function_is_stable() {
        var sold = order("O1", day(0), 500, "5.00", line(1, "FOOD", "B1", 2, "10.00"), line(2, "COS", "B2", 1, "3.50"));
        assertThat(Fingerprint.of(earn(sold, TierId.of("GOLD")))).isEqualTo(EARN);
        assertThat(Fingerprint.of(reward("r1", day(1), 100))).isEqualTo(REWARD);
        assertThat(Fingerprint.of(pay("p1", day(1), "O1", "100.00", 100))).isEqualTo(PAY);
        assertThat(Fingerprint.of(refund("R1", sold, day(3), 1, 1))).isEqualTo(REFUND);
    }

    private static final long EARN = -1110340246848283256L;
    private static final long REWARD = -4307007414957189399L;
    private static final long PAY = 8358572528941477707L;
    private static final long REFUND = -5666474175579790945L;
}
