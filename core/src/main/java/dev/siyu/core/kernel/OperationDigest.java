package dev.siyu.core.kernel;

import java.util.Locale;
import java.util.Objects;

/**
 * A 128-bit digest of an operation id: MurmurHash3 x64 128 (seed 0) over the id's UTF-16 code
 * units, little-endian, exactly Guava's {@code Hashing.murmur3_128().hashUnencodedChars(id)}. The
 * same on every JVM, so it can be stored and compared after a restart.
 *
 * <p>Aggregates keep digests instead of the ids themselves. Two distinct ids recorded on one
 * aggregate share a digest with probability at most {@code n(n-1)/2 × 2^-128} for {@code n} ids
 * (about {@code 1.5 × 10^-27} for a million operations on one member), far below hardware error
 * rates; Murmur3 is not a cryptographic hash, so the bound assumes ids are not chosen to collide
 * (they come from the host, not from end users). Immutable value.
 *
 * @param hi the first 64 bits (Murmur3's {@code h1})
 * @param lo the second 64 bits (Murmur3's {@code h2})
 */
public record OperationDigest(long hi, long lo) {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** The digest of {@code id}. */
    public static OperationDigest of(CharSequence id) {
        Objects.requireNonNull(id, "id");
        int n = id.length();
        long h1 = 0;
        long h2 = 0;
        int i = 0;
        // 16-byte blocks: eight UTF-16 units, little-endian.
        for (; i + 8 <= n; i += 8) {
            long k1 = id.charAt(i) | (long) id.charAt(i + 1) << 16 | (long) id.charAt(i + 2) << 32
                    | (long) id.charAt(i + 3) << 48;
            long k2 = id.charAt(i + 4) | (long) id.charAt(i + 5) << 16 | (long) id.charAt(i + 6) << 32
                    | (long) id.charAt(i + 7) << 48;
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int rest = n - i;
        if (rest > 0) {
            long k1 = 0;
            long k2 = 0;
            for (int j = 0; j < rest; j++) {
                long c = id.charAt(i + j);
                if (j < 4) {
                    k1 |= c << (16 * j);
                } else {
                    k2 |= c << (16 * (j - 4));
                }
            }
            if (k2 != 0 || rest > 4) {
                k2 *= C2;
                k2 = Long.rotateLeft(k2, 33);
                k2 *= C1;
                h2 ^= k2;
            }
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        long bytes = 2L * n;
        h1 ^= bytes;
        h2 ^= bytes;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new OperationDigest(h1, h2);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** The digest as 32 lower-case hex digits, {@code hi} first: its stored text form. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%016x%016x", hi, lo);
    }

    /**
     * The digest written by {@link #toString()}.
     *
     * @throws IllegalArgumentException if the text is not 32 hex digits
     */
    public static OperationDigest parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() != 32) {
            throw new IllegalArgumentException("digest must be 32 hex digits: '" + text + "'");
        }
        try {
            return new OperationDigest(Long.parseUnsignedLong(text.substring(0, 16), 16),
                    Long.parseUnsignedLong(text.substring(16), 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("digest must be 32 hex digits: '" + text + "'", e);
        }
    }
}
