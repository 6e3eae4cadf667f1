package dev.siyu.testkit.points;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.points.ExpiryPolicy;
import dev.siyu.core.points.NegativeBalancePolicy;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Random points programmes, orders, refunds and command sequences for property tests. Every
 * function is a plain function of its {@link RandomGenerator}: the same seed gives the same value.
 * Wrap them for QuickTheories with {@link dev.siyu.testkit.Generators#gen}. Stateless and thread-safe.
 */
public final class PointsGenerators {

    /** The first instant sequences start at: 2026-03-10 09:00 in Shanghai. */
    public static final Instant START = LocalDate.of(2026, 3, 10).atTime(9, 0).atZone(BusinessClock.SHANGHAI).toInstant();

    private static final String[] CATEGORIES = {"FOOD", "COS", "BAGS"};
    private static final String[] BRANDS = {"B1", "B2"};
    private static final String[] TIERS = {"SILVER", "GOLD"};

    private PointsGenerators() {
    }

    /**
     * A programme: base rate, some tier/category/brand multipliers, caps, pending days, an expiry
     * policy, redemption at 100 points per yuan, and any negative-balance policy.
     */
    public static PointsProgram program(RandomGenerator r) {
        PointsProgram.Builder b = PointsProgram.builder()
                .earnRate(new BigDecimal[] {BigDecimal.ONE, new BigDecimal("0.5"), BigDecimal.valueOf(2)}[r.nextInt(3)]);
        if (r.nextBoolean()) {
            b.tierMultiplier(TierId.of("GOLD"), new BigDecimal("1.5"));
        }
        if (r.nextBoolean()) {
            b.categoryMultiplier(CategoryId.of("COS"), BigDecimal.valueOf(2));
        }
        if (r.nextBoolean()) {
            b.brandMultiplier(BrandId.of("B2"), new BigDecimal("1.2"));
        }
        if (r.nextBoolean()) {
            b.maxPerOrder(r.nextLong(50, 2000));
        }
        if (r.nextBoolean()) {
            b.maxPerDay(r.nextLong(100, 5000));
        }
        b.pendingDays(r.nextInt(0, 10));
        b.expiry(expiry(r));
        b.maxSharePercent(BigDecimal.valueOf(r.nextInt(20, 101)));
        b.minimumBalance(r.nextInt(0, 3) * 100L);
        b.redeemStep(new long[] {1, 10, 100}[r.nextInt(3)]);
        b.negativeBalance(NegativeBalancePolicy.values()[r.nextInt(3)]);
        return b.build();
    }

    /** One of never, rolling 1 to 12 months, end of next year, or a fixed date within two years. */
    public static ExpiryPolicy expiry(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> ExpiryPolicy.never();
            case 1 -> ExpiryPolicy.rollingMonths(r.nextInt(1, 13));
            case 2 -> ExpiryPolicy.endOfNextYear();
            default -> ExpiryPolicy.fixedDate(LocalDate.of(2026, 3, 10).plusDays(r.nextInt(30, 730)));
        };
    }

    /** A profile for {@code member}, with a birthday half of the time. */
    public static MemberProfile profile(RandomGenerator r, MemberId member) {
        MemberProfile p = MemberProfile.of(member, LocalDate.of(2020, 1, 1), AcquisitionChannel.STORE_TILL);
        return r.nextBoolean() ? p.withBirthday(MonthDay.of(r.nextInt(1, 13), 1)) : p;
    }

    /** A tier or none. */
    public static Optional<TierId> tier(RandomGenerator r) {
        int i = r.nextInt(TIERS.length + 1);
        return i == TIERS.length ? Optional.empty() : Optional.of(TierId.of(TIERS[i]));
    }

    /**
     * An order of 1 to 3 lines (1 to 4 units each, CNY 0.01 to 500.00 a unit, a discount a third of
     * the time), paid by card and, a third of the time, partly by points at 100 points per yuan.
     */
    public static Order order(RandomGenerator r, MemberId member, OrderId id, Instant placedAt) {
        int n = r.nextInt(1, 4);
        List<OrderLine> lines = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Money unit = Money.cnyMinor(r.nextLong(1, 50_001));
            int qty = r.nextInt(1, 5);
            OrderLine line = OrderLine.of(i, StoreId.of("S1"), BrandId.of(BRANDS[r.nextInt(BRANDS.length)]),
                    CategoryId.of(CATEGORIES[r.nextInt(CATEGORIES.length)]), SkuId.of("SKU" + i), qty, unit);
            if (r.nextInt(3) == 0) {
                line = line.withDiscount(Money.cnyMinor(r.nextLong(0, unit.minor() * qty / 2 + 1)));
            }
            lines.add(line);
        }
        long net = 0;
        for (OrderLine l : lines) {
            net += l.net().minor();
        }
        List<Tender> tenders = new ArrayList<>();
        long byPoints = net >= 2 && r.nextInt(3) == 0 ? r.nextLong(1, net / 2 + 1) : 0;
        if (byPoints > 0) {
            tenders.add(Tender.points(byPoints, Money.cnyMinor(byPoints)));
        }
        if (net - byPoints > 0) {
            tenders.add(Tender.of(TenderType.CARD, Money.cnyMinor(net - byPoints)));
        }
        return new Order(id, member, placedAt, StoreId.of("S1"), SalesChannel.STORE, lines, tenders);
    }

    /**
     * One partial refund of {@code order} returning at least one of the units not yet returned, or
     * empty if all were returned.
     *
     * @param returnedBefore units returned so far by line number; not modified
     */
    public static Optional<Refund> partialRefund(RandomGenerator r, Order order, Map<Integer, Integer> returnedBefore,
            RefundId id, Instant at) {
        List<RefundLine> lines = new ArrayList<>();
        List<RefundLine> firstLeft = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            int left = line.quantity() - returnedBefore.getOrDefault(line.lineNo(), 0);
            if (left > 0) {
                if (firstLeft.isEmpty()) {
                    firstLeft.add(new RefundLine(line.lineNo(), r.nextInt(1, left + 1)));
                }
                if (r.nextBoolean()) {
                    lines.add(new RefundLine(line.lineNo(), r.nextInt(1, left + 1)));
                }
            }
        }
        if (firstLeft.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refund(id, order.id(), at, lines.isEmpty() ? firstLeft : lines));
    }

    /** Refunds that together return every unit of {@code order}, one to several, a day apart from {@code from}. */
    public static List<Refund> refundsReturningAll(RandomGenerator r, Order order, String idPrefix, Instant from) {
        Map<Integer, Integer> returned = new HashMap<>();
        List<Refund> refunds = new ArrayList<>();
        Instant at = from;
        while (true) {
            Optional<Refund> next = partialRefund(r, order, returned, RefundId.of(idPrefix + refunds.size()), at);
            if (next.isEmpty()) {
                return refunds;
            }
            for (RefundLine line : next.get().lines()) {
                returned.merge(line.lineNo(), line.quantity(), Integer::sum);
            }
            refunds.add(next.get());
            at = at.plus(Duration.ofDays(1));
        }
    }

    /**
     * A sequence of up to {@code maxSteps} commands for {@code member}, time moving forward 0 to 20
     * days a step: earns on new orders (preceded by a points payment when the order has a points
     * tender), reward redemptions, partial refunds of earlier orders (never more units than sold),
     * expiry sweeps, exact replays of earlier commands, and reuses of an earlier reward's operation id
     * with another payload (conflicts). Commands may be refused by the ledger; none is a caller error.
     */
    public static List<PointsCommand> commands(RandomGenerator r, MemberId member, int maxSteps) {
        int steps = r.nextInt(1, maxSteps + 1);
        List<PointsCommand> out = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        Map<OrderId, Map<Integer, Integer>> returned = new HashMap<>();
        List<PointsCommand.RedeemForReward> rewards = new ArrayList<>();
        MemberProfile profile = profile(r, member);
        Instant t = START;
        for (int step = 0; step < steps; step++) {
            t = t.plus(Duration.ofHours(r.nextInt(0, 20 * 24)));
            int kind = r.nextInt(100);
            if (kind < 35 || orders.isEmpty()) {
                OrderId id = OrderId.of("O" + orders.size());
                Order order = order(r, member, id, t);
                long points = order.pointsSpent();
                if (points > 0) {
                    out.add(new PointsCommand.RedeemForPayment(OperationId.of(id.value() + ":pay"), t, id, order.net(),
                            points));
                }
                out.add(new PointsCommand.Earn(OperationId.of(id.value() + ":earn"), t, order, profile, tier(r)));
                orders.add(order);
            } else if (kind < 50) {
                PointsCommand.RedeemForReward reward = new PointsCommand.RedeemForReward(OperationId.of("W" + step), t,
                        "COUPON", r.nextLong(1, 400));
                rewards.add(reward);
                out.add(reward);
            } else if (kind < 70) {
                Order order = orders.get(r.nextInt(orders.size()));
                Map<Integer, Integer> before = returned.computeIfAbsent(order.id(), k -> new HashMap<>());
                Optional<Refund> refund = partialRefund(r, order, before, RefundId.of("R" + step), t);
                if (refund.isPresent()) {
                    for (RefundLine line : refund.get().lines()) {
                        before.merge(line.lineNo(), line.quantity(), Integer::sum);
                    }
                    out.add(PointsCommand.RefundOrder.of(order, refund.get()));
                }
            } else if (kind < 80) {
                out.add(new PointsCommand.Expire(OperationId.of("X" + step), t));
            } else if (kind < 92) {
                out.add(out.get(r.nextInt(out.size())));
            } else if (!rewards.isEmpty()) {
                PointsCommand.RedeemForReward old = rewards.get(r.nextInt(rewards.size()));
                out.add(new PointsCommand.RedeemForReward(old.operation(), old.at(), old.reward(), old.points() + 1));
            }
        }
        return List.copyOf(out);
    }
}
