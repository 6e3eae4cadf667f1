package dev.siyu.tagging.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.member.Consent;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagDefinition;
import dev.siyu.tagging.catalogue.TagGroup;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.contact.Channel;
import dev.siyu.tagging.contact.ContactLog;
import dev.siyu.tagging.contact.ContactPolicy;
import dev.siyu.tagging.contact.FrequencyCap;
import dev.siyu.tagging.engine.FeatureTable;
import dev.siyu.tagging.engine.TagEngine;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.rule.Rule;
import dev.siyu.testkit.Generators;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.roaringbitmap.RoaringBitmap;

class AudienceProperties {

    static final int TAGS = 6;
    static final TagEngine ENGINE;

    static {
        List<TagDefinition> tags = new ArrayList<>();
        for (int i = 0; i < TAGS; i++) {
            tags.add(TagDefinition.manual("t" + i, "g"));
        }
        ENGINE = TagEngine.compile(TagCatalogue.of(1, ZoneId.of("Asia/Shanghai"), FeatureCatalogue.builtIn(),
                List.of(new TagGroup("g", "g", false)), tags, 3_000));
    }

    record World(TagIndex index, List<Set<TagId>> tags, List<Consent> consent, Rule a, Rule b, long seed) {
    }

    static Rule expr(RandomGenerator r, int depth) {
        int k = r.nextInt(depth <= 0 ? 1 : 4);
        return switch (k) {
            case 0 -> new Rule.HasTag(TagId.of("t" + r.nextInt(TAGS)));
            case 1 -> new Rule.Not(expr(r, depth - 1));
            case 2 -> new Rule.And(List.of(expr(r, depth - 1), expr(r, depth - 1)));
            default -> new Rule.Or(List.of(expr(r, depth - 1), expr(r, depth - 1)));
        };
    }

    static final Gen<World> WORLDS = Generators.gen(r -> {
        int n = r.nextInt(300);
        TagIndex.Builder b = TagIndex.builder(ENGINE, FeatureTable.of(ENGINE.layout(), n));
        List<Set<TagId>> tags = new ArrayList<>();
        List<Consent> consent = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            Set<TagId> s = new HashSet<>();
            for (int t = 0; t < TAGS; t++) {
                if (r.nextInt(3) == 0) {
                    s.add(TagId.of("t" + t));
                }
            }
            Consent c = new Consent(r.nextInt(4) != 0, r.nextInt(3) != 0);
            tags.add(s);
            consent.add(c);
            b.add(MemberId.of("M" + m), c, s);
        }
        return new World(b.build(), tags, consent, expr(r, 3), expr(r, 3), r.nextLong());
    });

    static boolean holds(Rule rule, Set<TagId> tags) {
        if (rule instanceof Rule.And a) {
            return a.all().stream().allMatch(x -> holds(x, tags));
        } else if (rule instanceof Rule.Or o) {
            return o.any().stream().anyMatch(x -> holds(x, tags));
        } else if (rule instanceof Rule.Not n) {
            return !holds(n.rule(), tags);
        }
        return tags.contains(((Rule.HasTag) rule).tag());
    }

    static RoaringBitmap of(World w, Rule r) {
        return Audience.of(r).members(w.index());
    }

    @Test
    void audiences_equal_a_member_by_member_reading_and_never_break_consent() {
        qt().withExamples(300).forAll(WORLDS).checkAssert(w -> {
            RoaringBitmap got = of(w, w.a());
            RoaringBitmap want = new RoaringBitmap();
            for (int m = 0; m < w.tags().size(); m++) {
                if (holds(w.a(), w.tags().get(m)) && w.consent().get(m).personalizedMarketing()) {
                    want.add(m);
                }
            }
            assertThat(got).isEqualTo(want);
            assertThat(Audience.of(w.a()).count(w.index())).isEqualTo(want.getCardinality());
            for (int m : got) {
                assertThat(w.consent().get(m).personalizedMarketing()).isTrue();
            }
        });
    }

    @Test
    void audience_algebra_laws_hold() {
        qt().withExamples(300).forAll(WORLDS).checkAssert(w -> {
            Rule a = w.a();
            Rule b = w.b();
            assertThat(of(w, new Rule.And(List.of(a, b)))).isEqualTo(of(w, new Rule.And(List.of(b, a))));
            assertThat(of(w, new Rule.Or(List.of(a, b)))).isEqualTo(of(w, new Rule.Or(List.of(b, a))));
            assertThat(of(w, new Rule.Not(new Rule.And(List.of(a, b)))))
                    .isEqualTo(of(w, new Rule.Or(List.of(new Rule.Not(a), new Rule.Not(b)))));
            assertThat(of(w, new Rule.Not(new Rule.Not(a)))).isEqualTo(of(w, a));
            assertThat(of(w, new Rule.And(List.of(a, new Rule.Not(a))))).isEqualTo(new RoaringBitmap());
            assertThat(of(w, new Rule.Or(List.of(a, new Rule.And(List.of(a, b)))))).isEqualTo(of(w, a));
        });
    }

    @Test
    void campaign_selections_never_exceed_caps_nor_reach_members_without_consent() {
        Channel sms = Channel.of("sms");
        ContactPolicy policy = new ContactPolicy(List.of(new FrequencyCap(sms, 2, Duration.ofDays(7))),
                Optional.empty(), Optional.empty(), ZoneId.of("Asia/Shanghai"), Set.of(MemberId.of("M3")));
        qt().withExamples(60).forAll(WORLDS).checkAssert(w -> {
            RandomGenerator r = new java.util.SplittableRandom(w.seed());
            ContactLog log = ContactLog.empty();
            Instant at = Instant.parse("2026-11-01T02:00:00Z");
            for (int round = 0; round < 8; round++) {
                at = at.plus(Duration.ofHours(1 + r.nextInt(72)));
                Rule e = round % 2 == 0 ? w.a() : w.b();
                Selection s = Selection.select(w.index(), Audience.of(e), sms, at, policy, log);
                assertThat(s.selected().size() + s.excludedTotal()).isEqualTo(s.matched());
                for (MemberId m : s.selected()) {
                    int i = Integer.parseInt(m.value().substring(1));
                    assertThat(w.consent().get(i).personalizedMarketing()).isTrue();
                    assertThat(w.consent().get(i).marketingMessages()).isTrue();
                    assertThat(m).isNotEqualTo(MemberId.of("M3"));
                }
                log = log.withAll(s.selected(), sms, at);
            }
            for (int m = 0; m < w.tags().size(); m++) {
                List<Instant> times = log.times(MemberId.of("M" + m), sms);
                for (Instant start : times) {
                    long inWindow = times.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plus(Duration.ofDays(7)))).count();
                    assertThat(inWindow).isLessThanOrEqualTo(2);
                }
            }
        });
    }
}
