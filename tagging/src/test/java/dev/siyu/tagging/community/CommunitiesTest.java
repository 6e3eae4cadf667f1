package dev.siyu.tagging.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.community.Communities.Activity;
import dev.siyu.tagging.community.Communities.Move;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.rule.Operand;
import dev.siyu.tagging.rule.Rule;
import dev.siyu.testkit.Generators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Miniso's pyramid: store fan groups → interest groups → KOC groups. */
class CommunitiesTest {

    static final TagId CUSTOMER = TagId.of("customer");
    static final TagId BEAUTY = TagId.of("beauty-fan");
    static final TagId STAFF = TagId.of("staff");

    static Communities pyramid(int capacity) {
        return Communities.of(List.of(
                new CommunityType("store-fans", 0, new Rule.HasTag(CUSTOMER), capacity, 40, 5),
                new CommunityType("beauty", 1, new Rule.And(List.of(new Rule.HasTag(BEAUTY), new Rule.Not(new Rule.HasTag(STAFF)))),
                        capacity, 70, 10),
                new CommunityType("koc", 2, new Rule.HasTag(BEAUTY), capacity, 101, 30)));
    }

    static MemberId m(int i) {
        return MemberId.of("M" + i);
    }

    @Nested
    class Capacity {
        @Test
        void the_next_group_opens_when_one_is_full() {
            Communities c = pyramid(CommunityType.WECOM_CAPACITY);
            List<CommunityGroup> groups = List.of();
            for (int i = 0; i < 1_201; i++) {
                groups = c.admit(groups, "store-fans", m(i), Set.of(CUSTOMER));
            }
            assertThat(groups).extracting(CommunityGroup::id).containsExactly("store-fans-1", "store-fans-2", "store-fans-3");
            assertThat(groups).extracting(g -> g.members().size()).containsExactly(500, 500, 201);
        }

        @Test
        void a_member_the_admission_rule_refuses_stays_out() {
            Communities c = pyramid(500);
            assertThat(c.admit(List.of(), "beauty", m(1), Set.of(BEAUTY, STAFF))).isEmpty();
        }

        @Test
        void groups_never_exceed_capacity_and_a_member_is_in_one_group_per_type() {
            qt().withExamples(100).forAll(Generators.gen(r -> {
                List<int[]> ops = new ArrayList<>();
                for (int i = 0; i < r.nextInt(200); i++) {
                    ops.add(new int[] {r.nextInt(60), r.nextInt(4)});
                }
                return ops;
            })).checkAssert(ops -> {
                Communities c = pyramid(7);
                List<CommunityGroup> groups = List.of();
                for (int[] op : ops) {
                    groups = op[1] == 0 ? c.leave(groups, "store-fans", m(op[0]))
                            : c.admit(groups, "store-fans", m(op[0]), Set.of(CUSTOMER));
                }
                Map<MemberId, Integer> seen = new HashMap<>();
                for (CommunityGroup g : groups) {
                    assertThat(g.members().size()).isLessThanOrEqualTo(7);
                    g.members().forEach(x -> seen.merge(x, 1, Integer::sum));
                }
                assertThat(seen.values()).allMatch(n -> n == 1);
            });
        }
    }

    @Nested
    class Pyramid {
        @Test
        void active_fans_are_promoted_and_idle_ones_demoted() {
            Communities c = pyramid(500);
            Map<MemberId, Set<TagId>> tags = Map.of(m(1), Set.of(CUSTOMER, BEAUTY), m(2), Set.of(CUSTOMER, BEAUTY),
                    m(3), Set.of(CUSTOMER), m(4), Set.of(CUSTOMER, BEAUTY));
            List<CommunityGroup> groups = List.of();
            for (int i = 1; i <= 3; i++) {
                groups = c.admit(groups, "store-fans", m(i), tags.get(m(i)));
            }
            groups = c.admit(groups, "beauty", m(4), tags.get(m(4)));
            Map<MemberId, Activity> activity = Map.of(m(1), new Activity(10, 5, 1, 5), m(2), new Activity(1, 0, 0, 1),
                    m(3), Activity.none(), m(4), Activity.none());
            List<Move> moves = c.review(groups, activity, tags);
            assertThat(moves).containsExactly(
                    new Move(m(1), "store-fans", Optional.of("beauty"), "PROMOTED"),
                    new Move(m(3), "store-fans", Optional.empty(), "INACTIVE_AT_BASE"),
                    new Move(m(4), "beauty", Optional.of("store-fans"), "DEMOTED"));
            List<CommunityGroup> after = c.apply(groups, moves, tags);
            assertThat(after).filteredOn(g -> g.type().equals("beauty")).singleElement()
                    .satisfies(g -> assertThat(g.members()).containsExactly(m(1)));
        }

        @Test
        void an_admission_rule_reads_tags_only() {
            assertThatThrownBy(() -> new CommunityType("x", 0, new Rule.Compare(FeatureRef.of("points_balance"),
                    Rule.Op.GT, List.of(new Operand.Num(1))), 500, 50, 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admission must read tags only");
        }
    }

    @Test
    void dead_groups_are_suggested_for_pruning_least_healthy_first() {
        Communities c = pyramid(10);
        List<CommunityGroup> groups = List.of(
                new CommunityGroup("store-fans", 1, Set.of(m(1), m(2), m(3), m(4))),
                new CommunityGroup("store-fans", 2, Set.of(m(5), m(6))),
                new CommunityGroup("store-fans", 3, Set.of(m(7), m(8), m(9), m(10), m(11), m(12), m(13), m(14), m(15), m(16))));
        Map<MemberId, Activity> activity = new HashMap<>();
        for (int i = 7; i <= 16; i++) {
            activity.put(m(i), new Activity(5, 0, 0, 0));
        }
        activity.put(m(1), new Activity(0, 0, 1, 0));
        var prune = c.pruneSuggestions(groups, activity, 50);
        assertThat(prune).extracting(Communities.PruneSuggestion::group).containsExactly("store-fans-2", "store-fans-1");
        assertThat(prune.get(0).explanation().fact("activeMembers")).contains("0");
        assertThat(c.health(groups.get(2), activity)).isEqualTo(100.0);
    }
}
