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
     * Fingerprints are kept in accounts, written into their snapshots ({@link PointsSnapshot}) and
     * compared after a restart, so the function is pinned: a change to it must be deliberate, with a
     * new snapshot format (it would make stored operations conflict with their replays). Last changed
     * on purpose when the order's lines and tenders became separate chains, before accounts had a
     * snapshot form.
     */
    @Test
    void the_function_is_stable() {
        var sold = order("O1", day(0), 500, "5.00", line(1, "FOOD", "B1", 2, "10.00"), line(2, "COS", "B2", 1, "3.50"));
        assertThat(Fingerprint.of(earn(sold, TierId.of("GOLD")))).isEqualTo(EARN);
        assertThat(Fingerprint.of(reward("r1", day(1), 100))).isEqualTo(REWARD);
        assertThat(Fingerprint.of(pay("p1", day(1), "O1", "100.00", 100))).isEqualTo(PAY);
        assertThat(Fingerprint.of(refund("R1", sold, day(3), 1, 1))).isEqualTo(REFUND);
    }

    private static final long EARN = -8767909108001015221L;
    private static final long REWARD = -6104823814549892105L;
    private static final long PAY = 1341203728552456055L;
    private static final long REFUND = 3113452119433444781L;

    @Test
    void equal_orders_made_apart_fingerprint_alike_and_a_change_to_any_one_field_tells_them_apart() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(2026);
        for (int round = 0; round < 300; round++) {
            long seed = random.nextLong();
            PointsCommand.Earn base = randomEarn(new java.util.SplittableRandom(seed), -1);
            assertThat(Fingerprint.of(randomEarn(new java.util.SplittableRandom(seed), -1))).isEqualTo(Fingerprint.of(base));
            Set<Long> seen = new HashSet<>();
            seen.add(Fingerprint.of(base));
            for (int change = 0; change < CHANGES; change++) {
                PointsCommand.Earn changed = randomEarn(new java.util.SplittableRandom(seed), change);
                if (!changed.equals(base)) {
                    assertThat(seen.add(Fingerprint.of(changed))).as("change %d of %s", change, base).isTrue();
                }
            }
        }
    }

    private static final int CHANGES = 14;

    /** A random earn of 1 to 4 lines; {@code change} (0 to CHANGES - 1) alters one field, -1 none. */
    private static PointsCommand.Earn randomEarn(java.util.SplittableRandom r, int change) {
        int n = r.nextInt(1, 5);
        int changedLine = r.nextInt(n);
        List<dev.siyu.core.order.OrderLine> lines = new ArrayList<>();
        long net = 0;
        for (int i = 0; i < n; i++) {
            boolean here = i == changedLine;
            int lineNo = i + 1 + (here && change == 0 ? 10 : 0);
            var line = dev.siyu.core.order.OrderLine.of(lineNo,
                    dev.siyu.core.id.StoreId.of(here && change == 1 ? "S2" : "S1"),
                    dev.siyu.core.id.BrandId.of(here && change == 2 ? "B9" : "B" + r.nextInt(3)),
                    dev.siyu.core.id.CategoryId.of(here && change == 3 ? "TOYS" : "C" + r.nextInt(3)),
                    dev.siyu.core.id.SkuId.of(here && change == 4 ? "SKU-X" : "SKU" + r.nextInt(1000)),
                    r.nextInt(1, 5) + (here && change == 5 ? 1 : 0),
                    dev.siyu.core.money.Money.cnyMinor(r.nextLong(1, 100_000) + (here && change == 6 ? 1 : 0)));
            long discount = r.nextLong(0, line.gross().minor() / 2 + 1);
            if (here && change == 7) {
                discount = discount == 0 ? 1 : discount - 1;
            }
            line = line.withDiscount(dev.siyu.core.money.Money.cnyMinor(discount));
            if (here && change == 8) {
                line = line.atCounter(dev.siyu.core.id.CounterId.of("C1"));
            }
            lines.add(line);
            net += line.net().minor();
        }
        List<dev.siyu.core.order.Tender> tenders = new ArrayList<>();
        long byPoints = net >= 2 ? r.nextLong(0, net / 2 + 1) : 0;
        if (change == 9 && net >= 2) {
            byPoints = byPoints == 0 ? 1 : byPoints - 1;
        }
        if (byPoints > 0) {
            tenders.add(dev.siyu.core.order.Tender.points(byPoints * 100, dev.siyu.core.money.Money.cnyMinor(byPoints)));
        }
        if (net - byPoints > 0) {
            tenders.add(dev.siyu.core.order.Tender.of(change == 10 ? dev.siyu.core.order.TenderType.CASH
                    : dev.siyu.core.order.TenderType.CARD, dev.siyu.core.money.Money.cnyMinor(net - byPoints)));
        }
        var at = day(r.nextInt(0, 30)).plusSeconds(change == 11 ? 1 : 0);
        var order = new dev.siyu.core.order.Order(dev.siyu.core.id.OrderId.of(change == 12 ? "O-X" : "O" + r.nextInt(1000)),
                Fixtures.MEMBER, at, Fixtures.STORE, dev.siyu.core.order.SalesChannel.STORE, lines, tenders);
        var profile = change == 13 ? Fixtures.PROFILE.withBirthday(java.time.MonthDay.of(5, 1)) : Fixtures.PROFILE;
        return new PointsCommand.Earn(OperationId.of(order.id().value() + ":earn"), at, order, profile,
                java.util.Optional.of(TierId.of("GOLD")));
    }
}
