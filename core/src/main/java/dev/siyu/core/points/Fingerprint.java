package dev.siyu.core.points;

import dev.siyu.core.id.TypedId;
import dev.siyu.core.kernel.PayloadHasher;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.Tender;
import java.time.Instant;

/**
 * The stable 64-bit fingerprint of a command's payload, through the kernel's {@link PayloadHasher}:
 * the same on every JVM, so it can be stored with the account and compared after a restart. It
 * covers every field the ledger reads; for a profile only its id and birthday. Texts are
 * length-prefixed.
 */
final class Fingerprint {

    private long h = PayloadHasher.SEED;

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
            java.util.Optional<java.time.MonthDay> birthday = e.profile().birthday();
            f.number(birthday.isPresent() ? birthday.get().getMonthValue() * 100 + birthday.get().getDayOfMonth() : 0);
            f.text(e.tier().isPresent() ? e.tier().get().value() : "");
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
        return PayloadHasher.hash(f.h);
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
            text(line.counter().isPresent() ? line.counter().get().value() : "");
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
        h = PayloadHasher.text(h, s);
    }

    private void number(long v) {
        h = PayloadHasher.number(h, v);
    }
}
