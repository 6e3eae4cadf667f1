package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummariesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final MemberId ANN = MemberId.of("ann");
    private static final StoreId STORE = StoreId.of("S1");

    private static Order order(String id, String at, int quantity, String unitPrice) {
        OrderLine line = OrderLine.of(1, STORE, BrandId.of("B"), CategoryId.of("C"), SkuId.of("K"), quantity,
                Money.cny(unitPrice));
        return new Order(OrderId.of(id), ANN, Instant.parse(at), STORE, SalesChannel.STORE, List.of(line),
                List.of(Tender.of(TenderType.CARD, line.net())));
    }

    private static Purchase purchase(String member, String date, String amount) {
        return new Purchase(MemberId.of(member), LocalDate.parse(date), Money.cny(amount));
    }

    @Test
    void merges_same_day_purchases_and_counts_repeat_days() {
        List<CustomerSummary> s = Summaries.summarize(List.of(
                purchase("a", "2026-01-01", "10"), purchase("a", "2026-01-01", "5"),
                purchase("a", "2026-01-08", "20"), purchase("a", "2026-01-15", "40"),
                purchase("a", "2026-02-01", "99"), // after the end
                purchase("b", "2026-01-20", "7")), LocalDate.of(2026, 1, 29), PeriodUnit.WEEKS);
        assertThat(s).hasSize(2);
        CustomerSummary a = s.get(0);
        assertThat(a.frequency()).isEqualTo(2);
        assertThat(a.recency()).isEqualTo(2.0);
        assertThat(a.age()).isEqualTo(4.0);
        assertThat(a.averageSpend()).isEqualTo(30.0);
        CustomerSummary b = s.get(1);
        assertThat(b.frequency()).isZero();
        assertThat(b.recency()).isZero();
        assertThat(b.age()).isCloseTo(9.0 / 7, within(1e-15));
        assertThat(b.averageSpend()).isZero();
    }

    @Test
    void orders_count_net_of_refunds_on_their_business_day() {
        Order first = order("O1", "2026-01-01T17:00:00Z", 2, "50"); // 01:00 on Jan 2 in Shanghai
        Order second = order("O2", "2026-01-09T02:00:00Z", 3, "10");
        Order returned = order("O3", "2026-01-12T02:00:00Z", 1, "80");
        List<Refund> refunds = List.of(
                new Refund(RefundId.of("R1"), OrderId.of("O2"), Instant.parse("2026-01-10T02:00:00Z"),
                        List.of(new RefundLine(1, 1))),
                new Refund(RefundId.of("R2"), OrderId.of("O3"), Instant.parse("2026-01-13T02:00:00Z"),
                        List.of(new RefundLine(1, 1))));
        List<Purchase> purchases = Summaries.fromOrders(List.of(first, second, returned), refunds, SHANGHAI);
        assertThat(purchases).containsExactly(
                new Purchase(ANN, LocalDate.of(2026, 1, 2), Money.cny("100")),
                new Purchase(ANN, LocalDate.of(2026, 1, 9), Money.cny("20")));
        CustomerSummary s = Summaries.summarize(purchases, LocalDate.of(2026, 1, 30), PeriodUnit.DAYS).get(0);
        assertThat(s.frequency()).isEqualTo(1);
        assertThat(s.recency()).isEqualTo(7.0);
        assertThat(s.age()).isEqualTo(28.0);
        assertThat(s.averageSpend()).isEqualTo(20.0);
    }

    @Test
    void splits_calibration_and_holdout_at_a_date() {
        List<Purchase> p = List.of(purchase("a", "2026-01-01", "10"), purchase("a", "2026-01-05", "10"),
                purchase("a", "2026-01-12", "30"), purchase("a", "2026-01-13", "50"),
                purchase("late", "2026-01-20", "10"));
        List<HoldoutSummary> h = Summaries.calibrationAndHoldout(p, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 1, 24), PeriodUnit.DAYS);
        assertThat(h).hasSize(1);
        assertThat(h.get(0).calibration().frequency()).isEqualTo(1);
        assertThat(h.get(0).calibration().age()).isEqualTo(9.0);
        assertThat(h.get(0).holdoutFrequency()).isEqualTo(2);
        assertThat(h.get(0).holdoutAverageSpend()).isEqualTo(40.0);
        assertThat(h.get(0).holdoutDuration()).isEqualTo(14.0);
        assertThatThrownBy(() -> Summaries.calibrationAndHoldout(p, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 1, 9), PeriodUnit.DAYS))
                .hasMessage("observationEnd must be on or after calibrationEnd 2026-01-10: 2026-01-09");
    }

    @Test
    void cdnow_repeat_spend_matches_hardies_aggregates() {
        double[] spend = Cdnow.summaries().stream().filter(c -> c.frequency() > 0)
                .mapToDouble(CustomerSummary::averageSpend).sorted().toArray();
        assertThat(spend).hasSize(946);
        double mean = java.util.Arrays.stream(spend).average().orElseThrow();
        assertThat(Math.round(mean)).isEqualTo(35);
        assertThat(Math.round(spend[0])).isEqualTo(3);
        assertThat(Math.round(spend[spend.length - 1])).isEqualTo(300);
        assertThat(Math.round((spend[472] + spend[473]) / 2)).isEqualTo(27);
    }
}
