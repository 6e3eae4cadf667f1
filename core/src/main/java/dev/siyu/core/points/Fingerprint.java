package dev.siyu.core.points;

import dev.siyu.core.id.TypedId;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.Tender;
import java.time.Instant;

/**
 * A stable 64-bit fingerprint (FNV-1a over the fields, then a final mix) of a command's payload: the
 * same on every JVM, so it can be stored with the account and compared after a restart. It covers
 * every field the ledger reads; for a profile only its id and birthday.
 */
final class Fingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long h = OFFSET;

    private Fingerprint() {
    }

    static long of(PointsCommand command) {
        Fingerprint f = new Fingerprint();
        f.text(command.operation().value());
        f.instant(command.at());
        if (command instanceof PointsCommand.Earn e) {
            f.number(1);
            f.order(e.order());
            f.id(e.profile().id());
            f.number(e.profile().birthday().map(b -> b.getMonthValue() * 100 + b.getDayOfMonth()).orElse(0));
            f.text(e.tier().map(TypedId::value).orElse(""));
        } else if (command instanceof PointsCommand.RedeemForPayment r) {
            f.number(2);
            f.id(r.order());
            f.money(r.orderAmount());
            f.number(r.points());
        } else if (command instanceof PointsCommand.RedeemForReward r) {
            f.number(3);
            f.text(r.reward());
            f.number(r.points());
        } else if (command instanceof PointsCommand.RefundOrder r) {
            f.number(4);
            f.order(r.order());
            f.id(r.refund().id());
            for (RefundLine line : r.refund().lines()) {
                f.number(line.lineNo());
                f.number(line.quantity());
            }
        } else {
            f.number(5);
        }
        long z = f.h;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private void order(Order order) {
        id(order.id());
        id(order.member());
        instant(order.placedAt());
        id(order.store());
        text(order.channel().name());
        number(order.lines().size());
        for (OrderLine line : order.lines()) {
            number(line.lineNo());
            id(line.store());
            text(line.counter().map(TypedId::value).orElse(""));
            id(line.brand());
            id(line.category());
            id(line.sku());
            number(line.quantity());
            money(line.unitPrice());
            money(line.lineDiscount());
        }
        number(order.tenders().size());
        for (Tender tender : order.tenders()) {
            text(tender.type().name());
            money(tender.amount());
            number(tender.points());
        }
    }

    private void id(TypedId id) {
        text(id.value());
    }

    private void money(Money money) {
        text(money.currency().getCurrencyCode());
        number(money.minor());
    }

    private void instant(Instant instant) {
        number(instant.getEpochSecond());
        number(instant.getNano());
    }

    private void text(String s) {
        number(s.length());
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
    }

    private void number(long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xff)) * PRIME;
            v >>>= 8;
        }
    }
}
