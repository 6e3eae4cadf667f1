package dev.siyu.examples.youmall;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.Basket;
import dev.siyu.coupons.checkout.Checkout;
import dev.siyu.coupons.checkout.Offer;
import dev.siyu.coupons.checkout.Shopper;
import dev.siyu.coupons.event.CouponEvent;
import dev.siyu.coupons.redemption.CouponLedger;
import dev.siyu.coupons.redemption.CouponResult;
import dev.siyu.coupons.settlement.FundingEntry;
import dev.siyu.coupons.settlement.Settlement;
import dev.siyu.coupons.settlement.SettlementStatement;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.CouponTemplates;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YouMALL's three-day cross-counter campaign (跨店满1000减10%, capped at 300 yuan, half funded by
 * the mall) and its "pay 600, spend 750" group voucher: a member shops at two counters, checkout
 * picks the best combination, the ledger redeems it, and each counter gets its settlement.
 */
public final class YouMallCoupons {

    /** The campaign's templates, as the mall's operators would write them. */
    public static final String TEMPLATES = """
            {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai",
             "templates": [
              {"id": "cross-1000-10", "name": "跨店满1000减10%",
               "benefit": {"type": "percent-off", "percent": 10, "threshold": 1000, "cap": 300},
               "eligibility": {"counters": {"exclude": ["FOOD"]}},
               "validity": {"from": "2026-11-20T00:00:00+08:00", "until": "2026-11-23T00:00:00+08:00"},
               "stacking": {"group": "mall", "priority": 10},
               "limits": {"perMember": 1, "budget": 5000000},
               "funding": {"mallPercent": 50},
               "refunds": {"restoreOnFullReturn": false, "belowThreshold": "claw-back"}},
              {"id": "voucher-600-750", "name": "600元购750元团券",
               "benefit": {"type": "stored-value", "faceValue": 750, "price": 600},
               "validity": {"daysAfterIssue": 90},
               "funding": {"mallPercent": 100}}]}
            """;

    /** What the example produced, for the test and for printing. */
    public record Outcome(Offer offer, List<CouponResult> redemptions, SettlementStatement cosmetics,
            SettlementStatement shoes) {
    }

    private YouMallCoupons() {
    }

    public static Outcome run() {
        List<CouponTemplate> templates = CouponTemplates.parse(TEMPLATES);
        Checkout checkout = Checkout.of(templates, 3);
        CouponLedger ledger = new CouponLedger(templates, new InMemoryVersionedStore<>(), new InMemoryVersionedStore<>());
        Settlement settlement = Settlement.of(templates);

        MemberId ann = MemberId.of("ann");
        Instant friday = Instant.parse("2026-11-20T06:00:00Z");
        ledger.issue(OperationId.of("campaign-ann"), ann, CouponId.of("ann-cross"), CouponTemplateId.of("cross-1000-10"),
                friday);
        ledger.issue(OperationId.of("voucher-ann"), ann, CouponId.of("ann-voucher"),
                CouponTemplateId.of("voucher-600-750"), friday);

        List<OrderLine> lines = List.of(
                line(1, "COSMETICS", "LANCOME", "680.00"),
                line(2, "SHOES", "ECCO", "1299.00"),
                line(3, "FOOD", "MANNER", "36.00"));
        Basket basket = new Basket(Shopper.of(ann), SalesChannel.STORE, lines, friday.plusSeconds(3600));
        Offer offer = checkout.best(ledger.wallet(ann).usableAt(basket.asOf()), basket);

        OrderId orderId = OrderId.of("YM-20261120-0001");
        List<CouponResult> results = new ArrayList<>();
        for (AppliedCoupon applied : offer.applied()) {
            results.add(ledger.redeem(OperationId.of(orderId + ":" + applied.coupon().id()), ann, orderId, applied,
                    basket.asOf()));
        }
        Map<Integer, Money> byLine = offer.discountByLine();
        List<OrderLine> paidLines = new ArrayList<>();
        for (OrderLine l : lines) {
            paidLines.add(l.withDiscount(byLine.getOrDefault(l.lineNo(), Money.zero(Money.CNY))));
        }
        Money net = paidLines.stream().map(OrderLine::net).reduce(Money.zero(Money.CNY), Money::plus);
        Order order = new Order(orderId, ann, basket.asOf(), StoreId.of("YOUMALL"), SalesChannel.STORE, paidLines,
                net.isPositive() ? List.of(Tender.of(TenderType.MOBILE, net)) : List.of());
        List<FundingEntry> entries = new ArrayList<>();
        for (CouponResult r : results) {
            for (CouponEvent e : r.events()) {
                if (e instanceof CouponEvent.CouponRedeemed redeemed) {
                    entries.addAll(settlement.funding(redeemed, order));
                }
            }
        }
        Instant monthStart = Instant.parse("2026-10-31T16:00:00Z");
        Instant monthEnd = Instant.parse("2026-11-30T16:00:00Z");
        return new Outcome(offer, results,
                settlement.statement(CounterId.of("COSMETICS"), monthStart, monthEnd, entries),
                settlement.statement(CounterId.of("SHOES"), monthStart, monthEnd, entries));
    }

    private static OrderLine line(int no, String counter, String brand, String yuan) {
        return OrderLine.of(no, StoreId.of("YOUMALL"), BrandId.of(brand), CategoryId.of(counter.toLowerCase(java.util.Locale.ROOT)),
                SkuId.of(brand + "-" + no), 1, Money.cny(yuan)).atCounter(CounterId.of(counter));
    }

    public static void main(String[] args) {
        Outcome o = run();
        System.out.println("chosen:");
        for (AppliedCoupon a : o.offer().applied()) {
            System.out.println("  " + a.coupon().id() + " " + a.discount() + " " + a.shares());
        }
        System.out.println("total discount: " + o.offer().total());
        System.out.println("not used: " + o.offer().notUsed());
        System.out.println("COSMETICS: mall funds " + o.cosmetics().mallFunded() + ", counter bears "
                + o.cosmetics().counterFunded());
        System.out.println("SHOES: mall funds " + o.shoes().mallFunded() + ", counter bears " + o.shoes().counterFunded());
    }
}
