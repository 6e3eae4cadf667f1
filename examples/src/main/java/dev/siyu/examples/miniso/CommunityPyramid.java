package dev.siyu.examples.miniso;

import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.community.Communities;
import dev.siyu.tagging.community.Communities.Activity;
import dev.siyu.tagging.community.CommunityGroup;
import dev.siyu.tagging.community.CommunityType;
import dev.siyu.tagging.rule.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Miniso's community pyramid: store fan groups (500 a group, the next opens when one is full),
 * interest groups for fans of a category, and a KOC group for the most active. A monthly review
 * promotes and demotes by activity; dead groups are suggested for pruning.
 */
public final class CommunityPyramid {

    static final TagId CUSTOMER = TagId.of("customer");
    static final TagId BLIND_BOX_FAN = TagId.of("blind-box-fan");

    /** The three levels. */
    public static Communities program() {
        return Communities.of(List.of(
                new CommunityType("store-fans", 0, new Rule.HasTag(CUSTOMER), CommunityType.WECOM_CAPACITY, 40, 5),
                new CommunityType("blind-box", 1, new Rule.HasTag(BLIND_BOX_FAN), CommunityType.WECOM_CAPACITY, 80, 15),
                new CommunityType("koc", 2, new Rule.HasTag(BLIND_BOX_FAN), 50, 101, 40)));
    }

    /** The outcome of one month: the groups after the review and the prune suggestions. */
    public record Month(List<CommunityGroup> groups, List<Communities.Move> moves,
            List<Communities.PruneSuggestion> prune) {
    }

    /**
     * 1,200 customers join the store fan groups; every tenth is a blind-box fan; the first 30 fans
     * are very active, most others barely.
     */
    public static Month run() {
        Communities c = program();
        Map<MemberId, Set<TagId>> tags = new HashMap<>();
        Map<MemberId, Activity> activity = new HashMap<>();
        List<CommunityGroup> groups = List.of();
        for (int i = 0; i < 1_200; i++) {
            MemberId m = MemberId.of(String.format(java.util.Locale.ROOT, "M%04d", i));
            boolean fan = i % 10 == 0;
            tags.put(m, fan ? Set.of(CUSTOMER, BLIND_BOX_FAN) : Set.of(CUSTOMER));
            activity.put(m, fan && i < 300 ? new Activity(20, 10, 2, 10) : new Activity(i % 3, 0, 0, i % 2));
            groups = c.admit(groups, "store-fans", m, tags.get(m));
        }
        List<Communities.Move> moves = c.review(groups, activity, tags);
        groups = c.apply(groups, moves, tags);
        return new Month(groups, moves, c.pruneSuggestions(groups, activity, 30));
    }

    public static void main(String[] args) {
        Month month = run();
        month.groups().forEach(g -> System.out.println(g.id() + ": " + g.members().size() + " members"));
        System.out.println("moves: " + month.moves().stream().filter(m -> m.to().isPresent()).count()
                + " promoted or demoted; prune: " + month.prune().stream().map(Communities.PruneSuggestion::group).toList());
    }
}
