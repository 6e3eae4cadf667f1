package dev.siyu.core.points;

import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
import dev.siyu.core.kernel.OperationLog;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link PointsSnapshot} and builds the account it describes ({@link PointsAccount#restore}).
 * Every refusal names the field as a JSON pointer into the snapshot's JSON form and the value found.
 */
final class SnapshotReader {

    private SnapshotReader() {
    }

    static PointsAccount restore(PointsSnapshot s) {
        check(s.schemaVersion() == PointsSnapshot.SCHEMA_VERSION, "/schemaVersion", "be " + PointsSnapshot.SCHEMA_VERSION,
                s.schemaVersion());
        check(s.nextLotSequence() >= 1, "/nextLotSequence", "be at least 1", s.nextLotSequence());
        PointsTotals t = s.totals();
        nonNegative("/totals/earned", t.earned());
        nonNegative("/totals/returned", t.returned());
        nonNegative("/totals/redeemed", t.redeemed());
        nonNegative("/totals/reversed", t.reversed());
        nonNegative("/totals/expired", t.expired());
        nonNegative("/totals/debtRepaid", t.debtRepaid());
        nonNegative("/overdraft", s.overdraft());
        nonNegative("/debt", s.debt());

        PointsLot[] lots = lots(s);
        long lotsTotal = 0;
        long net;
        long balance;
        try {
            for (PointsLot lot : lots) {
                lotsTotal = Math.addExact(lotsTotal, lot.remaining());
            }
            balance = Math.subtractExact(lotsTotal, s.overdraft());
            net = Math.subtractExact(Math.subtractExact(Math.subtractExact(Math.subtractExact(
                    Math.addExact(t.earned(), t.returned()), t.redeemed()), t.reversed()), t.expired()), t.debtRepaid());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("snapshot /lots and /totals must sum within a long: " + t, e);
        }
        if (balance != net) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "snapshot balance (lots' remaining %d less overdraft %d) must equal the totals' net %d (conservation)",
                    lotsTotal, s.overdraft(), net));
        }

        OperationLog log = operations(s);
        OrderBook orders = orders(s);
        return new PointsAccount(s.member(), s.version(), LotRows.of(lots), lotsTotal, s.nextLotSequence(), t.earned(), t.redeemed(),
                t.returned() == 0 && t.reversed() == 0 && t.expired() == 0 && t.debtRepaid() == 0 && s.overdraft() == 0
                        && s.debt() == 0 ? PointsAccount.Rare.ZERO
                        : new PointsAccount.Rare(s.overdraft(), s.debt(), t.returned(), t.reversed(), t.expired(),
                                t.debtRepaid()),
                log, orders);
    }

    private static PointsLot[] lots(PointsSnapshot s) {
        List<PointsSnapshot.Lot> values = s.lots();
        PointsLot[] lots = new PointsLot[values.size()];
        Set<Long> sequences = new HashSet<>();
        for (int i = 0; i < lots.length; i++) {
            PointsSnapshot.Lot v = values.get(i);
            String at = "/lots/" + i;
            check(v.sequence() >= 1 && v.sequence() < s.nextLotSequence(), at + "/sequence",
                    "be between 1 and nextLotSequence - 1 (" + (s.nextLotSequence() - 1) + ")", v.sequence());
            check(sequences.add(v.sequence()), at + "/sequence", "be unique", v.sequence());
            check(v.points() >= 1, at + "/points", "be at least 1", v.points());
            check(v.remaining() >= 1 && v.remaining() <= v.points(), at + "/remaining",
                    "be between 1 and the lot's points (" + v.points() + "): a spent lot is not kept", v.remaining());
            try {
                lots[i] = new PointsLot(v.sequence(), v.earnedOn(), v.availableOn(), v.expiresOn(), v.points(),
                        v.remaining());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("snapshot " + at + ": " + e.getMessage(), e);
            }
            check(i == 0 || PointsLot.consumptionOrder(lots[i - 1], lots[i]) < 0, at,
                    "follow the lot before it in consumption order (earliest expiry first, then by sequence)",
                    v.expiresOn().map(LocalDate::toString).orElse("never") + "/" + v.sequence());
        }
        return lots;
    }

    private static OperationLog operations(PointsSnapshot s) {
        List<PointsSnapshot.Operation> values = s.operations();
        check(s.version() >= values.size(), "/version", "be at least the operations remembered (" + values.size() + ")",
                s.version());
        OperationLog log = OperationLog.empty();
        for (int i = 0; i < values.size(); i++) {
            PointsSnapshot.Operation op = values.get(i);
            String at = "/operations/" + i;
            OperationDigest digest;
            try {
                digest = OperationDigest.parse(op.digest());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("snapshot " + at + "/digest must be 32 hex digits: '" + op.digest() + "'",
                        e);
            }
            check(op.digest().equals(digest.toString()), at + "/digest", "be in lower case",
                    op.digest());
            check(!log.contains(digest), at + "/digest", "be unique", op.digest());
            long code;
            if (op.outcome().equals(PointsSnapshot.Operation.APPLIED)) {
                code = PointsAccount.APPLIED;
            } else {
                RejectReason reason = reason(op.outcome());
                check(reason != null && reason != RejectReason.OUTSIDE_IDEMPOTENCY_WINDOW, at + "/outcome",
                        "be APPLIED or a reason a refusal is recorded for", op.outcome());
                check(op.balanceChange() == 0, at + "/balanceChange", "be 0 for a refusal", op.balanceChange());
                code = PointsAccount.REJECTED + reason.ordinal();
            }
            long day = op.dated().toEpochDay();
            check(day > Integer.MIN_VALUE && day < IdempotencyWindow.KEEP, at + "/dated",
                    "be within the years -5,000,000..5,000,000", op.dated());
            log = log.with(digest, op.fingerprint(), IdempotencyWindow.codeWord((int) code, (int) day), op.balanceChange());
        }
        return log;
    }

    private static RejectReason reason(String name) {
        for (RejectReason r : RejectReason.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    private static OrderBook orders(PointsSnapshot s) {
        List<PointsSnapshot.Order> values = s.orders();
        long[] keys = new long[values.size()];
        OrderRecord[] records = new OrderRecord[values.size()];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            PointsSnapshot.Order o = values.get(i);
            String at = "/orders/" + i;
            check(o.key().length() == 16 && o.key().chars().allMatch(c -> Character.digit(c, 16) >= 0
                    && !Character.isUpperCase(c)), at + "/key", "be 16 lower-case hex digits", o.key());
            keys[i] = Long.parseUnsignedLong(o.key(), 16);
            check(seen.add(keys[i]), at + "/key", "be unique", o.key());
            int placed = o.placedOn().isPresent() ? day(o.placedOn().get(), at + "/placedOn") : OrderRecord.UNKNOWN_DAY;
            long[] points = o.pointsByLine().map(l -> l.stream().mapToLong(Long::longValue).toArray()).orElse(null);
            int[] returned = o.returnedByLine().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).orElse(null);
            if (returned != null) {
                check(points != null && returned.length == points.length, at + "/returnedByLine",
                        "have one entry per line of pointsByLine (" + (points == null ? "absent" : points.length) + ")",
                        o.returnedByLine().get());
                check(Arrays.stream(returned).allMatch(x -> x >= 0) && Arrays.stream(returned).anyMatch(x -> x != 0),
                        at + "/returnedByLine", "hold units returned, not negative, not all 0 (absent while none were)",
                        o.returnedByLine().get());
            }
            check(o.earned() || (o.earnLot() == -1 && o.earnExpiresOn().isEmpty()), at + "/earnLot",
                    "be -1 without an expiry date when nothing was earned", o.earnLot());
            check(o.earnLot() >= -1, at + "/earnLot", "be -1 or a lot sequence", o.earnLot());
            nonNegative(at + "/redeemed", o.redeemed());
            nonNegative(at + "/returnedPaid", o.returnedPaid());
            nonNegative(at + "/refundedNet", o.refundedNet());
            check(o.returnedPaid() <= o.redeemed(), at + "/returnedPaid", "be at most redeemed (" + o.redeemed() + ")",
                    o.returnedPaid());
            long expiry = o.earnExpiresOn().isPresent() ? day(o.earnExpiresOn().get(), at + "/earnExpiresOn")
                    : OrderRecord.NEVER;
            records[i] = new OrderRecord(placed, o.earned(), o.earnLot(), expiry, points, returned, o.redeemed(),
                    o.returnedPaid(), o.refundedNet());
        }
        int horizon = s.ordersKeptFrom().isPresent() ? day(s.ordersKeptFrom().get(), "/ordersKeptFrom")
                : Integer.MIN_VALUE;
        return OrderBook.restored(keys, records, horizon);
    }

    private static int day(LocalDate date, String field) {
        long day = date.toEpochDay();
        check(day > Integer.MIN_VALUE && day < Integer.MAX_VALUE, field, "be within the years -5,000,000..5,000,000", date);
        return (int) day;
    }

    private static void nonNegative(String field, long value) {
        check(value >= 0, field, "not be negative", value);
    }

    private static void check(boolean ok, String field, String must, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("snapshot " + field + " must " + must + ": " + value);
        }
    }
}
