package dev.siyu.tagging.audience;

import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.contact.Channel;
import dev.siyu.tagging.contact.ContactLog;
import dev.siyu.tagging.contact.ContactPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * A campaign's selection: who of an audience may be contacted on a channel at a time, and how many
 * were left out and why. Reasons, checked in this order: {@code NO_PERSONALIZED_CONSENT},
 * {@code NO_MARKETING_CONSENT}, {@code SUPPRESSED}, {@code QUIET_HOURS}, {@code FREQUENCY_CAP}.
 * Immutable.
 *
 * @param selected the members to contact, by ordinal
 * @param matched how many members the audience expression matched before consent and policy
 * @param excluded how many were left out, by reason
 */
public record Selection(List<MemberId> selected, int matched, Map<String, Integer> excluded) {

    public Selection {
        selected = List.copyOf(selected);
        excluded = Collections.unmodifiableMap(new TreeMap<>(excluded));
    }

    /**
     * Selects the members of {@code audience} to contact on {@code channel} at {@code at}.
     */
    public static Selection select(TagIndex index, Audience audience, Channel channel, Instant at, ContactPolicy policy,
            ContactLog log) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(log, "log");
        RoaringBitmap matching = audience.matching(index);
        Map<String, Integer> excluded = new TreeMap<>();
        RoaringBitmap consented = RoaringBitmap.and(matching, index.personalized);
        count(excluded, "NO_PERSONALIZED_CONSENT", matching.getCardinality() - consented.getCardinality());
        RoaringBitmap reachable = RoaringBitmap.and(consented, index.marketing);
        count(excluded, "NO_MARKETING_CONSENT", consented.getCardinality() - reachable.getCardinality());
        List<MemberId> selected = new ArrayList<>();
        boolean quiet = policy.isQuiet(at);
        for (int ordinal : reachable) {
            MemberId m = index.member(ordinal);
            if (policy.suppressed().contains(m)) {
                count(excluded, "SUPPRESSED", 1);
            } else if (quiet) {
                count(excluded, "QUIET_HOURS", 1);
            } else if (policy.exceededCap(log, m, channel, at).isPresent()) {
                count(excluded, "FREQUENCY_CAP", 1);
            } else {
                selected.add(m);
            }
        }
        return new Selection(selected, matching.getCardinality(), excluded);
    }

    private static void count(Map<String, Integer> excluded, String reason, int n) {
        if (n > 0) {
            excluded.merge(reason, n, Integer::sum);
        }
    }

    /** How many were left out, for all reasons. */
    public int excludedTotal() {
        return excluded.values().stream().mapToInt(Integer::intValue).sum();
    }
}
