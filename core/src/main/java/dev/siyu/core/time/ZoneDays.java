package dev.siyu.core.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * The offset and business day (epoch day) of instants in one zone, for engines that date every
 * command: an instant after the zone's last transition, in a zone without recurring rules (a fixed
 * offset, or China's zones since 1991), takes the offset after that transition without the rules'
 * search of their transitions; any other instant asks the rules. Immutable and thread-safe.
 */
public final class ZoneDays {

    private final ZoneRules rules;
    /** The epoch second from which every instant has {@link #stableOffset}; {@code Long.MAX_VALUE} if none. */
    private final long stableFrom;
    private final int stableOffset;

    private ZoneDays(ZoneRules rules, long stableFrom, int stableOffset) {
        this.rules = rules;
        this.stableFrom = stableFrom;
        this.stableOffset = stableOffset;
    }

    /** The days of {@code zone}. */
    public static ZoneDays of(ZoneId zone) {
        ZoneRules rules = Objects.requireNonNull(zone, "zone").getRules();
        if (rules.isFixedOffset()) {
            return new ZoneDays(rules, Long.MIN_VALUE, rules.getOffset(Instant.EPOCH).getTotalSeconds());
        }
        List<ZoneOffsetTransition> transitions = rules.getTransitions();
        if (rules.getTransitionRules().isEmpty() && !transitions.isEmpty()) {
            ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
            return new ZoneDays(rules, last.toEpochSecond(), last.getOffsetAfter().getTotalSeconds());
        }
        return new ZoneDays(rules, Long.MAX_VALUE, 0);
    }

    /** The zone's offset from UTC at {@code at}, in seconds. */
    public int offsetSeconds(Instant at) {
        return at.getEpochSecond() >= stableFrom ? stableOffset : rules.getOffset(at).getTotalSeconds();
    }

    /** The business day of {@code at} in the zone, as an epoch day. */
    public long epochDay(Instant at) {
        return Math.floorDiv(at.getEpochSecond() + offsetSeconds(at), 86_400L);
    }
}
