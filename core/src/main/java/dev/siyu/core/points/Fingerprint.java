package dev.siyu.core.points;

import dev.siyu.core.id.TypedId;
import dev.siyu.core.kernel.PayloadHasher;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.Tender;
import java.time.Instant;
import java.util.List;

/**
 * The stable 64-bit fingerprint of a command's payload, through the kernel's {@link PayloadHasher}:
 * the same on every JVM, so it can be stored with the account and compared after a restart. It
 * covers every field the ledger reads; for a profile only its id and birthday. Texts are
 * length-prefixed.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    // The hash state is threaded through static methods as a long: no hasher object, no iterators,
    // nothing allocated per command. The words fed, and so the fingerprint, are as they always were.

    static long of(PointsCommand command) {
        long h = PayloadHasher.SEED;
        h = text(h, command.operation().value());
        h = instant(h, command.at());
        if (command instanceof PointsCommand.Earn e) {
            h = number(h, 1);
            h = order(h, e.order());
            h = id(h, e.profile().id());
            java.util.Optional<java.time.MonthDay> birthday = e.profile().birthday();
            h = number(h, birthday.isPresent() ? birthday.get().getMonthValue() * 100 + birthday.get().getDayOfMonth() : 0);
            h = text(h, e.tier().isPresent() ? e.tier().get().value() : "");
        } else if (command instanceof PointsCommand.RedeemForPayment r) {
            h = number(h, 2);
            h = id(h, r.order());
            h = money(h, r.orderAmount());
            h = number(h, r.points());
        } else if (command instanceof PointsCommand.RedeemForReward r) {
            h = number(h, 3);
            h = text(h, r.reward());
            h = number(h, r.points());
        } else if (command instanceof PointsCommand.RefundOrder r) {
            h = number(h, 4);
            h = order(h, r.order());
            h = id(h, r.refund().id());
            List<RefundLine> lines = r.refund().lines();
            for (int i = 0; i < lines.size(); i++) {
                RefundLine line = lines.get(i);
                h = number(h, line.lineNo());
                h = number(h, line.quantity());
            }
        } else {
            h = number(h, 5);
        }
        return PayloadHasher.hash(h);
    }

    private static long order(long h, Order order) {
        h = id(h, order.id());
        h = id(h, order.member());
        h = instant(h, order.placedAt());
        h = id(h, order.store());
        h = text(h, order.channel().name());
        List<OrderLine> lines = order.lines();
        h = number(h, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            h = number(h, line.lineNo());
            h = id(h, line.store());
            h = text(h, line.counter().isPresent() ? line.counter().get().value() : "");
            h = id(h, line.brand());
            h = id(h, line.category());
            h = id(h, line.sku());
            h = number(h, line.quantity());
            h = money(h, line.unitPrice());
            h = money(h, line.lineDiscount());
        }
        List<Tender> tenders = order.tenders();
        h = number(h, tenders.size());
        for (int i = 0; i < tenders.size(); i++) {
            Tender tender = tenders.get(i);
            h = text(h, tender.type().name());
            h = money(h, tender.amount());
            h = number(h, tender.points());
        }
        return h;
    }

    private static long id(long h, TypedId id) {
        return text(h, id.value());
    }

    private static long money(long h, Money money) {
        return number(text(h, money.currency().getCurrencyCode()), money.minor());
    }

    private static long instant(long h, Instant instant) {
        return number(number(h, instant.getEpochSecond()), instant.getNano());
    }

    private static long text(long h, String s) {
        return PayloadHasher.text(h, s);
    }

    private static long number(long h, long v) {
        return PayloadHasher.number(h, v);
    }
}
