package dev.siyu.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagDefinition;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.catalogue.TagKind;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.feature.FeatureSource;
import dev.siyu.tagging.feature.FeatureType;
import dev.siyu.tagging.rule.Operand;
import dev.siyu.tagging.rule.Rule;
import dev.siyu.testkit.Generators;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The compiled engine against a plain interpreter of the rule tree, and its own laws. */
class TagEngineProperties {

    static final MemberId M = MemberId.of("M1");

    /** A member as raw feature values (Long or String; absent = missing), manual tags, and an as-of date. */
    record Member(Map<FeatureRef, Object> values, MemberTags tags, LocalDate today) {
        Instant asOf() {
            return today.atTime(12, 0).toInstant(ZoneOffset.ofHours(8));
        }
    }

    record Case(TagCatalogue catalogue, Member member, long seed) {
    }

    static Object raw(RandomGenerator r, RandomCatalogues.Feature f) {
        if (r.nextInt(8) == 0 && f.kind() != 'f') {
            return null;
        }
        return switch (f.kind()) {
            case 'c' -> RandomCatalogues.REGIONS[r.nextInt(RandomCatalogues.REGIONS.length)];
            case 't' -> RandomCatalogues.TIERS[r.nextInt(RandomCatalogues.TIERS.length)];
            case 'f' -> (long) r.nextInt(2);
            default -> RandomCatalogues.number(r, f.kind()) + (r.nextInt(3) == 0 ? 1 : 0);
        };
    }

    static Member member(RandomGenerator r, TagCatalogue c) {
        Map<FeatureRef, Object> values = new HashMap<>();
        for (RandomCatalogues.Feature f : RandomCatalogues.FEATURES) {
            values.put(f.ref(), raw(r, f));
        }
        MemberTags tags = MemberTags.empty(M);
        LocalDate today = LocalDate.of(2026, 11, 1).plusDays(r.nextInt(60));
        for (TagDefinition d : c.tags().values()) {
            if (d.kind() == TagKind.MANUAL && r.nextBoolean()) {
                Instant since = today.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(r.nextInt(100_000));
                Optional<Instant> until = r.nextBoolean() ? Optional.of(since.plusSeconds(r.nextInt(200_000))) : Optional.empty();
                tags = tags.with(d.id(), Provenance.manual(GuideId.of("G1"), since, until));
            }
        }
        return new Member(values, tags, today);
    }

    static final Gen<Case> CASES = Generators.gen(r -> {
        TagCatalogue c = RandomCatalogues.catalogue(r);
        return new Case(c, member(r, c), r.nextLong());
    });

    static FeatureTable row(TagEngine engine, Member m) {
        FeatureLayout layout = engine.layout();
        FeatureTable table = FeatureTable.of(layout, 1);
        for (int s = 0; s < layout.width(); s++) {
            Object v = m.values().get(layout.ref(s));
            long x;
            if (v == null) {
                x = FeatureType.MISSING;
            } else if (v instanceof String code) {
                x = layout.encode(s, code);
            } else {
                x = (Long) v;
                if (layout.isAge(s)) {
                    x = m.today().toEpochDay() - x;
                }
            }
            table.set(0, s, x);
        }
        return table;
    }

    // ------------------------------------------------------------------ the plain interpreter

