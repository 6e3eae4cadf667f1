package dev.siyu.core.points;

import static dev.siyu.core.points.Fixtures.MEMBER;
import static dev.siyu.core.points.Fixtures.day;
import static dev.siyu.core.points.Fixtures.earn;
import static dev.siyu.core.points.Fixtures.line;
import static dev.siyu.core.points.Fixtures.order;
import static dev.siyu.core.points.Fixtures.pay;
import static dev.siyu.core.points.Fixtures.refund;
import static dev.siyu.core.points.Fixtures.reward;
import static dev.siyu.core.points.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.SiyuJson;
import dev.siyu.core.order.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PointsSnapshot}: what it holds, its JSON, and the snapshots {@link PointsAccount#restore} refuses. */
class PointsSnapshotTest {

    private static final PointsEngine ENGINE = PointsEngine.of(PointsProgram.fromJson("""
            {"schemaVersion": 1, "lots": {"pendingDays": 7, "refundWindowDays": 30, "expiry": {"policy": "rolling-months", "months": 12}},
             "redemption": {"rate": 100, "maxSharePercent": 50}, "negativeBalance": "clamp", "idempotency": {"windowDays": 30}}"""));

    /** Two orders, one partly paid with points and partly refunded, and a reward: every part of a snapshot in use. */
    private static PointsAccount busy() {
        Order o1 = order("O1", day(0), line(1, "C", "B", 2, "300.00"), line(2, "C", "B", 1, "100.00"));
        Order o2 = order("O2", day(10), 500, "5.00", line(1, "C", "B", 1, "50.00"));
        Order o3 = order("O3", day(11), line(1, "C", "B", 1, "80.00"));
        return run(ENGINE, PointsAccount.empty(MEMBER), earn(o1), reward("r1", day(9), 100),
                pay("p1", day(10), "O2", "50.00", 500), earn(o2), earn(o3), refund("f1", o1, day(12), 2, 1));
    }

    @Test
    void a_snapshot_holds_the_account_and_restores_to_an_equal_one() {
        PointsAccount a = busy();
        PointsSnapshot s = a.snapshot();
        assertThat(s.member()).isEqualTo(MEMBER);
        assertThat(s.version()).isEqualTo(6);
        assertThat(s.lots()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.totals()).isEqualTo(a.totals());
        assertThat(s.lots()).hasSize(a.lots().size());
        assertThat(s.operations()).extracting(PointsSnapshot.Operation::outcome).containsOnly("APPLIED");
        assertThat(s.orders()).hasSize(3);
        assertThat(s.orders()).filteredOn(o -> o.returnedByLine().isPresent()).singleElement()
                .satisfies(o -> assertThat(o.returnedByLine()).contains(List.of(0, 1)));
        PointsAccount b = PointsAccount.restore(SiyuJson.read(SiyuJson.write(s), PointsSnapshot.class));
        assertThat(b.snapshot()).isEqualTo(s);
        assertThat(b.balance()).isEqualTo(a.balance());
        assertThat(b.lots()).isEqualTo(a.lots());
    }

    @Test
    void order_keys_and_operation_digests_are_the_kernel_digests_of_the_ids() {
        PointsSnapshot s = busy().snapshot();
        assertThat(s.orders()).extracting(PointsSnapshot.Order::key).contains(
                String.format(java.util.Locale.ROOT, "%016x", dev.siyu.core.kernel.OperationDigest.of("O1").hi()));
        assertThat(s.operations()).extracting(PointsSnapshot.Operation::digest)
                .contains(dev.siyu.core.kernel.OperationDigest.of("r1").toString());
    }

    @Test
    void accounts_are_equal_exactly_when_their_snapshots_are() {
        PointsAccount a = busy();
        PointsAccount restored = PointsAccount.restore(SiyuJson.read(SiyuJson.write(a.snapshot()), PointsSnapshot.class));
        assertThat(restored).isEqualTo(a).hasSameHashCodeAs(a);
        // same member, version and balance; other lots, operations and orders
        PointsAccount early = run(ENGINE, PointsAccount.empty(MEMBER), earn(order("E1", day(0), line(1, "C", "B", 1, "100.00"))));
        PointsAccount late = run(ENGINE, PointsAccount.empty(MEMBER), earn(order("E2", day(1), line(1, "C", "B", 1, "100.00"))));
        assertThat(early.balance()).isEqualTo(late.balance());
        assertThat(early.version()).isEqualTo(late.version());
        assertThat(early).isNotEqualTo(late);
        assertThat(early).isNotEqualTo(PointsAccount.empty(MEMBER));
    }

    @Test
    void the_json_names_every_value() {
        String json = SiyuJson.write(busy().snapshot());
        assertThat(json).contains("\"schemaVersion\":1", "\"member\":\"M1\"", "\"nextLotSequence\"", "\"totals\":{\"earned\"",
                "\"lots\":[{\"sequence\"", "\"operations\":[{\"digest\"", "\"outcome\":\"APPLIED\"", "\"orders\":[{\"key\"",
                "\"pointsByLine\"", "\"returnedByLine\":[0,1]");
    }

    static List<Object[]> refusals() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(refusal("/schemaVersion", s -> with(s, 2, s.version(), s.nextLotSequence(), s.totals(), s.overdraft(),
                s.debt(), s.lots(), s.operations(), s.orders())));
        cases.add(refusal("/totals/expired", s -> with(s, 1, s.version(), s.nextLotSequence(),
                new PointsTotals(s.totals().earned(), s.totals().returned(), s.totals().redeemed(), s.totals().reversed(), -1,
                        s.totals().debtRepaid()), s.overdraft(), s.debt(), s.lots(), s.operations(), s.orders())));
        cases.add(refusal("conservation", s -> with(s, 1, s.version(), s.nextLotSequence(),
                new PointsTotals(s.totals().earned() + 1, s.totals().returned(), s.totals().redeemed(), s.totals().reversed(),
                        s.totals().expired(), s.totals().debtRepaid()), s.overdraft(), s.debt(), s.lots(), s.operations(),
                s.orders())));
        cases.add(refusal("/debt", s -> with(s, 1, s.version(), s.nextLotSequence(), s.totals(), s.overdraft(), -5,
                s.lots(), s.operations(), s.orders())));
        cases.add(refusal("/lots/1", s -> with(s, 1, s.version(), s.nextLotSequence(), s.totals(), s.overdraft(), s.debt(),
                List.of(s.lots().get(1), s.lots().get(0)), s.operations(), s.orders())));
        cases.add(refusal("/lots/0/remaining", s -> with(s, 1, s.version(), s.nextLotSequence(), s.totals(), s.overdraft(),
                s.debt(), replaced(s.lots(), 0, l -> new PointsSnapshot.Lot(l.sequence(), l.earnedOn(), l.availableOn(),
                        l.expiresOn(), l.points(), l.points() + 1)), s.operations(), s.orders())));
        cases.add(refusal("/lots/1/sequence", s -> with(s, 1, s.version(), s.nextLotSequence(), s.totals(), s.overdraft(),
                s.debt(), replaced(s.lots(), 1, l -> new PointsSnapshot.Lot(s.lots().get(0).sequence(), l.earnedOn(),
                        l.availableOn(), l.expiresOn(), l.points(), l.remaining())), s.operations(), s.orders())));
        cases.add(refusal("/lots/0/sequence", s -> with(s, 1, s.version(), 1, s.totals(), s.overdraft(), s.debt(),
                s.lots(), s.operations(), s.orders())));
        cases.add(refusal("/version", s -> with(s, 1, 2, s.nextLotSequence(), s.totals(), s.overdraft(), s.debt(),
                s.lots(), s.operations(), s.orders())));
        cases.add(refusal("/operations/0/digest", s -> withOperation(s, 0, o -> new PointsSnapshot.Operation("xyz",
                o.fingerprint(), o.outcome(), o.balanceChange(), o.dated()))));
        cases.add(refusal("/operations/0/digest", s -> withOperation(s, 0, o -> new PointsSnapshot.Operation(
                o.digest().toUpperCase(java.util.Locale.ROOT).replace('0', 'A'), o.fingerprint(), o.outcome(),
                o.balanceChange(), o.dated()))));
        cases.add(refusal("/operations/1/digest", s -> withOperation(s, 1, o -> new PointsSnapshot.Operation(
                s.operations().get(0).digest(), o.fingerprint(), o.outcome(), o.balanceChange(), o.dated()))));
        cases.add(refusal("/operations/2/outcome", s -> withOperation(s, 2, o -> new PointsSnapshot.Operation(o.digest(),
                o.fingerprint(), "MAYBE", o.balanceChange(), o.dated()))));
        cases.add(refusal("/operations/2/outcome", s -> withOperation(s, 2, o -> new PointsSnapshot.Operation(o.digest(),
                o.fingerprint(), "OUTSIDE_IDEMPOTENCY_WINDOW", 0, o.dated()))));
        cases.add(refusal("/operations/2/balanceChange", s -> withOperation(s, 2, o -> new PointsSnapshot.Operation(
                o.digest(), o.fingerprint(), "INSUFFICIENT_POINTS", -10, o.dated()))));
        cases.add(refusal("/orders/0/key", s -> withOrder(s, 0, o -> changed(o, "12345", o.pointsByLine(),
                o.returnedByLine(), o.redeemed(), o.returnedPaid()))));
        cases.add(refusal("/orders/1/key", s -> withOrder(s, 1, o -> changed(o, s.orders().get(0).key(), o.pointsByLine(),
                o.returnedByLine(), o.redeemed(), o.returnedPaid()))));
        cases.add(refusal("/orders/2/returnedByLine", s -> withOrder(s, 2, o -> changed(o, o.key(), Optional.empty(),
                o.returnedByLine(), o.redeemed(), o.returnedPaid()))));
        cases.add(refusal("/orders/2/returnedByLine", s -> withOrder(s, 2, o -> changed(o, o.key(), o.pointsByLine(),
                Optional.of(List.of(1)), o.redeemed(), o.returnedPaid()))));
        cases.add(refusal("/orders/1/returnedPaid", s -> withOrder(s, 1, o -> changed(o, o.key(), o.pointsByLine(),
                o.returnedByLine(), 10, 20))));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void a_snapshot_no_account_could_be_in_is_refused_naming_the_field(String field, UnaryOperator<PointsSnapshot> broken) {
        PointsSnapshot good = busy().snapshot();
        PointsSnapshot bad = broken.apply(good);
        assertThatThrownBy(() -> PointsAccount.restore(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field).hasMessageStartingWith("snapshot");
        assertThat(PointsAccount.restore(good).snapshot()).isEqualTo(good);
    }

    @Test
    void broken_json_names_the_pointer() {
        String json = SiyuJson.write(busy().snapshot()).replace("\"version\":6", "\"version\":\"six\"");
        assertThatThrownBy(() -> SiyuJson.read(json, PointsSnapshot.class)).hasMessageContaining("/version");
    }

    private static Object[] refusal(String field, UnaryOperator<PointsSnapshot> broken) {
        return new Object[] {field, broken};
    }

    private static PointsSnapshot with(PointsSnapshot s, int schema, long version, long nextLot, PointsTotals totals,
            long overdraft, long debt, List<PointsSnapshot.Lot> lots, List<PointsSnapshot.Operation> ops,
            List<PointsSnapshot.Order> orders) {
        return new PointsSnapshot(schema, s.member(), version, nextLot, totals, overdraft, debt, lots, ops, orders,
                s.ordersKeptFrom());
    }

    private static <T> List<T> replaced(List<T> list, int i, UnaryOperator<T> change) {
        List<T> copy = new ArrayList<>(list);
        copy.set(i, change.apply(copy.get(i)));
        return copy;
    }

    private static PointsSnapshot withOperation(PointsSnapshot s, int i, UnaryOperator<PointsSnapshot.Operation> change) {
        return with(s, 1, s.version(), s.nextLotSequence(), s.totals(), s.overdraft(), s.debt(), s.lots(),
                replaced(s.operations(), i, change), s.orders());
    }

    private static PointsSnapshot withOrder(PointsSnapshot s, int i, UnaryOperator<PointsSnapshot.Order> change) {
        return with(s, 1, s.version(), s.nextLotSequence(), s.totals(), s.overdraft(), s.debt(), s.lots(), s.operations(),
                replaced(s.orders(), i, change));
    }

    private static PointsSnapshot.Order changed(PointsSnapshot.Order o, String key, Optional<List<Long>> points,
            Optional<List<Integer>> returned, long redeemed, long returnedPaid) {
        return new PointsSnapshot.Order(key, o.placedOn(), o.earned(), o.earnLot(), o.earnExpiresOn(), points, returned,
                redeemed, returnedPaid, o.refundedNet());
    }
}
