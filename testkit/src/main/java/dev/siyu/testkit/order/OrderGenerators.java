package dev.siyu.testkit.order;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Orders and refund sequences of a department store, as functions of a seeded
 * {@link RandomGenerator}: a few stores with counters, a dozen brands and categories, prices from
 * a few yuan to a few thousand, line discounts, and tenders that pay the net exactly (sometimes
 * partly in points at 100 points per yuan). The same seed gives the same objects.
 */
public final class OrderGenerators {

    /** Points per yuan used for generated points tenders. */
    public static final long POINTS_PER_YUAN = 100;

    private static final String[] CATEGORIES = {"cosmetics", "womenswear", "menswear", "shoes", "bags",
            "jewellery", "watches", "sportswear", "kids", "home", "food", "electronics"};

    // the ids lines draw from, made once (the same values "S1", "S1-C7", "B7", "SKU-7-42" as before)
    private static final StoreId[] STORES = new StoreId[3];
    private static final Optional<CounterId>[][] COUNTERS = counters();
    private static final BrandId[] BRANDS = new BrandId[12];
    private static final SkuId[][] SKUS = new SkuId[12][50];
    private static final CategoryId[] CATEGORY_IDS = new CategoryId[CATEGORIES.length];

    static {
        for (int store = 0; store < STORES.length; store++) {
            STORES[store] = StoreId.of("S" + store);
        }
        for (int brand = 0; brand < BRANDS.length; brand++) {
            BRANDS[brand] = BrandId.of("B" + brand);
            for (int sku = 0; sku < SKUS[brand].length; sku++) {
                SKUS[brand][sku] = SkuId.of("SKU-" + brand + "-" + sku);
            }
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            CATEGORY_IDS[c] = CategoryId.of(CATEGORIES[c]);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<CounterId>[][] counters() {
        Optional<CounterId>[][] counters = new Optional[3][12];
        for (int store = 0; store < 3; store++) {
            for (int brand = 0; brand < 12; brand++) {
                counters[store][brand] = Optional.of(CounterId.of("S" + store + "-C" + brand));
            }
        }
        return counters;
    }

    private OrderGenerators() {
    }

    /**
     * A line numbered {@code lineNo}: usually one unit, sometimes up to five, at a unit price
     * log-uniform between CNY 20 and CNY 3,000 (median about CNY 245), with a discount of up to 30%
     * half the time.
     */
    public static OrderLine line(RandomGenerator random, int lineNo) {
        int store = random.nextInt(3);
        int brand = random.nextInt(12);
        int category = random.nextInt(CATEGORIES.length);
        int quantity = 1 + random.nextInt(random.nextInt(4) == 0 ? 5 : 1);
        long unitFen = Math.round(2_000 * Math.pow(150, random.nextDouble()));
        OrderLine line = new OrderLine(lineNo, STORES[store], COUNTERS[store][brand], BRANDS[brand],
                CATEGORY_IDS[category], SKUS[brand][random.nextInt(50)], quantity,
                Money.cnyMinor(unitFen), Money.zero(Money.CNY));
        if (random.nextBoolean()) {
            long gross = line.gross().minor();
            line = line.withDiscount(Money.cnyMinor(random.nextLong(gross * 3 / 10 + 1)));
        }
        return line;
    }

    /**
     * An order of 1–{@code maxLines} lines paid by card or mobile, and in about a quarter of orders
     * partly by points (at most half the net, in whole yuan).
     */
    public static Order order(RandomGenerator random, OrderId id, MemberId member, Instant placedAt, int maxLines) {
        int lineCount = 1 + random.nextInt(maxLines);
        List<OrderLine> lines = new ArrayList<>(lineCount);
        for (int i = 1; i <= lineCount; i++) {
            lines.add(line(random, i));
        }
        long netFen = 0;
        for (OrderLine line : lines) {
            netFen = Math.addExact(netFen, line.net().minor());
        }
        Money net = Money.cnyMinor(netFen);
        List<Tender> tenders = new ArrayList<>();
        Money rest = net;
        if (random.nextInt(4) == 0 && net.minor() >= 200) {
            long yuan = 1 + random.nextLong(net.minor() / 200);
            Money byPoints = Money.cnyMinor(yuan * 100);
            tenders.add(Tender.points(yuan * POINTS_PER_YUAN, byPoints));
            rest = rest.minus(byPoints);
        }
        if (rest.isPositive()) {
            tenders.add(Tender.of(random.nextBoolean() ? TenderType.CARD : TenderType.MOBILE, rest));
        }
        SalesChannel channel = SalesChannel.values()[random.nextInt(SalesChannel.values().length)];
        return new Order(id, member, placedAt, lines.get(0).store(), channel, lines, tenders);
    }

    /**
     * Zero or more refunds of {@code order}, each a few days after the previous one, returning
     * random units of random lines and never more than was sold. With {@code complete}, the last
     * refund returns everything still unreturned, so the sequence returns the whole order.
     */
    public static List<Refund> refunds(RandomGenerator random, Order order, boolean complete) {
        Map<Integer, Integer> returned = new HashMap<>();
        List<Refund> refunds = new ArrayList<>();
        Instant at = order.placedAt();
        int steps = random.nextInt(4);
        for (int s = 0; s < steps; s++) {
            List<RefundLine> lines = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                int left = line.quantity() - returned.getOrDefault(line.lineNo(), 0);
                if (left > 0 && random.nextInt(3) == 0) {
                    int count = 1 + random.nextInt(left);
                    lines.add(new RefundLine(line.lineNo(), count));
                    returned.merge(line.lineNo(), count, Integer::sum);
                }
            }
            if (!lines.isEmpty()) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(24 * 5)));
                refunds.add(new Refund(RefundId.of(order.id().value() + "-R" + refunds.size()), order.id(), at, lines));
            }
        }
        if (complete) {
            List<RefundLine> rest = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                int left = line.quantity() - returned.getOrDefault(line.lineNo(), 0);
                if (left > 0) {
                    rest.add(new RefundLine(line.lineNo(), left));
                }
            }
            if (!rest.isEmpty()) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(24)));
                refunds.add(new Refund(RefundId.of(order.id().value() + "-R" + refunds.size()), order.id(), at, rest));
            }
        }
        return List.copyOf(refunds);
    }
}