    static boolean eval(Rule rule, Member m, Set<TagId> state) {
        if (rule instanceof Rule.And a) {
            return a.all().stream().allMatch(x -> eval(x, m, state));
        } else if (rule instanceof Rule.Or o) {
            return o.any().stream().anyMatch(x -> eval(x, m, state));
        } else if (rule instanceof Rule.Not n) {
            return !eval(n.rule(), m, state);
        } else if (rule instanceof Rule.HasTag h) {
            return state.contains(h.tag());
        }
        Rule.Compare c = (Rule.Compare) rule;
        Object v = m.values().get(c.feature());
        if (v == null) {
            return false;
        }
        if (c.op() == Rule.Op.PRESENT) {
            return true;
        }
        List<Object> k = new ArrayList<>();
        boolean relative = false;
        for (Operand o : c.values()) {
            if (o instanceof Operand.Num n) {
                k.add(n.value());
            } else if (o instanceof Operand.Code code) {
                k.add(code.value());
            } else if (o instanceof Operand.Flag f) {
                k.add(f.value() ? 1L : 0L);
            } else if (o instanceof Operand.Date d) {
                k.add(d.value().toEpochDay());
            } else if (o instanceof Operand.DaysAgo d) {
                k.add(m.today().toEpochDay() - d.days());
                relative = true;
            }
        }
        if (v instanceof String s) {
            return switch (c.op()) {
                case EQ -> s.equals(k.get(0));
                case NE -> !s.equals(k.get(0));
                default -> k.contains(s);
            };
        }
        long x = (Long) v;
        long a = (Long) k.get(0);
        return switch (c.op()) {
            case EQ -> x == a;
            case NE -> x != a;
            case LT -> x < a;
            case LTE -> x <= a;
            case GT -> x > a;
            case GTE -> x >= a;
            case BETWEEN -> {
                long b = (Long) k.get(1);
                yield relative ? x >= Math.min(a, b) && x <= Math.max(a, b) : x >= a && x <= b;
            }
            case IN -> k.contains(x);
            default -> throw new IllegalStateException();
        };
    }

    static Set<TagId> oracle(TagCatalogue c, Member m, boolean withManual) {
        Set<TagId> state = new TreeSet<>();
        Map<TagId, Long> manualSince = new HashMap<>();
        List<TagDefinition> derived = new ArrayList<>();
        Set<String> derivedGroups = new HashSet<>();
        for (TagDefinition d : c.tags().values()) {
            Set<TagId> refs = new HashSet<>();
            d.rule().ifPresent(r -> TagCatalogue.collectRefs(r, refs));
            if (!refs.isEmpty()) {
                derived.add(d);
                derivedGroups.add(d.group());
                continue;
            }
            if (d.rule().isPresent() && d.validOn(m.today()) && eval(d.rule().get(), m, state)) {
                state.add(d.id());
            }
            if (withManual && d.kind() != TagKind.RULE && m.tags().has(d.id()) && d.validOn(m.today())
                    && m.tags().tags().get(d.id()).holdsAt(m.asOf())) {
                state.add(d.id());
                manualSince.put(d.id(), m.tags().tags().get(d.id()).since().toEpochMilli());
            }
        }
        resolve(c, state, manualSince, g -> !derivedGroups.contains(g));
        // derived tags read only non-derived tags here, so any order works
        for (TagDefinition d : derived) {
            if (d.validOn(m.today()) && eval(d.rule().get(), m, state)) {
                state.add(d.id());
            }
        }
        resolve(c, state, manualSince, derivedGroups::contains);
        return state;
    }

    static void resolve(TagCatalogue c, Set<TagId> state, Map<TagId, Long> manualSince,
            java.util.function.Predicate<String> groups) {
        Map<String, TagId> winner = new TreeMap<>();
        for (TagId t : state) {
            TagDefinition d = c.tag(t);
            if (!c.groups().get(d.group()).exclusive() || !groups.test(d.group())) {
                continue;
            }
            TagId w = winner.get(d.group());
            if (w == null || better(c, t, w, manualSince)) {
                winner.put(d.group(), t);
            }
        }
        state.removeIf(t -> winner.containsKey(c.tag(t).group()) && !winner.get(c.tag(t).group()).equals(t));
    }

    static boolean better(TagCatalogue c, TagId t, TagId w, Map<TagId, Long> since) {
        long mt = since.getOrDefault(t, Long.MIN_VALUE);
        long mw = since.getOrDefault(w, Long.MIN_VALUE);
        if (mt != mw) {
            return mt > mw;
        }
        if (c.tag(t).priority() != c.tag(w).priority()) {
            return c.tag(t).priority() > c.tag(w).priority();
        }
        return t.compareTo(w) < 0;
    }

    static Set<TagId> evaluate(TagEngine engine, Member m) {
        return engine.evaluate(row(engine, m), 0, m.tags(), m.asOf()).tags().tags().keySet();
    }

