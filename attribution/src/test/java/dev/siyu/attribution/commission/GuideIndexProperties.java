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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guide tables of the network and the batch (ids packed in longs when they fit, by hash and
 * equality otherwise) against plain maps, with many guides.
 */
class GuideIndexProperties {

    /**
     * Ids whose string hashes collide in pairs ("Aa" and "BB" hash alike), to exercise probing:
     * short ASCII ids, ids too long to pack, ids with Latin-1 letters (a high first byte) and ids
     * beyond Latin-1.
     */
    static GuideId guide(int n) {
        String base = (n % 2 == 0 ? "Aa" : "BB") + (n / 2);
        return GuideId.of(switch ((n / 2) % 4) {
            case 0 -> base;
            case 1 -> base + "-with-a-long-id";
            case 2 -> "é" + base;
            default -> "导" + base;
        });
    }

    @Test
    void packed_ids_are_equal_exactly_when_their_texts_are() {
        qt().withExamples(3000).forAll(gen(r -> new int[] {r.nextInt(2000), r.nextInt(2000)})).checkAssert(n -> {
            String a = guide(n[0]).value();
            String b = guide(n[1]).value();
            long ka = IdKey.of(a);
            long kb = IdKey.of(b);
            assertThat(ka != IdKey.NONE).isEqualTo(a.length() <= 8 && a.chars().allMatch(c -> c <= 0xFF));
            assertThat(ka).isNotEqualTo(IdKey.UNPACKED);
            if (ka != IdKey.NONE && kb != IdKey.NONE) {
                assertThat(ka == kb).isEqualTo(a.equals(b));
            }
        });
    }

    @Test
    void the_network_finds_exactly_the_uplines_of_its_map() {
        qt().withExamples(200).forAll(gen(r -> {
            Map<GuideId, GuideId> uplines = new HashMap<>();
            int n = r.nextInt(400);
            for (int g = 50; g < 50 + n; g++) {
                if (r.nextBoolean()) {
                    uplines.put(guide(g), guide(r.nextInt(50)));
                }
            }
            return uplines;
        })).checkAssert(uplines -> {
            DistributionNetwork network = DistributionNetwork.of(uplines);
            for (int g = 0; g < 500; g++) {
                GuideId copy = GuideId.of(guide(g).value());
                assertThat(network.uplineOrNull(copy)).isEqualTo(uplines.get(copy));
                assertThat(network.uplineOf(copy)).isEqualTo(java.util.Optional.ofNullable(uplines.get(copy)));
                // the slot the commission asks for, with the upline and its packed id beside it
                int at = network.indexOf(copy, IdKey.of(copy.value()));
                GuideId upline = uplines.get(copy);
                assertThat(at >= 0).isEqualTo(upline != null);
                if (upline != null) {
                    assertThat(network.uplineAt(at)).isEqualTo(upline);
                    assertThat(network.uplineKeyAt(at)).isEqualTo(IdKey.of(upline.value()));
                }
            }
        });
    }

    @Test
    void a_batch_over_hundreds_of_guides_books_what_one_by_one_accruals_book() {
        CommissionLedger engine = CommissionLedger.of(CommissionPlan.builder().build());
        qt().withExamples(50).forAll(gen(r -> {
            int n = r.nextInt(1500);
            java.util.List<Accrual> out = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                YearMonth period = YearMonth.of(2026, 1 + r.nextInt(2));
                LocalDate day = period.atDay(1 + r.nextInt(28));
                out.add(new Accrual(GuideId.of(guide(r.nextInt(600)).value()), MemberId.of("M" + i),
                        OrderId.of("O" + i), Instant.parse(day + "T04:00:00Z"), period, day.plusDays(7),
                        Money.cnyMinor(r.nextInt(5000)), Money.cnyMinor(r.nextInt(500_000)), 1));
            }
            return out;
        })).checkAssert(accruals -> {
            Map<GuideId, GuideLedger> single = new HashMap<>();
            LedgerBatch batch = engine.batch(Map.of());
            for (int i = 0; i < accruals.size(); i++) {
                Accrual a = accruals.get(i);
                LedgerResult r = engine.accrue(single.computeIfAbsent(a.guide(), engine::open), a,
                        OperationId.of("a" + i));
                assertThat(r.outcome()).isInstanceOf(Outcome.Applied.class);
                single.put(a.guide(), r.ledger());
                batch.accrue(a);
            }
            assertThat(batch.guides()).isEqualTo(single.size());
            List<GuideLedger> batched = batch.finish(OperationId.of("batch"));
            assertThat(batched).hasSize(single.size());
            for (GuideLedger l : batched) {
                assertThat(l.open()).isEqualTo(single.get(l.guide()).open());
            }
        });
    }
}
