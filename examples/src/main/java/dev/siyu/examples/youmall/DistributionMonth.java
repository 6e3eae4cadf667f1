package dev.siyu.examples.youmall;

import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.commission.Accrual;
import dev.siyu.attribution.commission.CommissionLedger;
import dev.siyu.attribution.commission.CommissionPlan;
import dev.siyu.attribution.commission.DistributionNetwork;
import dev.siyu.attribution.commission.GuideLedger;
import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.commission.Statement;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.order.Order;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Zhongdong YouMALL (中东集团): a month of guide distribution. Guides share product links through
 * WeCom; orders from a link within 7 days credit the sharer. The plan pays 3% on cosmetics and 2%
 * elsewhere, gives a recruiting guide (level 2) 10% of a recruit's commission, adds a marginal
 * monthly bonus above CNY 50,000 of credited sales and caps a month at CNY 3,000. A good guide
 * ends the month with about 2,000–2,800 yuan. Run {@link #main} to print the statements.
 */
public final class DistributionMonth {

    static final String PLAN = """
            {
              "schemaVersion": 1,
              "defaultRate": 2,
              "rules": [{"category": "cosmetics", "rate": 3}],
              "levels": [{"share": 90}, {"share": 10}],
              "monthlyTiers": {"method": "marginal", "bands": [
                {"from": 0, "to": 50000, "rate": 0},
                {"from": 50000, "rate": 1}
              ]},
              "monthlyCap": "CNY 3000.00",
              "minimumPayout": "CNY 10.00",
              "returnWindowDays": 7
            }
            """;

    private DistributionMonth() {
    }

    public static void main(String[] args) {
        run().forEach((g, s) -> System.out.println(g + " " + s.payout() + " " + s.lines()));
    }

    /** Each guide's March statement, settled on 7 April. */
    static Map<GuideId, Statement> run() {
        CommissionPlan plan = CommissionPlan.fromJson(PLAN);
        CommissionLedger ledgers = CommissionLedger.of(plan);
        AttributionPolicy credit = AttributionPolicy.ofDefaults();
        GuideId star = GuideId.of("star");
        GuideId recruit = GuideId.of("recruit");
        GuideId casual = GuideId.of("casual");
        DistributionNetwork network = DistributionNetwork.of(Map.of(recruit, star));
        Map<GuideId, GuideLedger> books = new HashMap<>();
        SplittableRandom random = new SplittableRandom(2026);
        Instant march = Instant.parse("2026-03-01T02:00:00Z");
        int[] orders = {90, 25, 8};
        GuideId[] sharers = {star, recruit, casual};
        for (int g = 0; g < sharers.length; g++) {
            for (int i = 0; i < orders[g]; i++) {
                MemberId member = MemberId.of("M" + g + "-" + i);
                Instant at = march.plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
                Order order = OrderGenerators.order(random, OrderId.of("O" + g + "-" + i), member, at, 2);
                OrderTouches touches = OrderTouches.none().withSharer(sharers[g], at.minus(Duration.ofHours(3)));
                OrderCommission commission = plan.commission(order,
                        credit.attribute(order, touches, CustomerBinding.empty(member)), network);
                for (Accrual a : commission.accruals()) {
                    GuideLedger ledger = books.computeIfAbsent(a.guide(), ledgers::open);
                    books.put(a.guide(), ledgers.accrue(ledger, a, OperationId.of(order.id() + ":" + a.guide()))
                            .ledger());
                }
            }
        }
        Map<GuideId, Statement> out = new TreeMap<>();
        Instant april7 = Instant.parse("2026-04-07T02:00:00Z");
        books.forEach((guide, ledger) -> out.put(guide, ledgers.settle(ledger, YearMonth.of(2026, 3), april7,
                OperationId.of("settle:" + guide)).statement().orElseThrow()));
        return out;
    }
}
