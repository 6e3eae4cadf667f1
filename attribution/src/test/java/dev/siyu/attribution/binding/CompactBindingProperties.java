package dev.siyu.attribution.binding;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.kernel.PackedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The compact customer (first binding inline with its instants in nanoseconds, the others as
 * records; operation ids as Latin-1 bytes) against the plain model, an array of {@link Binding}
 * records: the same bindings back, the same binding and guide in force at any instant, the same
 * operation ids found. Instants cover the whole {@link Instant} range, so bindings that do not fit
 * inline are exercised too.
 */
class CompactBindingProperties {

    static final MemberId M = MemberId.of("M1");

    /** An instant near the epoch, at a random nanosecond, or anywhere in Instant's range. */
    static Instant instant(RandomGenerator r) {
        return switch (r.nextInt(6)) {
            case 0 -> Instant.ofEpochSecond(r.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                    r.nextInt(1_000_000_000));
            case 1 -> Instant.ofEpochSecond((r.nextBoolean() ? 1 : -1) * (Long.MAX_VALUE / 1_000_000_000L
                    - 2 + r.nextInt(4)), r.nextInt(1_000_000_000));
            case 2 -> r.nextBoolean() ? Instant.MIN : Instant.MAX;
            default -> Instant.ofEpochSecond(1_767_225_600L + r.nextInt(400 * 86_400), r.nextInt(3) == 0
                    ? r.nextInt(1_000_000_000) : 0);
        };
    }

    record Case(Binding[] bindings, List<Instant> probes, List<String> ids) {
    }

    /**
     * Up to five bindings in stores S0..S4 (inline, next and the others, with or without the first
     * inline), their guides' ids and causes drawn by {@code guide} and {@code via}.
     */
    static List<Binding> bindings(RandomGenerator r, Function<RandomGenerator, String> guide,
            Function<RandomGenerator, String> via) {
        int n = r.nextInt(6);
        List<Binding> bindings = new ArrayList<>();
        for (int s = 0; s < 5 && bindings.size() < n; s++) {
            if (r.nextBoolean()) {
                Instant since = instant(r);
                Optional<Instant> valid = r.nextBoolean() ? Optional.empty() : Optional.of(instant(r));
                bindings.add(new Binding(GuideId.of(guide.apply(r)), BindingScope.store(StoreId.of("S" + s)), since,
                        instant(r), valid, via.apply(r)));
            }
        }
        return bindings;
    }

    static final Gen<Case> CASES = gen(r -> {
        List<Binding> bindings = bindings(r, g -> "G" + g.nextInt(5),
                g -> List.of("ADD", "ORDER", "TRANSFERRED_ON_DUTY").get(g.nextInt(3)));
        List<Instant> probes = new ArrayList<>();
        for (Binding b : bindings) {
            probes.add(b.since());
            b.validUntil().ifPresent(v -> {
                probes.add(v);
                if (v.isAfter(Instant.MIN)) {
                    probes.add(v.minusNanos(1));
                }
                if (v.isBefore(Instant.MAX)) {
                    probes.add(v.plusNanos(1));
                }
            });
        }
        for (int i = 0; i < 4; i++) {
            probes.add(instant(r));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < r.nextInt(5); i++) {
            ids.add(switch (r.nextInt(3)) {
                case 0 -> "op-" + r.nextInt(10);
                case 1 -> "été-" + r.nextInt(10);
                default -> "操作-" + r.nextInt(10);
            });
        }
        return new Case(bindings.toArray(new Binding[0]), probes, ids);
    });

    @Test
    void the_compact_customer_answers_like_its_binding_records() {
        qt().withExamples(1000).forAll(CASES).checkAssert(c -> {
            Object[] operations = new Object[0];
            for (String id : c.ids()) {
                operations = CustomerBinding.plus(operations, OperationId.of(id), BindingPolicy.ofDefaults(), "payload");
            }
            CustomerBinding compact = new CustomerBinding(M, c.bindings(), List.of(), List.of(), operations);
            assertThat(compact.bindingArray()).containsExactly(c.bindings());
            assertThat(compact.version()).isEqualTo(c.ids().size());
            assertThat(compact.bindings().values()).containsExactlyElementsOf(Arrays.asList(c.bindings()));
            for (int s = 0; s < 6; s++) {
                BindingScope scope = BindingScope.store(StoreId.of("S" + s));
                Binding model = Arrays.stream(c.bindings()).filter(b -> b.scope().equals(scope)).findFirst().orElse(null);
                assertThat(compact.recorded(scope)).isEqualTo(model);
                for (Instant at : c.probes()) {
                    Optional<Binding> inForce = model != null && model.isValidAt(at) ? Optional.of(model) : Optional.empty();
                    assertThat(compact.bindingAt(scope, at)).isEqualTo(inForce);
                    assertThat(compact.guideAt(scope, at)).isEqualTo(inForce.map(Binding::guide));
                    assertThat(compact.guideAtOrElse(scope, at, null)).isEqualTo(inForce.map(Binding::guide).orElse(null));
                }
            }
            for (int i = 0; i < c.ids().size(); i++) {
                assertThat(compact.operation(i)).isEqualTo(OperationId.of(c.ids().get(i)));
                assertThat(compact.indexOf(OperationId.of(c.ids().get(i)))).isEqualTo(c.ids().indexOf(c.ids().get(i)));
            }
            assertThat(compact.indexOf(OperationId.of("never"))).isEqualTo(-1);
            assertThat(compact.indexOf(OperationId.of("op"))).isEqualTo(-1);
        });
    }

