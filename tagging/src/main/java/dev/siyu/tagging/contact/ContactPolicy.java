package dev.siyu.tagging.contact;

import dev.siyu.core.id.MemberId;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "少打扰, 多服务": how often and when members may be contacted. Immutable and thread-safe.
 *
 * @param caps frequency caps; several per channel all apply
 * @param quietFrom start of the daily quiet period (inclusive), if any
 * @param quietUntil end of the daily quiet period (exclusive); may be earlier than the start (over midnight)
 * @param zone the zone the quiet period is read in
 * @param suppressed members who must never be contacted by campaigns (complaints, opt-outs, staff)
 */
public record ContactPolicy(List<FrequencyCap> caps, Optional<LocalTime> quietFrom, Optional<LocalTime> quietUntil,
        ZoneId zone, Set<MemberId> suppressed) {

    public ContactPolicy {
        caps = List.copyOf(caps);
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        Objects.requireNonNull(zone, "zone");
        suppressed = Set.copyOf(suppressed);
        if (quietFrom.isPresent() != quietUntil.isPresent()) {
            throw new IllegalArgumentException("quietFrom and quietUntil must be given together: " + quietFrom + ", " + quietUntil);
        }
    }

    /** No caps, no quiet hours, nobody suppressed. */
    public static ContactPolicy none(ZoneId zone) {
        return new ContactPolicy(List.of(), Optional.empty(), Optional.empty(), zone, Set.of());
    }

    /** Whether {@code at} falls in the quiet period. */
    public boolean isQuiet(Instant at) {
        if (quietFrom.isEmpty()) {
            return false;
        }
        LocalTime t = LocalTime.ofInstant(at, zone);
        LocalTime from = quietFrom.get();
        LocalTime until = quietUntil.get();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /** The first cap a contact of {@code member} on {@code channel} at {@code at} would exceed, if any. */
    public Optional<FrequencyCap> exceededCap(ContactLog log, MemberId member, Channel channel, Instant at) {
        for (FrequencyCap cap : caps) {
            if (cap.channel().equals(channel) && log.count(member, channel, at.minus(cap.window()), at) + 1 > cap.max()) {
                return Optional.of(cap);
            }
        }
        return Optional.empty();
    }
}
