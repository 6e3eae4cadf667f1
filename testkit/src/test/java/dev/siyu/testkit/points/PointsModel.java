package dev.siyu.testkit.points;

import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Allocation;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.points.NegativeBalancePolicy;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.RejectReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, deliberately naive reference model of the points ledger: mutable lists and maps, lots
 * re-sorted on every read, commands compared by {@code equals}. Written from the documented rules,
 * not from the engine's code.
 */
final class PointsModel {

    enum Kind { APPLIED, REJECTED, DUPLICATE, CONFLICT }

    record Expect(Kind kind, RejectReason reason, long balanceChange) {
    }

    static final class Lot {
        final long seq;
        LocalDate earnedOn;
        LocalDate availableOn;
        final LocalDate expiresOn;
        long points;
        long remaining;

        Lot(long seq, LocalDate earnedOn, LocalDate availableOn, LocalDate expiresOn, long points) {
            this.seq = seq;
            this.earnedOn = earnedOn;
            this.availableOn = availableOn;
            this.expiresOn = expiresOn;
            this.points = points;
            this.remaining = points;
        }

        boolean expired(LocalDate d) {
            return expiresOn != null && !d.isBefore(expiresOn);
        }

        boolean available(LocalDate d) {
            return !d.isBefore(availableOn) && !expired(d);
        }
    }

    private static final class OrderState {
        OperationId earnOp;
        long earnLot = -1;
        LocalDate earnExpiry;
        final Map<Integer, Long> earned = new HashMap<>();
        final Map<Integer, Integer> returned = new HashMap<>();
        long redeemed;
        long returnedPaid;
        long refundedNet;
    }

    private final PointsProgram program;
    private final Map<OperationId, PointsCommand> commands = new HashMap<>();
    private final Map<OperationId, Expect> outcomes = new HashMap<>();
    final List<Lot> lots = new ArrayList<>();
    private final Map<OrderId, OrderState> orders = new HashMap<>();
    private final Map<LocalDate, Long> earnedByDay = new HashMap<>();
    long overdraft;
    long debt;
    private long nextSeq = 1;

    PointsModel(PointsProgram program) {
        this.program = program;
    }

