package dev.siyu.coupons.code;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Coupon codes people can read out: 32 symbols without the confusable {@code 0 O 1 I}, grouped by
 * four with dashes, ending in a check symbol (Damm over GF(32)) that catches every single-symbol error
 * and every swap of two adjacent symbols.
 *
 * <p>The body of code {@code n} is {@code n} passed through a keyed four-round Feistel
 * permutation of the {@code 5 × bodyLength}-bit space, so codes are collision-free by construction
 * (distinct sequence numbers give distinct codes, for all {@code 32^bodyLength} of them) and do not
 * reveal their order. With the default eight symbols the space holds 2^40 ≈ 1.1 × 10^12 codes: ten
 * million issued codes leave a random guess about one chance in 110,000 of hitting one. The key is
 * not a secret-strength MAC; hosts needing unguessable codes keep codes unredeemable until issued.
 * Immutable and thread-safe.
 */
public final class CouponCodes {

    /** The symbols, in value order. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final long key;
    private final int bodyLength;
    private final String prefix;
    private final int halfBits;

    private CouponCodes(long key, int bodyLength, String prefix) {
        this.key = key;
        this.bodyLength = bodyLength;
        this.prefix = prefix;
        this.halfBits = 5 * bodyLength / 2;
    }

    /**
     * Codes of {@code bodyLength} symbols (even, 4 to 12) under {@code prefix} (upper-case letters
     * and digits, possibly empty), permuted by {@code key}.
     *
     * @throws IllegalArgumentException for an odd or out-of-range length or a bad prefix
     */
    public static CouponCodes of(long key, int bodyLength, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (bodyLength < 4 || bodyLength > 12 || bodyLength % 2 != 0) {
            throw new IllegalArgumentException("bodyLength must be even and between 4 and 12: " + bodyLength);
        }
        if (!prefix.matches("[A-Z0-9]{0,8}")) {
            throw new IllegalArgumentException("prefix must be 0 to 8 upper-case letters or digits: '" + prefix + "'");
        }
        return new CouponCodes(key, bodyLength, prefix);
    }

    /** How many distinct codes exist: {@code 32^bodyLength}. */
    public long capacity() {
        return 1L << (5 * bodyLength);
    }

    /**
     * The code of sequence number {@code n}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= n < capacity()}
     */
    public String code(long n) {
        if (n < 0 || n >= capacity()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "n must be in [0, %d): %d", capacity(), n));
        }
        long v = permute(n);
        char[] body = new char[bodyLength];
        for (int i = bodyLength - 1; i >= 0; i--) {
            body[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        String symbols = new String(body);
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < bodyLength; i++) {
            if (i % 4 == 0 && out.length() > 0) {
                out.append('-');
            }
            out.append(body[i]);
        }
        return out.append(checkSymbol(prefix + symbols)).toString();
    }

    /**
     * The sequence number of {@code text}, if it is a well-formed code of this generator; lower
     * case, spaces and dashes are accepted, and a read-out {@code O} or {@code I} is taken as
     * {@code 0} or {@code 1}, which no code contains, so such a text is refused.
     */
    public Optional<Long> parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (!s.startsWith(prefix) || s.length() != prefix.length() + bodyLength + 1) {
            return Optional.empty();
        }
        String symbols = s.substring(0, s.length() - 1);
        for (int i = prefix.length(); i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        if (checkSymbol(symbols) != s.charAt(s.length() - 1)) {
            return Optional.empty();
        }
        long v = 0;
        for (int i = prefix.length(); i < symbols.length(); i++) {
            v = v << 5 | ALPHABET.indexOf(symbols.charAt(i));
        }
        return Optional.of(unpermute(v));
    }

    /**
     * Damm's check over GF(32): the running value {@code r} becomes {@code 2·r ⊕ symbol} (product in
     * GF(2^5) modulo x^5 + x^2 + 1), a quasigroup in which {@code (r∘x)∘y = (r∘y)∘x} forces
     * {@code x = y}; the check symbol brings the final value to zero. Prefix characters outside the
     * alphabet count by code point modulo 32.
     */
    static char checkSymbol(String symbols) {
        return ALPHABET.charAt(times2(damm(symbols)));
    }

    private static int damm(String symbols) {
        int r = 0;
        for (int i = 0; i < symbols.length(); i++) {
            int value = ALPHABET.indexOf(symbols.charAt(i));
            r = times2(r) ^ (value < 0 ? symbols.charAt(i) % 32 : value);
        }
        return r;
    }

    private static int times2(int x) {
        int y = x << 1;
        return (y & 32) != 0 ? (y ^ 0x25) & 31 : y;
    }

    private long permute(long v) {
        long mask = (1L << halfBits) - 1;
        long left = v >>> halfBits;
        long right = v & mask;
        for (int round = 0; round < 4; round++) {
            long next = left ^ (round(right, round) & mask);
            left = right;
            right = next;
        }
        return left << halfBits | right;
    }

    private long unpermute(long v) {
        long mask = (1L << halfBits) - 1;
        long left = v >>> halfBits;
        long right = v & mask;
        for (int round = 3; round >= 0; round--) {
            long previous = right ^ (round(left, round) & mask);
            right = left;
            left = previous;
        }
        return left << halfBits | right;
    }

    private long round(long half, int round) {
        long z = half * 0x9E3779B97F4A7C15L + key + round * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
