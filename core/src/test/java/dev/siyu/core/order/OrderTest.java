package dev.siyu.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final StoreId STORE = StoreId.of("S1");
    private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");

    static OrderLine line(int no, int quantity, String unitPrice, String discount) {
        return OrderLine.of(no, STORE, BrandId.of("B"), CategoryId.of("C"), SkuId.of("K" + no), quantity,
                Money.cny(unitPrice)).withDiscount(Money.cny(discount));
    }

    static Order order(List<OrderLine> lines, List<Tender> tenders) {
        return new Order(OrderId.of("O1"), MemberId.of("M1"), AT, STORE, SalesChannel.STORE, lines, tenders);
    }

    @Nested
    class Lines {
        @Test
        void net_is_gross_less_the_line_discount() {
            OrderLine l = line(1, 3, "19.90", "5.00");
            assertThat(l.gross()).isEqualTo(Money.cny("59.70"));
            assertThat(l.net()).isEqualTo(Money.cny("54.70"));
        }

        @Test
        void refuses_a_discount_above_the_gross_or_a_zero_quantity() {
            assertThatThrownBy(() -> line(1, 1, "10", "10.01")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lineDiscount").hasMessageContaining("CNY 10.01");
            assertThatThrownBy(() -> line(1, 0, "10", "0")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quantity must be >= 1: 0");
            assertThatThrownBy(() -> line(1, 1, "-1", "0")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unitPrice must be >= 0: CNY -1.00");
        }

        @Test
        void refuses_a_discount_in_another_currency() {
            assertThatThrownBy(() -> line(1, 1, "10", "0").withDiscount(Money.ofMinor(1, Currency.getInstance("USD"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CNY vs USD");
        }

        @Test
        void units_returned_in_any_steps_sum_to_the_net() {
            qt().forAll(integers().between(1, 50), longs().between(0, 10_000_000), lists().of(integers().between(1, 50)).ofSizeBetween(1, 50))
                    .checkAssert((quantity, netMinor, steps) -> {
                        OrderLine l = OrderLine.of(1, STORE, BrandId.of("B"), CategoryId.of("C"), SkuId.of("K"), quantity,
                                Money.cnyMinor(netMinor));
                        int returned = 0;
                        Money sum = Money.zero(Money.CNY);
                        for (int step : steps) {
                            int count = Math.min(step, quantity - returned);
                            Money part = l.netForUnits(returned, count);
                            assertThat(part.minor()).isBetween(count * (l.net().minor() / quantity),
                                    count * (l.net().minor() / quantity + 1));
                            sum = sum.plus(part);
                            returned += count;
                        }
                        sum = sum.plus(l.netForUnits(returned, quantity - returned));
                        assertThat(sum).isEqualTo(l.net());
                    });
        }
    }

    @Nested
    class Orders {
        @Test
        void tenders_must_pay_the_net_exactly() {
            List<OrderLine> lines = List.of(line(1, 1, "100", "0"), line(2, 2, "50", "10"));
            Order paid = order(lines, List.of(Tender.of(TenderType.CARD, Money.cny("150")),
                    Tender.points(4000, Money.cny("40"))));
            assertThat(paid.net()).isEqualTo(Money.cny("190"));
            assertThat(paid.pointsSpent()).isEqualTo(4000);
            assertThat(paid.paidBy(TenderType.POINTS)).isEqualTo(Money.cny("40"));
            assertThatThrownBy(() -> order(lines, List.of(Tender.of(TenderType.CARD, Money.cny("189.99")))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tenders must sum to the order net CNY 190.00: CNY 189.99");
        }

        @Test
        void refuses_duplicate_line_numbers_and_empty_orders() {
            assertThatThrownBy(() -> order(List.of(line(1, 1, "1", "0"), line(1, 1, "1", "0")),
                    List.of(Tender.of(TenderType.CASH, Money.cny("2"))))).hasMessage("lines lineNo must be unique: 1");
            assertThatThrownBy(() -> order(List.of(), List.of())).hasMessageContaining("lines must not be empty");
        }

        @Test
        void a_points_tender_must_carry_points_and_others_must_not() {
            assertThatThrownBy(() -> new Tender(TenderType.POINTS, Money.cny("1"), 0))
                    .hasMessage("tender points must be > 0 for POINTS: 0");
            assertThatThrownBy(() -> new Tender(TenderType.CASH, Money.cny("1"), 5))
                    .hasMessage("tender points must be 0 for CASH: 5");
        }
    }

    @Nested
    class Refunds {
        private final Order order = order(List.of(line(1, 3, "10", "0"), line(2, 1, "5", "0")),
                List.of(Tender.of(TenderType.CASH, Money.cny("35"))));

        @Test
        void may_not_return_more_units_than_remain() {
            Refund refund = new Refund(RefundId.of("R1"), order.id(), AT, List.of(new RefundLine(1, 2)));
            refund.checkAgainst(order, Map.of());
            assertThatThrownBy(() -> refund.checkAgainst(order, Map.of(1, 2)))
                    .hasMessage("refund quantity of line 1 must be <= 1 still returnable: 2");
        }

        @Test
        void may_not_name_an_unknown_line_or_another_order() {
            Refund unknownLine = new Refund(RefundId.of("R1"), order.id(), AT, List.of(new RefundLine(9, 1)));
            assertThatThrownBy(() -> unknownLine.checkAgainst(order, Map.of()))
                    .hasMessage("refund lineNo must exist in order O1: 9");
            Refund other = new Refund(RefundId.of("R1"), OrderId.of("O2"), AT, List.of(new RefundLine(1, 1)));
            assertThatThrownBy(() -> other.checkAgainst(order, Map.of())).hasMessage("refund order must be O1: O2");
        }
    }
}
