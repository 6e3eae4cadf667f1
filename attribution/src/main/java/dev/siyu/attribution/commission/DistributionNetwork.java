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
     * The same pairs in an open-addressing table: the keys' hashes (0 for an empty slot) in one
     * array, so a guide without an upline (most of them) is answered from it alone, and each
     * guide next to its upline in the other.
     */
    private final int[] hashes;
    private final GuideId[] pairs;

    private DistributionNetwork(Map<GuideId, GuideId> uplines) {
        this.uplines = uplines;
        int capacity = Integer.highestOneBit(Math.max(4, uplines.size() * 2 + 1)) << 1;
        this.hashes = new int[capacity];
        this.pairs = new GuideId[2 * capacity];
        uplines.forEach((guide, upline) -> {
            int h = hash(guide);
            int i = spread(h) & (capacity - 1);
            while (hashes[i] != 0) {
                i = (i + 1) & (capacity - 1);
            }
            hashes[i] = h;
            pairs[2 * i] = guide;
            pairs[2 * i + 1] = upline;
        });
    }

    /** The guide's hash, never 0 (0 marks an empty slot). */
    private static int hash(GuideId guide) {
        int h = guide.hashCode();
        return h != 0 ? h : 1;
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
        int h = hash(guide);
        int mask = hashes.length - 1;
        for (int i = spread(h) & mask; hashes[i] != 0; i = (i + 1) & mask) {
            if (hashes[i] == h) {
                GuideId key = pairs[2 * i];
                if (key == guide || key.equals(guide)) {
                    return pairs[2 * i + 1];
                }
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
