package dev.siyu.core.kernel;

/**
 * An id's text packed in a long, so that engines compare ids (a member on its binding, a guide in a
 * commission table) from their own fields and arrays instead of reaching both ids' texts. A text of
 * one to eight Latin-1 characters is its characters' codes from the high byte down, zero-padded.
 * Ids have no control characters, so no code is 0: two texts that fit have the same key exactly
 * when they are equal, and the high byte of a key is never 0. Every other text is 0. Static
 * functions only.
 */
public final class PackedText {

    private PackedText() {
    }

    /** The key of {@code text}; 0 when it is empty, longer than 8, or has a character 0 or beyond Latin-1. */
    public static long of(String text) {
        int length = text.length();
        if (length == 0 || length > 8) {
            return 0;
        }
        long key = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0 || c > 0xFF) {
                return 0;
            }
            key |= (long) c << (56 - 8 * i);
        }
        return key;
    }
}
