package dev.siyu.tagging.community;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.catalogue.TagId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The community program: its types (the pyramid) and the pure functions over its groups — admit a
 * member under capacity, review promotions and demotions by activity, score groups' health and
 * suggest which to prune. Immutable and thread-safe; group state is an immutable value passed in
 * and returned.
 */
public final class Communities {

    /** A member's activity over the review window: what the host counted. */
    public record Activity(int messages, int reactions, int orders, int activeDays) {
        public Activity {
            if (messages < 0 || reactions < 0 || orders < 0 || activeDays < 0) {
                throw new IllegalArgumentException("activity counts must be non-negative: " + messages + ", "
                        + reactions + ", " + orders + ", " + activeDays);
            }
        }

        /** No activity. */
        public static Activity none() {
            return new Activity(0, 0, 0, 0);
        }

        /** 0–100: 2 per message, 1 per reaction, 10 per order, 3 per active day, capped at 100. */
        public double score() {
            return Math.min(100.0, 2.0 * messages + reactions + 10.0 * orders + 3.0 * activeDays);
        }
    }

    /** A move in the pyramid. */
    public record Move(MemberId member, String from, Optional<String> to, String reason) {
        public Move {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A suggestion to prune (dissolve or merge) a group, with the values behind it. */
    public record PruneSuggestion(String group, double health, Explanation explanation) {
    }

    /** The score from which a member counts as active in a group's health. */
    public static final double ACTIVE_SCORE = 10.0;

    private final Map<String, CommunityType> types;

    private Communities(Map<String, CommunityType> types) {
        this.types = types;
    }

    /** A program of {@code types}. @throws IllegalArgumentException on duplicate ids */
    public static Communities of(List<CommunityType> types) {
        Map<String, CommunityType> m = new LinkedHashMap<>();
        for (CommunityType t : types) {
            if (m.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("community type id must be unique: " + t.id());
            }
        }
        return new Communities(Collections.unmodifiableMap(m));
    }

    public Map<String, CommunityType> types() {
        return types;
    }

    /**
     * Admits {@code member} to a group of {@code type}: the lowest-numbered group with room, or a new
     * group when all are full. A member already in a group of the type stays there.
     *
     * @return the groups afterwards, or the same groups when the admission rule refuses
     */
    public List<CommunityGroup> admit(List<CommunityGroup> groups, String type, MemberId member, Set<TagId> tags) {
        CommunityType t = type(type);
        Objects.requireNonNull(member, "member");
        if (!t.admits(tags)) {
            return groups;
        }
        List<CommunityGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing(CommunityGroup::type).thenComparingInt(CommunityGroup::number));
        int highest = 0;
        for (CommunityGroup g : sorted) {
            if (g.type().equals(type)) {
                if (g.members().contains(member)) {
                    return groups;
                }
                highest = Math.max(highest, g.number());
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            CommunityGroup g = sorted.get(i);
            if (g.type().equals(type) && g.members().size() < t.capacity()) {
                Set<MemberId> members = new HashSet<>(g.members());
                members.add(member);
                sorted.set(i, new CommunityGroup(type, g.number(), members));
                return List.copyOf(sorted);
            }
        }
        sorted.add(new CommunityGroup(type, highest + 1, Set.of(member)));
        return List.copyOf(sorted);
    }

    /** The groups without {@code member} in any group of {@code type}. */
    public List<CommunityGroup> leave(List<CommunityGroup> groups, String type, MemberId member) {
        List<CommunityGroup> out = new ArrayList<>();
        for (CommunityGroup g : groups) {
            if (g.type().equals(type) && g.members().contains(member)) {
                Set<MemberId> members = new HashSet<>(g.members());
                members.remove(member);
                out.add(new CommunityGroup(type, g.number(), members));
            } else {
                out.add(g);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The pyramid review: members whose activity reaches their type's {@code promoteAt} move to a
     * type one level up that admits them; those under {@code demoteBelow} move one level down
     * (from the base, they are only flagged {@code INACTIVE_AT_BASE}). Moves are ordered by member.
     */
    public List<Move> review(List<CommunityGroup> groups, Map<MemberId, Activity> activity, Map<MemberId, Set<TagId>> tags) {
        List<Move> moves = new ArrayList<>();
        Map<MemberId, List<CommunityType>> memberships = new TreeMap<>();
        for (CommunityGroup g : groups) {
            for (MemberId m : g.members()) {
                memberships.computeIfAbsent(m, k -> new ArrayList<>()).add(type(g.type()));
            }
        }
        for (Map.Entry<MemberId, List<CommunityType>> e : memberships.entrySet()) {
            MemberId m = e.getKey();
            CommunityType top = e.getValue().stream().max(Comparator.comparingInt(CommunityType::level)
                    .thenComparing(CommunityType::id)).orElseThrow();
            double score = activity.getOrDefault(m, Activity.none()).score();
            Set<TagId> memberTags = tags.getOrDefault(m, Set.of());
            if (score >= top.promoteAt()) {
                Optional<CommunityType> up = types.values().stream().filter(t -> t.level() == top.level() + 1)
                        .filter(t -> t.admits(memberTags)).min(Comparator.comparing(CommunityType::id));
                up.ifPresent(t -> moves.add(new Move(m, top.id(), Optional.of(t.id()), "PROMOTED")));
            } else if (score < top.demoteBelow()) {
                Optional<CommunityType> down = types.values().stream().filter(t -> t.level() == top.level() - 1)
                        .filter(t -> t.admits(memberTags)).min(Comparator.comparing(CommunityType::id));
                if (top.level() == 0) {
                    moves.add(new Move(m, top.id(), Optional.empty(), "INACTIVE_AT_BASE"));
                } else {
                    moves.add(new Move(m, top.id(), down.map(CommunityType::id), "DEMOTED"));
                }
            }
        }
        return moves;
    }

    /** Applies review moves: leave the old type's group, join a group of the new type under capacity. */
    public List<CommunityGroup> apply(List<CommunityGroup> groups, List<Move> moves, Map<MemberId, Set<TagId>> tags) {
        List<CommunityGroup> out = groups;
        for (Move move : moves) {
            if (move.to().isEmpty()) {
                continue;
            }
            out = leave(out, move.from(), move.member());
            out = admit(out, move.to().get(), move.member(), tags.getOrDefault(move.member(), Set.of()));
        }
        return out;
    }

    /**
     * A group's health, 0–100: 70 for the share of members active ({@link Activity#score} at least
     * {@link #ACTIVE_SCORE}) plus 30 for how full it is.
     */
    public double health(CommunityGroup group, Map<MemberId, Activity> activity) {
        if (group.members().isEmpty()) {
            return 0;
        }
        long active = group.members().stream()
                .filter(m -> activity.getOrDefault(m, Activity.none()).score() >= ACTIVE_SCORE).count();
        double fill = Math.min(1.0, (double) group.members().size() / type(group.type()).capacity());
        return 70.0 * active / group.members().size() + 30.0 * fill;
    }

    /** Groups whose health is under {@code threshold}, least healthy first (ties by id), each explained. */
    public List<PruneSuggestion> pruneSuggestions(List<CommunityGroup> groups, Map<MemberId, Activity> activity,
            double threshold) {
        List<PruneSuggestion> out = new ArrayList<>();
        for (CommunityGroup g : groups) {
            double h = health(g, activity);
            if (h < threshold) {
                long active = g.members().stream()
                        .filter(m -> activity.getOrDefault(m, Activity.none()).score() >= ACTIVE_SCORE).count();
                out.add(new PruneSuggestion(g.id(), h, Explanation.builder("GROUP_UNHEALTHY").fact("group", g.id())
                        .fact("health", String.format(java.util.Locale.ROOT, "%.1f", h)).fact("members", g.members().size())
                        .fact("activeMembers", active).fact("threshold", threshold).build()));
            }
        }
        out.sort(Comparator.comparingDouble(PruneSuggestion::health).thenComparing(PruneSuggestion::group));
        return out;
    }

    private CommunityType type(String id) {
        CommunityType t = types.get(Objects.requireNonNull(id, "type"));
        if (t == null) {
            throw new IllegalArgumentException("type must be a community type of the program: " + id);
        }
        return t;
    }
}
