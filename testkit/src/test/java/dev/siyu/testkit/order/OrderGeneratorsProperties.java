package dev.siyu.testkit.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.testkit.Generators;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class OrderGeneratorsProperties {

    private static final Instant AT = Instant.parse("2026-01-10T03:00:00Z");
    private static final Gen<Order> ORDERS = Generators.gen(r ->
            OrderGenerators.order(r, OrderId.of("O1"), MemberId.of("M1"), AT, 8));

    @Test
    void complete_refund_sequences_return_every_unit_once() {
        qt().withExamples(300).forAll(ORDERS, Generators.gen(r -> r.nextLong())).checkAssert((order, seed) -> {
            List<Refund> refunds = OrderGenerators.refunds(new SplittableRandom(seed), order, true);
            Map<Integer, Integer> returned = new HashMap<>();
            for (Refund refund : refunds) {
                refund.checkAgainst(order, returned);
                for (RefundLine line : refund.lines()) {
                    returned.merge(line.lineNo(), line.quantity(), Integer::sum);
                }
            }
            for (OrderLine line : order.lines()) {
                assertThat(returned.getOrDefault(line.lineNo(), 0)).isEqualTo(line.quantity());
            }
        });
    }

    @Test
    void the_same_seed_gives_the_same_order() {
        qt().forAll(Generators.gen(r -> r.nextLong())).checkAssert(seed -> assertThat(
                OrderGenerators.order(new SplittableRandom(seed), OrderId.of("O"), MemberId.of("M"), AT, 5))
                .isEqualTo(OrderGenerators.order(new SplittableRandom(seed), OrderId.of("O"), MemberId.of("M"), AT, 5)));
    }
}
