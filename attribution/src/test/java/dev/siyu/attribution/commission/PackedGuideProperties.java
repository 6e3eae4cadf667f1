package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.attribution.AttributionGenerators;
import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.GuideRole;
import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.kernel.PackedText;
import dev.siyu.core.order.Order;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The guide keys attribution hands to the commission ({@link LineCredit#packedGuide}, taken from
 * the customer for its service guides): each is 0 or the credited guide's id text packed, and the
 * commission and batch booked with them equal the plan's general split booked one accrual at a
 * time, which reads every guide's text. Customers bound in up to five stores (inline, next and
 * other bindings), guides with short, long, Latin-1 and wider ids, till guides and sharers as
 * fresh instances of bound guides' ids, precedence and split policies.
 */
class PackedGuideProperties {

    static final Instant T = Instant.parse("2026-03-01T02:00:00Z");

    /** A guide id text: short (packs), long, Latin-1 beyond ASCII, or wider (does not pack). */
    static String guideText(RandomGenerator r) {
        int n = r.nextInt(5);
        return switch (r.nextInt(6)) {
            case 0 -> "a-guide-with-a-long-id-" + n;
            case 1 -> "导购" + n;
            case 2 -> "Gé" + n;
            default -> "G" + n;
        };
    }

    record Case(CommissionPlan plan, DistributionNetwork network, AttributionPolicy policy,
            List<CustomerBinding> customers, List<Order> orders, List<OrderTouches> touches) {
    }

    static final org.quicktheories.core.Gen<Case> CASES = gen(r -> {
        CommissionPlan plan = AttributionGenerators.plan(r);
        Map<GuideId, GuideId> uplines = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            GuideId g = GuideId.of(guideText(r));
            GuideId up = GuideId.of(guideText(r));
            if (r.nextBoolean() && g.value().compareTo(up.value()) < 0) {
                uplines.put(g, up);
            }
        }
        DistributionNetwork network = r.nextInt(5) == 0 ? DistributionNetwork.none() : DistributionNetwork.of(uplines);
        AttributionPolicy policy = r.nextInt(4) == 0
                ? AttributionPolicy.builder().split(Map.of(GuideRole.SALE, 50L, GuideRole.SERVICE, 30L,
                        GuideRole.SHARER, 20L)).build()
                : AttributionPolicy.ofDefaults();
        BindingEngine engine = BindingEngine.of(BindingPolicy.ofDefaults());
        List<CustomerBinding> customers = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            MemberId member = MemberId.of("M" + m);
            CustomerBinding c = CustomerBinding.empty(member);
            for (int s = 0; s < 5; s++) {
                if (r.nextInt(3) != 0) {
                    c = engine.touch(c, new Touch(member, GuideId.of(guideText(r)), BindingScope.store(StoreId.of("S" + s)),
                            TouchKind.ADD, T), OperationId.of("add" + s)).binding();
                }
            }
            customers.add(c);
        }
        List<Order> orders = new ArrayList<>();
        List<OrderTouches> touches = new ArrayList<>();
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int m = r.nextInt(customers.size());
            orders.add(OrderGenerators.order(r, OrderId.of("O" + i), MemberId.of("M" + m),
                    T.plus(Duration.ofHours(1 + r.nextInt(24 * 20))), 4));
            OrderTouches t = OrderTouches.none();
            if (r.nextInt(3) == 0) {
                t = t.withSaleGuide(GuideId.of(guideText(r)));
            }
            if (r.nextInt(5) == 0) {
                t = t.withSharer(GuideId.of(guideText(r)), T);
            }
            touches.add(t);
        }
        return new Case(plan, network, policy, customers, orders, touches);
    });

    @Test
    void keys_handed_on_are_the_guides_packed_ids_and_book_what_the_general_split_books() {
        qt().withExamples(500).forAll(CASES).checkAssert(c -> {
            CommissionLedger engine = CommissionLedger.of(c.plan());
            LedgerBatch compactBatch = engine.batch(Map.of());
            LedgerBatch referenceBatch = engine.batch(Map.of());
            for (int i = 0; i < c.orders().size(); i++) {
                Order order = c.orders().get(i);
                int m = Integer.parseInt(order.member().value().substring(1));
                OrderAttribution attribution = c.policy().attribute(order, c.touches().get(i), c.customers().get(m));
                for (LineCredit line : attribution.lines()) {
                    long key = line.packedGuide();
                    if (line.credits().isEmpty()) {
                        assertThat(key).isZero();
                    } else if (key != 0) {
                        assertThat(key).as("line %d", line.lineNo())
                                .isEqualTo(PackedText.of(line.credits().get(0).guide().value()));
                    }
                }
                OrderCommission compact = c.plan().commission(order, attribution, c.network());
                OrderCommission reference = c.plan().commissionBySplit(order, attribution, c.network());
                assertThat(compact).isEqualTo(reference);
                assertThat(compact.accruals()).isEqualTo(reference.accruals());
                compactBatch.accrue(compact);
                reference.accruals().forEach(referenceBatch::accrue);
            }
            SingleCreditLinesProperties.assertFinishTheSame(compactBatch, referenceBatch);
        });
    }
}
