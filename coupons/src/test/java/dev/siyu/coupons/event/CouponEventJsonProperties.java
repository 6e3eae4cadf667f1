package dev.siyu.coupons.event;

import static dev.siyu.testkit.event.EventValues.currency;
import static dev.siyu.testkit.event.EventValues.idText;
import static dev.siyu.testkit.event.EventValues.instant;
import static dev.siyu.testkit.event.EventValues.money;
import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.event.Events;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.money.Money;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.wallet.CouponId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class CouponEventJsonProperties {

    private static final int KINDS = 5;

    /** One coupon event of type {@code kind} (0 to 4) with random values. */
    static CouponEvent event(int kind, RandomGenerator r) {
        MemberId member = MemberId.of(idText(r));
        Instant at = instant(r);
        OperationId operation = OperationId.of(idText(r));
        CouponId coupon = CouponId.of(idText(r));
        Currency currency = currency(r);
        return switch (kind) {
            case 0 -> new CouponEvent.CouponIssued(member, at, operation, coupon, CouponTemplateId.of(idText(r)),
                    instant(r), instant(r));
            case 1 -> new CouponEvent.CouponReserved(member, at, operation, coupon, OrderId.of(idText(r)),
                    money(r, currency, false), instant(r));
            case 2 -> {
                List<LineShare> shares = new ArrayList<>();
                int count = r.nextInt(6);
                for (int i = 0; i < count; i++) {
                    shares.add(new LineShare(r.nextInt(-5, 1000), money(r, currency, true)));
                }
                yield new CouponEvent.CouponRedeemed(member, at, operation, coupon, CouponTemplateId.of(idText(r)),
                        OrderId.of(idText(r)), money(r, currency, false), shares);
            }
            case 3 -> new CouponEvent.CouponReleased(member, at, operation, coupon, OrderId.of(idText(r)));
            default -> new CouponEvent.CouponRefunded(member, at, operation, coupon, OrderId.of(idText(r)),
                    RefundId.of(idText(r)), money(r, currency, false), money(r, currency, false),
                    money(r, currency, false), r.nextBoolean());
        };
    }

    private static final Gen<List<CouponEvent>> ONE_OF_EACH = gen(r -> {
        List<CouponEvent> events = new ArrayList<>();
        for (int kind = 0; kind < KINDS; kind++) {
            events.add(event(kind, r));
        }
        return events;
    });

    @Test
    void every_coupon_event_reads_back_equal_to_what_was_written() {
        Set<Class<?>> seen = new HashSet<>();
        qt().withExamples(500).forAll(ONE_OF_EACH).checkAssert(events -> {
            for (CouponEvent event : events) {
                seen.add(event.getClass());
                String json = Events.toJson(event);
                assertThat(json).startsWith("{\"type\":\"" + event.type() + "\",");
                assertThat(CouponEvent.fromJson(json)).as(json).isEqualTo(event);
                assertThat(Events.toJson(CouponEvent.fromJson(json))).isEqualTo(json);
            }
        });
        assertThat(seen).containsExactlyInAnyOrderElementsOf(permittedRecords(CouponEvent.class));
    }

    @Test
    void the_family_names_every_permitted_record_once_under_its_own_type_name() {
        assertThat(List.<Class<?>>copyOf(CouponEvent.family().records()))
                .containsExactlyInAnyOrderElementsOf(permittedRecords(CouponEvent.class));
        for (int kind = 0; kind < KINDS; kind++) {
            CouponEvent event = event(kind, new SplittableRandom(kind));
            assertThat(CouponEvent.family().types().get(event.type())).isEqualTo(event.getClass());
        }
    }

    @Test
    void a_redemption_keeps_its_line_shares_in_order() {
        CouponEvent e = new CouponEvent.CouponRedeemed(MemberId.of("ann"), Instant.parse("2026-11-20T06:00:00Z"),
                OperationId.of("op"), CouponId.of("c1"), CouponTemplateId.of("t"), OrderId.of("O1"), Money.cny("10.50"),
                List.of(new LineShare(2, Money.cny("0.50")), new LineShare(1, Money.cny("10"))));
        assertThat(CouponEvent.fromJson(Events.toJson(e))).isEqualTo(e);
    }

    @Test
    void a_bad_coupon_event_is_refused_at_its_pointer() {
        String json = Events.toJson(new CouponEvent.CouponRedeemed(MemberId.of("ann"), Instant.parse("2026-11-20T06:00:00Z"),
                OperationId.of("op"), CouponId.of("c1"), CouponTemplateId.of("t"), OrderId.of("O1"), Money.cny("10"),
                List.of(new LineShare(1, Money.cny("10")))));
        assertThatThrownBy(() -> CouponEvent.fromJson(json.replace("coupon-redeemed", "coupon-stolen")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/type").hasMessageContaining("coupon-redeemed");
        assertThatThrownBy(() -> CouponEvent.fromJson(json.replace("\"lineNo\":1,", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/shares/0/lineNo").hasMessageContaining("int");
        assertThatThrownBy(() -> CouponEvent.fromJson(json.replace("\"amount\":\"10.00\",\"currency\":\"CNY\"}}]",
                "\"amount\":\"-1.00\",\"currency\":\"CNY\"}}]")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/shares/0");
        assertThatThrownBy(() -> CouponEvent.fromJson(json.replace("\"order\":\"O1\",", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/order");
    }

    /** The records permitted by a sealed interface, through nested sealed interfaces. */
    static List<Class<?>> permittedRecords(Class<?> sealed) {
        List<Class<?>> records = new ArrayList<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(sealed.getPermittedSubclasses()));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                records.add(type);
            }
        }
        return records;
    }
}
