package dev.siyu.attribution;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
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
import java.time.Instant;
import java.util.List;

/** Small orders for example-based tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A line at store {@code store}, brand {@code brand}, category {@code category}. */
    public static OrderLine line(int no, String store, String brand, String category, int qty, String unitPrice) {
        return OrderLine.of(no, StoreId.of(store), BrandId.of(brand), CategoryId.of(category),
                SkuId.of("SKU-" + brand + "-" + no), qty, Money.cny(unitPrice));
    }

    /** An order paid by card. */
    public static Order order(String id, String member, Instant at, String store, OrderLine... lines) {
        Money net = Money.zero(Money.CNY);
        for (OrderLine l : lines) {
            net = net.plus(l.net());
        }
        return new Order(OrderId.of(id), MemberId.of(member), at, StoreId.of(store), SalesChannel.values()[0],
                List.of(lines), List.of(Tender.of(TenderType.CARD, net)));
    }

    /** A refund of {@code qty} units of line {@code lineNo}. */
    public static Refund refund(String id, Order order, Instant at, int lineNo, int qty) {
        return new Refund(RefundId.of(id), order.id(), at, List.of(new RefundLine(lineNo, qty)));
    }
}
