package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.order.Order;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order's period and release date (computed without zoned date-times, through a day cache) in any zone. */
class BusinessDayProperties {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneOffset.UTC, ZoneOffset.ofHours(-7),
            ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"), ZoneId.of("Australia/Lord_Howe"));

    record Case(int zone, int window, Instant at) {
    }

    @Test
    void the_period_and_release_date_are_those_of_the_order_time_in_the_plan_zone() {
        List<CommissionPlan> plans = new java.util.ArrayList<>();
        for (ZoneId zone : ZONES) {
            plans.add(CommissionPlan.builder().zone(zone).returnWindowDays(7).build());
        }
        qt().withExamples(3_000).forAll(gen(r -> new Case(r.nextInt(ZONES.size()), 7,
                Instant.ofEpochSecond(r.nextInt(4) == 0 ? r.nextLong(-2_000_000_000L, 4_000_000_000L)
                        : 1_767_000_000L + r.nextInt(200 * 86_400), r.nextInt(1_000_000_000)))))
                .checkAssert(c -> {
                    CommissionPlan plan = plans.get(c.zone());
                    Order order = OrderGenerators.order(new java.util.SplittableRandom(c.at().getEpochSecond()),
                            OrderId.of("O1"), MemberId.of("M1"), c.at(), 2);
                    OrderAttribution nobody = new OrderAttribution(order.id(), order.member(), order.placedAt(),
                            order.lines().stream().map(l -> LineCredit.of(l.lineNo(), List.of(), Explanation.of("GEN")))
                                    .toList());
                    OrderCommission record = plan.commission(order, nobody, DistributionNetwork.none());
                    LocalDate date = c.at().atZone(ZONES.get(c.zone())).toLocalDate();
                    assertThat(record.period()).isEqualTo(YearMonth.from(date));
                    assertThat(record.releaseOn()).isEqualTo(date.plusDays(c.window()));
                });
    }
}
