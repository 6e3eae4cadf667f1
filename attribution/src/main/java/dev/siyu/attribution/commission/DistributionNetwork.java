package dev.siyu.attribution.commission;

import dev.siyu.core.id.GuideId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who recruited whom among distributors: each guide has at most one upline. Only the direct
 * upline is ever paid (level 2); nobody above it is, whatever the chain (the legal line in China:
 * at most two levels). Cycles and self-references are refused. Immutable and thread-safe.
 */
public final class DistributionNetwork {

    private static final DistributionNetwork NONE = new DistributionNetwork(Map.of());

    private final Map<GuideId, GuideId> uplines;
    /**
     * The same pairs in an open-addressing table (less than two thirds full): in one array, each
     * slot's guide id packed as an {@link IdKey} (0 for an empty slot, {@link IdKey#UNPACKED} for
     * an id that does not pack) beside its upline's ({@link IdKey#NONE} when that does not pack),
     * so a guide whose id packs is answered from it alone, with or without an upline, its
     * upline's key on the same line; each guide next to its upline in the other.
     */
    private final long[] keys;
    private final GuideId[] pairs;

    private DistributionNetwork(Map<GuideId, GuideId> uplines) {
        this.uplines = uplines;
        int capacity = Integer.highestOneBit(Math.max(4, uplines.size() * 3 / 2 + 1)) << 1;
        this.keys = new long[2 * capacity];
        this.pairs = new GuideId[2 * capacity];
        uplines.forEach((guide, upline) -> {
            long key = IdKey.of(guide.value());
            int i = (key != IdKey.NONE ? IdKey.spread(key) : IdKey.spread(guide.hashCode())) & (capacity - 1);
            while (keys[2 * i] != 0) {
                i = (i + 1) & (capacity - 1);
            }
            keys[2 * i] = key != IdKey.NONE ? key : IdKey.UNPACKED;
            keys[2 * i + 1] = IdKey.of(upline.value());
            pairs[2 * i] = guide;
            pairs[2 * i + 1] = upline;
        });
    }

    /** No uplines: everyone is paid at level 1 only. */
    public static DistributionNetwork none() {
        return NONE;
    }

    /**
     * A network from guide → upline pairs.
     *
     * @throws IllegalArgumentException if a guide is its own upline or the uplines form a cycle,
     *     naming the cycle
     */
    public static DistributionNetwork of(Map<GuideId, GuideId> uplines) {
        Map<GuideId, GuideId> copy = Map.copyOf(uplines);
        for (GuideId start : copy.keySet()) {
            List<GuideId> path = new ArrayList<>();
            GuideId at = start;
            while (at != null) {
                if (path.contains(at)) {
                    path.add(at);
                    throw new IllegalArgumentException("uplines must not form a cycle: " + path);
                }
                path.add(at);
                at = copy.get(at);
            }
        }
        return new DistributionNetwork(copy);
    }

    /** The direct upline of {@code guide}, if any. */
    public Optional<GuideId> uplineOf(GuideId guide) {
        return Optional.ofNullable(uplines.get(Objects.requireNonNull(guide, "guide")));
    }

    /** The direct upline of {@code guide}, null if none. */
    GuideId uplineOrNull(GuideId guide) {
        int at = indexOf(guide, IdKey.of(guide.value()));
        return at < 0 ? null : pairs[2 * at + 1];
    }

    /**
     * The slot of {@code guide}, whose id packs to {@code key} ({@link IdKey#of}), or -1 when it
     * has no upline (the commission hot path: the caller keeps the key for the batch).
     */
    int indexOf(GuideId guide, long key) {
        if (uplines.isEmpty()) {
            return -1;
        }
        int mask = (keys.length >> 1) - 1;
        if (key != IdKey.NONE) {
            for (int i = IdKey.spread(key) & mask;; i = (i + 1) & mask) {
                long stored = keys[2 * i];
                if (stored == key) {
                    return i;
                }
                if (stored == 0) {
                    return -1;
                }
            }
        }
        for (int i = IdKey.spread(guide.hashCode()) & mask; keys[2 * i] != 0; i = (i + 1) & mask) {
            if (keys[2 * i] == IdKey.UNPACKED) {
                GuideId other = pairs[2 * i];
                if (other == guide || other.equals(guide)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The upline of the guide in slot {@code at} (from {@link #indexOf}). */
    GuideId uplineAt(int at) {
        return pairs[2 * at + 1];
    }

    /** The upline's id of slot {@code at} as an {@link IdKey} ({@link IdKey#NONE} when it does not pack). */
    long uplineKeyAt(int at) {
        return keys[2 * at + 1];
    }

    /**
     * This network with {@code guide} recruited by {@code upline}.
     *
     * @throws IllegalArgumentException if that closes a cycle
     */
    public DistributionNetwork withUpline(GuideId guide, GuideId upline) {
        Map<GuideId, GuideId> next = new HashMap<>(uplines);
        next.put(Objects.requireNonNull(guide, "guide"), Objects.requireNonNull(upline, "upline"));
        return of(next);
    }

    public Map<GuideId, GuideId> uplines() {
        return uplines;
    }
}
