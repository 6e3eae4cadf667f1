package dev.siyu.testkit.tier;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.tier.DowngradeRule;
import dev.siyu.core.tier.Metric;
import dev.siyu.core.tier.QualificationWindow;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.Tier;
import dev.siyu.core.tier.TierBenefits;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.time.BusinessClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Random tier programs, members and qualifying histories. Each function draws only from the
 * {@link RandomGenerator} it is given, so a seed reproduces its result; wrap them for QuickTheories
 * with {@link dev.siyu.testkit.Generators#gen}. Amounts are scaled to the ladder so that histories
 * cross thresholds often. Thread-safe (stateless).
 */
public final class TierGenerators {

    private static final String[] NAMES = {"普卡", "银卡", "金卡", "白金卡", "钻石卡", "黑卡"};
    private static final String[] IDS = {"BASIC", "SILVER", "GOLD", "PLATINUM", "DIAMOND", "BLACK"};
    /** Business dates histories start from. */
    public static final LocalDate EPOCH = LocalDate.of(2023, 1, 1);

    private TierGenerators() {
    }

    /** A ladder of 2 to 6 tiers with any metric, window, grace and downgrade rule. */
    public static TierProgram ladder(RandomGenerator random) {
        Metric metric = Metric.values()[random.nextInt(Metric.values().length)];
        return ladder(random, metric);
    }

    /** A ladder of 2 to 6 tiers counting {@code metric}, with any window, grace and downgrade rule. */
    public static TierProgram ladder(RandomGenerator random, Metric metric) {
        TierProgram.Builder builder = TierProgram.builder()
                .metric(metric)
                .window(window(random))
                .grace(Period.ofDays(random.nextInt(0, 61)))
                .downgrade(random.nextBoolean() ? DowngradeRule.ONE_TIER : DowngradeRule.TO_SUPPORTED);
        int count = random.nextInt(2, 7);
        long unit = unit(metric);
        long threshold = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                threshold += unit * random.nextInt(1, 21);
            }
            long retention = i == 0 ? 0 : random.nextLong(0, threshold + 1);
            builder.tier(new Tier(TierId.of(IDS[i]), NAMES[i], threshold, retention, benefits(random, i)));
        }
        return builder.build();
    }

    /** Any qualification window: rolling days or months, calendar year or anniversary year. */
    public static QualificationWindow window(RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> QualificationWindow.rollingDays(random.nextInt(30, 731));
            case 1 -> QualificationWindow.rollingMonths(random.nextInt(1, 25));
            case 2 -> QualificationWindow.calendarYear();
            default -> QualificationWindow.anniversaryYear();
        };
    }

    private static TierBenefits benefits(RandomGenerator random, int rung) {
        BigDecimal multiplier = BigDecimal.ONE.add(BigDecimal.valueOf(random.nextInt(0, 5 * rung + 1), 1));
        Optional<CouponTemplateId> coupon = random.nextBoolean()
                ? Optional.of(CouponTemplateId.of("BDAY-" + IDS[rung])) : Optional.empty();
        List<CouponTemplateId> coupons = rung == 0 ? List.of() : List.of(CouponTemplateId.of("EXCL-" + IDS[rung]));
        return new TierBenefits(multiplier, 100L * random.nextInt(0, 6), coupon, coupons);
    }

    /** The size of a threshold step for {@code metric}: CNY 100.00, 100 points or 1 order. */
    public static long unit(Metric metric) {
        return switch (metric) {
            case SPEND -> 10_000;
            case POINTS_EARNED -> 100;
            case ORDER_COUNT -> 1;
        };
    }

    /** A member who joined between 2022-01-01 and 2023-12-31, on 29 February 2020 one time in eight. */
    public static MemberProfile member(RandomGenerator random) {
        LocalDate joined = random.nextInt(8) == 0
                ? LocalDate.of(2020, 2, 29)
                : LocalDate.of(2022, 1, 1).plusDays(random.nextInt(730));
        return MemberProfile.of(MemberId.of("M" + random.nextInt(1_000_000)), joined, AcquisitionChannel.MINI_PROGRAM);
    }

    /** Noon in Shanghai, {@code day} days after {@link #EPOCH}, plus {@code minute} minutes. */
    public static Instant at(int day, int minute) {
        return EPOCH.plusDays(day).atTime(12, 0).atZone(BusinessClock.SHANGHAI).toInstant().plusSeconds(60L * minute);
    }

    /**
     * Up to {@code maxFacts} orders and refunds over {@code days} days from {@link #EPOCH}, in time
     * order, in CNY. Spend per order is up to CNY 1,500.00, points earned one per yuan; a refund
     * returns part or all of an earlier order not yet fully returned, counting on that order's date.
     * Operation ids are unique.
     */
    public static List<QualifyingActivity> history(RandomGenerator random, int days, int maxFacts) {
        return history(random, days, 0, maxFacts);
    }

    /** As {@link #history(RandomGenerator, int, int)}, with {@code minFacts} to {@code maxFacts} facts. */
    public static List<QualifyingActivity> history(RandomGenerator random, int days, int minFacts, int maxFacts) {
        int n = random.nextInt(minFacts, maxFacts + 1);
        int[] times = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = random.nextInt(days * 24 * 60);
        }
        java.util.Arrays.sort(times);
        List<QualifyingActivity> out = new ArrayList<>(n);
        List<long[]> open = new ArrayList<>(); // [index into out, spend left, points left]
        for (int i = 0; i < n; i++) {
            Instant at = at(0, times[i]);
            if (!open.isEmpty() && random.nextInt(5) == 0) {
                int k = random.nextInt(open.size());
                long[] o = open.get(k);
                QualifyingActivity order = out.get((int) o[0]);
                boolean whole = random.nextInt(3) == 0;
                long spend = whole ? o[1] : random.nextLong(0, o[1] + 1);
                long points = whole ? o[2] : Math.min(o[2], spend / 100);
                out.add(QualifyingActivity.refund(OperationId.of("r-" + i), order.countsAt(), at,
                        Money.cnyMinor(spend), points, whole));
                o[1] -= spend;
                o[2] -= points;
                if (whole || o[1] == 0) {
                    open.remove(k);
                }
            } else {
                long spend = 100L * random.nextInt(0, 1_501);
                out.add(QualifyingActivity.order(OperationId.of("o-" + i), at, Money.cnyMinor(spend), spend / 100));
                open.add(new long[] {out.size() - 1, spend, spend / 100});
            }
        }
        out.sort(Comparator.comparing(QualifyingActivity::at));
        return List.copyOf(out);
    }

    /**
     * An order of one line for {@code net}, paid partly with points: {@code pointsShare} of the net
     * (0 to the whole, in minor units) by a points tender at 100 points per yuan, the rest by card.
     */
    public static Order order(String id, MemberId member, Instant placedAt, Money net, long pointsShare) {
        OrderLine line = OrderLine.of(1, StoreId.of("S1"), BrandId.of("B1"), CategoryId.of("C1"), SkuId.of("K1"), 1,
                net);
        List<Tender> tenders = new ArrayList<>();
        if (pointsShare > 0) {
            tenders.add(Tender.points(pointsShare, Money.cnyMinor(pointsShare)));
        }
        if (net.minor() - pointsShare > 0) {
            tenders.add(Tender.of(TenderType.CARD, Money.cnyMinor(net.minor() - pointsShare)));
        }
        return new Order(OrderId.of(id), member, placedAt, StoreId.of("S1"), SalesChannel.STORE, List.of(line),
                tenders);
    }
}