    private LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, program.zone());
    }

    long balance() {
        return lots.stream().mapToLong(l -> l.remaining).sum() - overdraft;
    }

    long available(Instant at) {
        LocalDate d = date(at);
        return lots.stream().filter(l -> l.available(d)).mapToLong(l -> l.remaining).sum();
    }

    /** Live lots (remaining > 0) in consumption order. */
    List<Lot> liveLots() {
        return lots.stream().filter(l -> l.remaining > 0)
                .sorted(Comparator.comparing((Lot l) -> l.expiresOn == null ? LocalDate.MAX : l.expiresOn)
                        .thenComparingLong(l -> l.seq))
                .toList();
    }

    Expect apply(PointsCommand c) {
        PointsCommand seen = commands.get(c.operation());
        if (seen != null) {
            return new Expect(seen.equals(c) ? Kind.DUPLICATE : Kind.CONFLICT, null, 0);
        }
        Expect e;
        if (c instanceof PointsCommand.Earn earn) {
            e = earn(earn);
        } else if (c instanceof PointsCommand.RedeemForPayment pay) {
            e = redeem(pay.at(), pay.points(), pay);
        } else if (c instanceof PointsCommand.RedeemForReward reward) {
            e = redeem(reward.at(), reward.points(), null);
        } else if (c instanceof PointsCommand.RefundOrder refund) {
            e = refund(refund);
        } else {
            LocalDate d = date(c.at());
            long sum = 0;
            for (Lot l : lots) {
                if (l.expired(d)) {
                    sum += l.remaining;
                    l.remaining = 0;
                }
            }
            e = new Expect(Kind.APPLIED, null, -sum);
        }
        commands.put(c.operation(), c);
        outcomes.put(c.operation(), e);
        lots.removeIf(l -> l.remaining == 0);
        if (e.kind() == Kind.APPLIED) {
            mergeAvailable(date(c.at()));
        }
        return e;
    }

    /** Live lots available on {@code d} with the same expiry become one: lowest seq, earliest earnedOn, latest availableOn. */
    private void mergeAvailable(LocalDate d) {
        Map<LocalDate, Lot> first = new HashMap<>();
        LocalDate never = LocalDate.MAX;
        for (Lot l : liveLots()) {
            if (!l.available(d)) {
                continue;
            }
            LocalDate key = l.expiresOn == null ? never : l.expiresOn;
            Lot into = first.get(key);
            if (into == null) {
                first.put(key, l);
            } else {
                into.points += l.points;
                into.remaining += l.remaining;
                if (l.earnedOn.isBefore(into.earnedOn)) {
                    into.earnedOn = l.earnedOn;
                }
                if (l.availableOn.isAfter(into.availableOn)) {
                    into.availableOn = l.availableOn;
                }
                l.remaining = 0;
                l.points = 0;
            }
        }
        lots.removeIf(l -> l.remaining == 0);
    }

    private long lastLot = -1;

    /** Credits points: overdraft, then debt, then a lot (merged with a live lot of the same three dates). */
    private long credit(long points, LocalDate on, LocalDate availableOn, LocalDate expiresOn) {
        long a = Math.min(points, overdraft);
        overdraft -= a;
        points -= a;
        long b = Math.min(points, debt);
        debt -= b;
        points -= b;
        lastLot = -1;
        if (points > 0) {
            for (Lot l : lots) {
                if (l.earnedOn.equals(on) && l.availableOn.equals(availableOn) && java.util.Objects.equals(l.expiresOn, expiresOn)) {
                    l.points += points;
                    l.remaining += points;
                    lastLot = l.seq;
                    return b;
                }
            }
            lots.add(new Lot(nextSeq, on, availableOn, expiresOn, points));
            lastLot = nextSeq++;
        }
        return b;
    }

    private Expect earn(PointsCommand.Earn c) {
        Order o = c.order();
        OrderState st = orders.computeIfAbsent(o.id(), k -> new OrderState());
        if (st.earnOp != null) {
            return new Expect(Kind.REJECTED, RejectReason.ORDER_ALREADY_EARNED, 0);
        }
        LocalDate bought = date(o.placedAt());
        long[] nets = o.lines().stream().mapToLong(l -> l.net().minor()).toArray();
        long pointsMoney = o.paidBy(TenderType.POINTS).minor();
        long[] share = pointsMoney > 0 ? Allocation.byLargestRemainder(pointsMoney, nets) : new long[nets.length];
        BigDecimal factor = program.earnRate();
        if (c.tier().isPresent()) {
            factor = factor.multiply(program.tierMultipliers().getOrDefault(c.tier().get(), BigDecimal.ONE));
        }
        if (c.profile().isBirthdayMonth(bought)) {
            factor = factor.multiply(program.birthdayMultiplier());
        }
        for (PointsProgram.Campaign camp : program.campaigns()) {
            if (camp.covers(bought)) {
                factor = factor.multiply(camp.multiplier());
            }
        }
        long[] raw = new long[nets.length];
        long total = 0;
        for (int i = 0; i < nets.length; i++) {
            OrderLine line = o.lines().get(i);
            BigDecimal f = factor.multiply(program.categoryMultipliers().getOrDefault(line.category(), BigDecimal.ONE))
                    .multiply(program.brandMultipliers().getOrDefault(line.brand(), BigDecimal.ONE));
            raw[i] = new BigDecimal(nets[i] - share[i]).divide(BigDecimal.valueOf(100)).multiply(f)
                    .setScale(0, RoundingMode.FLOOR).longValue();
            total += raw[i];
        }
        long points = total;
        if (program.maxPerOrder().isPresent()) {
            points = Math.min(points, program.maxPerOrder().getAsLong());
        }
        long dayEarned = earnedByDay.getOrDefault(bought, 0L);
        if (program.maxPerDay().isPresent()) {
            points = Math.min(points, Math.max(0, program.maxPerDay().getAsLong() - dayEarned));
        }
        long[] perLine = points == total || total == 0 ? raw : Allocation.byLargestRemainder(points, raw);
        st.earnOp = c.operation();
        for (int i = 0; i < perLine.length; i++) {
            st.earned.put(o.lines().get(i).lineNo(), perLine[i]);
        }
        if (points == 0) {
            return new Expect(Kind.APPLIED, null, 0);
        }
        earnedByDay.put(bought, dayEarned + points);
        LocalDate d = date(c.at());
        long repaid = credit(points, d, d.plusDays(program.pendingDays()), program.expiry().expiresOn(d).orElse(null));
        st.earnLot = lastLot;
        st.earnExpiry = program.expiry().expiresOn(d).orElse(null);
        return new Expect(Kind.APPLIED, null, points - repaid);
    }

    private Expect redeem(Instant at, long points, PointsCommand.RedeemForPayment pay) {
        if (pay != null) {
            if (points % program.redeemStep() != 0) {
                return new Expect(Kind.REJECTED, RejectReason.NOT_A_MULTIPLE_OF_STEP, 0);
            }
            // value in fen = points * 100 / rate, floored; max = amount * percent / 100, floored
            BigInteger value = BigInteger.valueOf(points).multiply(BigInteger.valueOf(100))
                    .divide(BigInteger.valueOf(program.redeemRate()));
            BigDecimal max = new BigDecimal(pay.orderAmount().minor()).multiply(program.maxSharePercent())
                    .divide(BigDecimal.valueOf(100)).setScale(0, RoundingMode.FLOOR);
            if (new BigDecimal(value).compareTo(max) > 0) {
                return new Expect(Kind.REJECTED, RejectReason.ABOVE_MAX_SHARE, 0);
            }
        }
        long available = available(at);
        if (available < program.minimumBalance()) {
            return new Expect(Kind.REJECTED, RejectReason.BELOW_MINIMUM_BALANCE, 0);
        }
        if (available < points) {
            return new Expect(Kind.REJECTED, RejectReason.INSUFFICIENT_POINTS, 0);
        }
        LocalDate d = date(at);
        long left = points;
        for (Lot l : liveLots()) {
            if (left > 0 && l.available(d)) {
                long take = Math.min(left, l.remaining);
                l.remaining -= take;
                left -= take;
            }
        }
        if (pay != null) {
            orders.computeIfAbsent(pay.order(), k -> new OrderState()).redeemed += points;
        }
        return new Expect(Kind.APPLIED, null, -points);
    }

    private Expect refund(PointsCommand.RefundOrder c) {
        Order o = c.order();
        OrderState st = orders.computeIfAbsent(o.id(), k -> new OrderState());
        LocalDate d = date(c.at());
        long reversal = 0;
        long refundedNet = st.refundedNet;
        Map<Integer, Integer> newReturned = new HashMap<>(st.returned);
        for (RefundLine rl : c.refund().lines()) {
            OrderLine line = o.line(rl.lineNo()).orElseThrow();
            int before = newReturned.getOrDefault(rl.lineNo(), 0);
            int after = before + rl.quantity();
            long earned = st.earned.getOrDefault(rl.lineNo(), 0L);
            reversal += ceilDiv(earned * after, line.quantity()) - ceilDiv(earned * before, line.quantity());
            refundedNet += line.netForUnits(before, rl.quantity()).minor();
            newReturned.put(rl.lineNo(), after);
        }
        long net = o.net().minor();
        boolean all = o.lines().stream().allMatch(l -> newReturned.getOrDefault(l.lineNo(), 0) == l.quantity());
        long paidBack = net > 0 ? BigInteger.valueOf(st.redeemed).multiply(BigInteger.valueOf(refundedNet))
                .divide(BigInteger.valueOf(net)).longValueExact() : (all ? st.redeemed : 0);
        long toReturn = paidBack - st.returnedPaid;
        // What could be taken back: unexpired lots after the returned points are credited.
        long overdraftAfterReturn = Math.max(0, overdraft - toReturn);
        long debtAfterReturn = Math.max(0, debt - Math.max(0, toReturn - overdraft));
        LocalDate returnedExpiry = program.expiry().expiresOn(d).orElse(null);
        boolean returnedLotValid = returnedExpiry == null || d.isBefore(returnedExpiry);
        long creditedAsLot = returnedLotValid ? Math.max(0, toReturn - overdraft - debt) : 0;
        long held = lots.stream().filter(l -> !l.expired(d)).mapToLong(l -> l.remaining).sum() + creditedAsLot;
        long shortfall = Math.max(0, reversal - held);
        if (shortfall > 0 && program.negativeBalance() == NegativeBalancePolicy.DENY) {
            return new Expect(Kind.REJECTED, RejectReason.NEGATIVE_BALANCE_DENIED, 0);
        }
        long repaid = 0;
        if (toReturn > 0) {
            repaid = credit(toReturn, d, d, program.expiry().expiresOn(d).orElse(null));
        }
        if (overdraft != overdraftAfterReturn || debt != debtAfterReturn) {
            throw new AssertionError("model arithmetic");
        }
        long taken = Math.min(reversal, held);
        long left = taken;
        for (Lot l : ownFirst(st.earnLot, st.earnExpiry, d)) {
            if (left > 0 && !l.expired(d)) {
                long take = Math.min(left, l.remaining);
                l.remaining -= take;
                left -= take;
            }
        }
        if (program.negativeBalance() == NegativeBalancePolicy.ALLOW) {
            overdraft += shortfall;
            taken = reversal;
        } else if (program.negativeBalance() == NegativeBalancePolicy.CLAMP) {
            debt += shortfall;
        }
        st.returned.clear();
        st.returned.putAll(newReturned);
        st.refundedNet = refundedNet;
        st.returnedPaid = paidBack;
        return new Expect(Kind.APPLIED, null, toReturn - repaid - taken);
    }

    /** The earn lot while live, else the first lot available on {@code d} with the earn's expiry (the lot it was merged into), first. */
    private List<Lot> ownFirst(long earnLot, LocalDate earnExpiry, LocalDate d) {
        long own = -1;
        if (earnLot >= 0) {
            for (Lot l : liveLots()) {
                if (l.seq == earnLot) {
                    own = earnLot;
                }
            }
            if (own < 0) {
                for (Lot l : liveLots()) {
                    if (own < 0 && l.available(d) && java.util.Objects.equals(l.expiresOn, earnExpiry)) {
                        own = l.seq;
                    }
                }
            }
        }
        List<Lot> ordered = new ArrayList<>();
        for (Lot l : liveLots()) {
            if (l.seq == own) {
                ordered.add(l);
            }
        }
        for (Lot l : liveLots()) {
            if (l.seq != own) {
                ordered.add(l);
            }
        }
        return ordered;
    }

    private static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
