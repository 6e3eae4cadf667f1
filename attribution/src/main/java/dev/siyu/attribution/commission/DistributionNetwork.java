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
     * The same pairs in an open-addressing table with the keys' hashes beside them, so a guide
     * without an upline (most of them) is answered without reading other guides' ids.
     */
    private final int[] hashes;
    private final GuideId[] keys;
    private final GuideId[] values;

    private DistributionNetwork(Map<GuideId, GuideId> uplines) {
        this.uplines = uplines;
        int capacity = Integer.highestOneBit(Math.max(4, uplines.size() * 2 + 1)) << 1;
        this.hashes = new int[capacity];
        this.keys = new GuideId[capacity];
        this.values = new GuideId[capacity];
        uplines.forEach((guide, upline) -> {
            int h = guide.hashCode();
            int i = spread(h) & (capacity - 1);
            while (keys[i] != null) {
                i = (i + 1) & (capacity - 1);
            }
            hashes[i] = h;
            keys[i] = guide;
            values[i] = upline;
        });
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
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

    /** The direct upline of {@code guide}, null if none (the commission hot path). */
    GuideId uplineOrNull(GuideId guide) {
        if (uplines.isEmpty()) {
            return null;
        }
        int h = guide.hashCode();
        int mask = keys.length - 1;
        for (int i = spread(h) & mask; keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && (keys[i] == guide || keys[i].equals(guide))) {
                return values[i];
            }
        }
        return null;
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