    /** A guide id text: short (packs), long, Latin-1 beyond ASCII, or wider (does not pack). */
    static String guideText(RandomGenerator r) {
        int n = r.nextInt(4);
        return switch (r.nextInt(5)) {
            case 0 -> "a-guide-with-a-long-id-" + n;
            case 1 -> "导购" + n;
            case 2 -> "Gé" + n;
            case 3 -> "G000000" + n;
            default -> "G" + n;
        };
    }

    /**
     * A guide's packed id from the customer (from its own fields for the guides it holds inline,
     * from the text for any other) is the id's text packed, for the instances the customer returns
     * and for equal fresh ones, whichever binding (inline, next, others) holds the guide.
     */
    @Test
    void a_guides_packed_id_is_its_text_packed_whoever_holds_it() {
        qt().withExamples(1000).forAll(gen(r -> {
            List<Binding> bindings = bindings(r, CompactBindingProperties::guideText, g -> "ADD");
            List<Instant> probes = new ArrayList<>();
            for (Binding b : bindings) {
                probes.add(b.since());
            }
            probes.add(instant(r));
            return new Case(bindings.toArray(new Binding[0]), probes, List.of(guideText(r)));
        })).checkAssert(c -> {
            CustomerBinding customer = new CustomerBinding(M, c.bindings(), List.of(), List.of(), new Object[0]);
            List<GuideId> guides = new ArrayList<>();
            for (Binding b : c.bindings()) {
                guides.add(b.guide());
                guides.add(GuideId.of(new String(b.guide().value().toCharArray())));
            }
            for (int s = 0; s < 6; s++) {
                for (Instant at : c.probes()) {
                    GuideId found = customer.guideAtOrElse(BindingScope.store(StoreId.of("S" + s)), at, null);
                    if (found != null) {
                        guides.add(found);
                    }
                }
            }
            guides.add(GuideId.of(c.ids().get(0)));
            for (GuideId g : guides) {
                assertThat(customer.packedId(g)).as(g.value()).isEqualTo(PackedText.of(g.value()));
            }
        });
    }

    /** A member id text: short or long, ASCII, Latin-1 or not, often a near miss of another. */
    static String memberText(RandomGenerator r) {
        String base = switch (r.nextInt(5)) {
            case 0 -> "M" + r.nextInt(20);
            case 1 -> "M" + r.nextInt(3) + "é";
            case 2 -> "会员" + r.nextInt(3);
            case 3 -> "M000000" + r.nextInt(30);
            default -> "m".repeat(1 + r.nextInt(10)) + (char) ('\u00a0' + r.nextInt(3));
        };
        return base;
    }

    @Test
    void a_customer_is_of_exactly_the_members_equal_to_its_own() {
        qt().withExamples(3000).forAll(gen(r -> new String[] {memberText(r), memberText(r)})).checkAssert(texts -> {
            MemberId own = MemberId.of(texts[0]);
            MemberId other = MemberId.of(texts[1]);
            CustomerBinding customer = CustomerBinding.empty(own);
            assertThat(customer.isOf(other)).isEqualTo(own.equals(other));
            assertThat(customer.isOf(MemberId.of(texts[0]))).isTrue();
            assertThat(customer.isOf(own)).isTrue();
            assertThat(customer.isOf(null)).isFalse();
            long key = PackedText.of(texts[0]);
            boolean fits = texts[0].length() <= 8 && texts[0].chars().allMatch(c -> c <= 0xFF);
            assertThat(key != 0).isEqualTo(fits);
            if (fits && key == PackedText.of(texts[1])) {
                assertThat(texts[1]).isEqualTo(texts[0]);
            }
        });
    }

    @Test
    void nanoseconds_since_the_epoch_round_trip_in_range_and_are_refused_outside() {
        qt().withExamples(2000).forAll(gen(CompactBindingProperties::instant)).checkAssert(at -> {
            long nanos = CustomerBinding.nanos(at);
            if (nanos != CustomerBinding.OUT) {
                assertThat(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                        Math.floorMod(nanos, 1_000_000_000L))).isEqualTo(at);
                assertThat(nanos).isNotEqualTo(Long.MIN_VALUE);
            } else {
                assertThat(Math.abs(at.getEpochSecond())).isGreaterThanOrEqualTo(Long.MAX_VALUE / 1_000_000_000L);
            }
        });
    }
}
