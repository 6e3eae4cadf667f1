package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerBatchProperties {

    static final CommissionLedger ENGINE = CommissionLedger.of(CommissionPlan.builder().build());

    static final org.quicktheories.core.Gen<List<Accrual>> ACCRUALS = gen(r -> {
        List<Accrual> out = new ArrayList<>();
        int n = r.nextInt(60);
        for (int i = 0; i < n; i++) {
            YearMonth period = YearMonth.of(2026, 1 + r.nextInt(3));
            LocalDate day = period.atDay(1 + r.nextInt(28));
            out.add(new Accrual(GuideId.of("G" + r.nextInt(4)), MemberId.of("M" + i), OrderId.of("O" + i),
                    Instant.parse(day + "T04:00:00Z"), period, day.plusDays(7), Money.cnyMinor(r.nextInt(5000)),
                    Money.cnyMinor(r.nextInt(500_000)), 1));
        }
        return out;
    });

    @Test
    void a_batch_books_the_same_periods_as_one_by_one_accruals_and_a_second_finish_changes_nothing() {
        qt().withExamples(200).forAll(ACCRUALS).checkAssert(accruals -> {
            Map<GuideId, GuideLedger> single = new HashMap<>();
            LedgerBatch batch = ENGINE.batch(Map.of());
            for (int i = 0; i < accruals.size(); i++) {
                Accrual a = accruals.get(i);
                GuideLedger l = single.computeIfAbsent(a.guide(), ENGINE::open);
                LedgerResult r = ENGINE.accrue(l, a, OperationId.of("a" + i));
                assertThat(r.outcome()).isInstanceOf(Outcome.Applied.class);
                single.put(a.guide(), r.ledger());
                batch.accrue(a);
            }
            List<GuideLedger> batched = batch.finish(OperationId.of("batch-1"));
            assertThat(batched).hasSize(single.size());
            Map<GuideId, GuideLedger> byGuide = new HashMap<>();
            for (GuideLedger l : batched) {
                assertThat(l.open()).isEqualTo(single.get(l.guide()).open());
                byGuide.put(l.guide(), l);
            }
            LedgerBatch again = ENGINE.batch(byGuide);
            accruals.forEach(again::accrue);
            for (GuideLedger l : again.finish(OperationId.of("batch-1"))) {
                assertThat(l).isSameAs(byGuide.get(l.guide()));
            }
        });
    }
}
