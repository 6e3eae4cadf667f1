package dev.siyu.core.kernel;

/**
 * A stable 64-bit hash of a command's payload, fed field by field: the same on every JVM, so it
 * can be stored with an aggregate and compared after a restart. Fields go in as 64-bit words
 * (numbers whole, texts length-prefixed, four UTF-16 units a word) through the xxHash64 round
 * {@code h = rotl(h + w × P2, 31) × P1}, a bijection of the state for each word, then the
 * MurmurHash3 64-bit finalizer. Not thread-safe: one hasher per payload.
 */
public final class PayloadHasher {

    /** The state a hash starts from. */
    public static final long SEED = 0xcbf29ce484222325L;
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    private long h = SEED;

    /** A hasher with the fixed seed. */
    public PayloadHasher() {
    }

    /** Feeds a number. */
    public PayloadHasher number(long v) {
        h = number(h, v);
        return this;
    }

    /** Feeds a text, length first. */
    public PayloadHasher text(CharSequence s) {
        h = text(h, s);
        return this;
    }

    /** The hash of everything fed so far. */
    public long hash() {
        return hash(h);
    }

    /** State {@code h} after number {@code v}: the allocation-free form of {@link #number(long)}. */
    public static long number(long h, long v) {
        return Long.rotateLeft(h + v * P2, 31) * P1;
    }

    /** State {@code h} after text {@code s}: the allocation-free form of {@link #text(CharSequence)}. */
    public static long text(long h, CharSequence s) {
        int n = s.length();
        h = number(h, n);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            h = number(h, s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48);
        }
        if (i < n) {
            long w = 0;
            for (int shift = 0; i < n; i++, shift += 16) {
                w |= (long) s.charAt(i) << shift;
            }
            h = number(h, w);
        }
        return h;
    }

    /** The hash of state {@code h}: the allocation-free form of {@link #hash()}. */
    public static long hash(long h) {
        long z = h;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
