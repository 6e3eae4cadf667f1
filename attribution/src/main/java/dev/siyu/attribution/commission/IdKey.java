package dev.siyu.attribution.commission;

/**
 * A guide id's text packed in a long, so that the guide tables of the network and the batch
 * compare ids from their own arrays instead of reaching both ids' texts. Not instantiable.
 *
 * <p>A text of one to eight Latin-1 characters is its characters' codes from the high byte down,
 * zero-padded. Ids have no control characters, so no code is 0: two texts that fit have the same
 * key exactly when they are equal, and the high byte of a key is never 0. Every other text has
 * {@link #NONE}; a table marks the slot of such an id with {@link #UNPACKED} (high byte 0, so
 * never a key) and compares the ids themselves. (The binding package keeps its own copy of this
 * packing for member ids.)
 */
final class IdKey {

    /** What {@link #of} returns for a text that does not fit. */
    static final long NONE = 0;
    /** A table's mark for the slot of an id whose text does not fit (not a key of any text). */
    static final long UNPACKED = 1;

    private IdKey() {
    }

    /** The key of {@code text}, {@link #NONE} when it is longer than 8 or has a character beyond Latin-1. */
    static long of(String text) {
        int length = text.length();
        if (length == 0 || length > 8) {
            return NONE;
        }
        long key = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0 || c > 0xFF) {
                return NONE;
            }
            key |= (long) c << (56 - 8 * i);
        }
        return key;
    }

    /** A well-mixed int of a key, for a table's first probe. */
    static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** A well-mixed int of an id's hash, for ids whose text does not fit. */
    static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