    // ------------------------------------------------------------------ properties

    @Test
    void the_compiled_engine_agrees_with_a_plain_interpreter() {
        qt().withExamples(400).forAll(CASES).checkAssert(k -> {
            TagEngine engine = TagEngine.compile(k.catalogue());
            assertThat(evaluate(engine, k.member())).isEqualTo(oracle(k.catalogue(), k.member(), true));
            long[] bits = new long[(engine.tagCount() + 63) / 64 + 1];
            int n = engine.newEvaluator().evaluate(row(engine, k.member()), 0, k.member().today(), bits);
            Set<TagId> batch = new TreeSet<>();
            for (int t = 0; t < engine.tagCount(); t++) {
                if ((bits[t >> 6] & (1L << t)) != 0) {
                    batch.add(engine.tagAt(t));
                }
            }
            assertThat(batch).hasSize(n).isEqualTo(oracle(k.catalogue(), k.member(), false));
        });
    }

    @Test
    void results_do_not_depend_on_rule_order() {
        qt().withExamples(200).forAll(CASES).checkAssert(k -> {
            TagCatalogue other = RandomCatalogues.shuffled(k.catalogue(), new java.util.SplittableRandom(k.seed()));
            assertThat(evaluate(TagEngine.compile(other), k.member()))
                    .isEqualTo(evaluate(TagEngine.compile(k.catalogue()), k.member()));
        });
    }

    @Test
    void an_exclusive_group_yields_at_most_one_tag() {
        qt().withExamples(300).forAll(CASES).checkAssert(k -> {
            Map<String, Integer> perGroup = new HashMap<>();
            for (TagId t : evaluate(TagEngine.compile(k.catalogue()), k.member())) {
                perGroup.merge(k.catalogue().tag(t).group(), 1, Integer::sum);
            }
            perGroup.forEach((g, n) -> {
                if (k.catalogue().groups().get(g).exclusive()) {
                    assertThat(n).as("tags of exclusive group %s", g).isLessThanOrEqualTo(1);
                }
            });
        });
    }

    @Test
    void incremental_evaluation_equals_a_full_recompute_after_any_event_sequence() {
        FeatureCatalogue features = FeatureCatalogue.builtIn();
        qt().withExamples(150).forAll(CASES).checkAssert(k -> {
            RandomGenerator r = new java.util.SplittableRandom(k.seed());
            TagEngine engine = TagEngine.compile(k.catalogue());
            Member m = k.member();
            MemberTags state = engine.evaluate(row(engine, m), 0, m.tags(), m.asOf()).tags();
            FeatureSource[] sources = FeatureSource.values();
            for (int step = 0; step < 12; step++) {
                FeatureSource source = sources[r.nextInt(sources.length)];
                Map<FeatureRef, Object> values = new HashMap<>(m.values());
                for (RandomCatalogues.Feature f : RandomCatalogues.FEATURES) {
                    if (features.find(f.ref().feature()).orElseThrow().sources().contains(source) && r.nextBoolean()) {
                        values.put(f.ref(), raw(r, f));
                    }
                }
                LocalDate today = source == FeatureSource.CLOCK ? m.today().plusDays(r.nextInt(40)) : m.today();
                MemberTags manual = state;
                if (source == FeatureSource.MANUAL_TAGS) {
                    for (TagDefinition d : k.catalogue().tags().values()) {
                        if (d.kind() == TagKind.MANUAL && r.nextInt(3) == 0) {
                            manual = manual.has(d.id()) ? manual.without(d.id())
                                    : manual.with(d.id(), Provenance.manual(GuideId.of("G2"),
                                            today.atStartOfDay().toInstant(ZoneOffset.UTC), Optional.empty()));
                        }
                    }
                }
                m = new Member(values, manual, today);
                state = engine.evaluateChanged(row(engine, m), 0, manual, m.asOf(), Set.of(source)).tags();
                MemberTags full = engine.evaluate(row(engine, m), 0, manual, m.asOf()).tags();
                assertThat(state.tags().keySet()).as("after %s", source).isEqualTo(full.tags().keySet());
            }
        });
    }
}
