package dev.siyu.tagging.contact;

import dev.siyu.core.id.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contacts already made, per member and channel: an immutable value the host keeps (or rebuilds
 * from its own send log) and hands to each selection. Thread-safe.
 */
public final class ContactLog {

    private final Map<MemberId, Map<Channel, List<Instant>>> sent;

    private ContactLog(Map<MemberId, Map<Channel, List<Instant>>> sent) {
        this.sent = sent;
    }

    /** No contacts yet. */
    public static ContactLog empty() {
        return new ContactLog(Map.of());
    }

    /** This log plus a contact of {@code member} on {@code channel} at {@code at}. */
    public ContactLog with(MemberId member, Channel channel, Instant at) {
        Map<MemberId, Map<Channel, List<Instant>>> copy = new HashMap<>(sent);
        Map<Channel, List<Instant>> byChannel = new HashMap<>(copy.getOrDefault(member, Map.of()));
        List<Instant> times = new ArrayList<>(byChannel.getOrDefault(channel, List.of()));
        times.add(Objects.requireNonNull(at, "at"));
        byChannel.put(channel, Collections.unmodifiableList(times));
        copy.put(member, Collections.unmodifiableMap(byChannel));
        return new ContactLog(Collections.unmodifiableMap(copy));
    }

    /** This log plus a contact at {@code at} of each of {@code members}. */
    public ContactLog withAll(List<MemberId> members, Channel channel, Instant at) {
        ContactLog log = this;
        for (MemberId m : members) {
            log = log.with(m, channel, at);
        }
        return log;
    }

    /** Contacts of {@code member} on {@code channel} in the window ({@code from}, {@code to}]. */
    public int count(MemberId member, Channel channel, Instant from, Instant to) {
        int n = 0;
        for (Instant t : sent.getOrDefault(member, Map.of()).getOrDefault(channel, List.of())) {
            if (t.isAfter(from) && !t.isAfter(to)) {
                n++;
            }
        }
        return n;
    }

    /** Every contact time of {@code member} on {@code channel}. */
    public List<Instant> times(MemberId member, Channel channel) {
        return sent.getOrDefault(member, Map.of()).getOrDefault(channel, List.of());
    }
}
