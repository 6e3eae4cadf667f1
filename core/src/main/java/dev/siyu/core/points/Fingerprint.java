package dev.siyu.core.points;

import dev.siyu.core.id.TypedId;
import dev.siyu.core.kernel.PayloadHasher;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.Tender;
import java.time.Instant;
import java.util.List;

/**
 * The stable 64-bit fingerprint of a command's payload, through the kernel's {@link PayloadHasher}
 * rounds: the same on every JVM, so it can be stored with the account and compared after a restart.
 * It covers every field the ledger reads and the operation id; for a profile only its id and
 * birthday; an order's amounts as minor units and its currency once (an {@link Order}'s amounts
 * share one currency). Texts are length-prefixed, lists count-prefixed.
 *
 * <p>The operation id, the order's header, each of its lines and its tenders are hashed as separate
 * chains from the seed, each finalized and then fed to the command's chain as one word, in order. The chains do not
 * depend on each other, so the processor runs them side by side (a chain of rounds is bound by the
 * latency of its multiplications); a change of any field changes its chain's hash, and so the
 * fingerprint, as surely as one chain would.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    // The hash state is threaded through static methods as longs: nothing allocated per command.

    static long of(PointsCommand command) {
        long h = number(PayloadHasher.SEED, PayloadHasher.hash(text(PayloadHasher.SEED, command.operation().value())));
        if (command instanceof PointsCommand.Earn e) {
            h = number(h, 1);
            h = instant(h, command.at());
            h = order(h, e.order());
            h = id(h, e.profile().id());
            java.util.Optional<java.time.MonthDay> birthday = e.profile().birthday();
            h = number(h, birthday.isPresent() ? birthday.get().getMonthValue() * 100 + birthday.get().getDayOfMonth() : 0);
            h = text(h, e.tier().isPresent() ? e.tier().get().value() : "");
        } else if (command instanceof PointsCommand.RedeemForPayment r) {
            h = number(h, 2);
            h = instant(h, command.at());
            h = id(h, r.order());
            h = text(h, r.orderAmount().currency().getCurrencyCode());
            h = number(h, r.orderAmount().minor());
            h = number(h, r.points());
        } else if (command instanceof PointsCommand.RedeemForReward r) {
            h = number(h, 3);
            h = instant(h, command.at());
            h = text(h, r.reward());
            h = number(h, r.points());
        } else if (command instanceof PointsCommand.RefundOrder r) {
            h = number(h, 4);
            h = instant(h, command.at());
            h = order(h, r.order());
            h = id(h, r.refund().id());
            List<RefundLine> lines = r.refund().lines();
            h = number(h, lines.size());
            for (int i = 0; i < lines.size(); i++) {
                RefundLine line = lines.get(i);
                h = number(h, line.lineNo());
                h = number(h, line.quantity());
            }
        } else {
            h = number(h, 5);
            h = instant(h, command.at());
        }
        return PayloadHasher.hash(h);
    }

    /** State {@code h} after the order: its header's, each line's and its tenders' chain hashes. */
    private static long order(long h, Order order) {
        long head = PayloadHasher.SEED;
        head = id(head, order.id());
        head = id(head, order.member());
        head = instant(head, order.placedAt());
        head = id(head, order.store());
        head = text(head, order.channel().name());
        head = text(head, order.currency().getCurrencyCode());
        List<OrderLine> lines = order.lines();
        h = number(h, PayloadHasher.hash(head));
        h = number(h, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            h = number(h, line(lines.get(i)));
        }
        List<Tender> tenders = order.tenders();
        long paid = number(PayloadHasher.SEED, tenders.size());
        for (int i = 0; i < tenders.size(); i++) {
            Tender tender = tenders.get(i);
            paid = text(paid, tender.type().name());
            paid = number(paid, tender.amount().minor());
            paid = number(paid, tender.points());
        }
        return number(h, PayloadHasher.hash(paid));
    }

    /** The hash of one line's chain. */
    private static long line(OrderLine line) {
        long l = PayloadHasher.SEED;
        l = number(l, line.lineNo());
        l = id(l, line.store());
        l = text(l, line.counter().isPresent() ? line.counter().get().value() : "");
        l = id(l, line.brand());
        l = id(l, line.category());
        l = id(l, line.sku());
        l = number(l, line.quantity());
        l = number(l, line.unitPrice().minor());
        l = number(l, line.lineDiscount().minor());
        return PayloadHasher.hash(l);
    }

    private static long id(long h, TypedId id) {
        return text(h, id.value());
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
