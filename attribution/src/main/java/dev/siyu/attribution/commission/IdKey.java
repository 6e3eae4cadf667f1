package dev.siyu.attribution.commission;

import dev.siyu.core.kernel.PackedText;

/**
 * A guide id's text packed in a long (the kernel's {@link PackedText}, the packing a customer's
 * binding keeps its member and guides in), so that the guide tables of the network and the batch
 * compare ids from their own arrays instead of reaching both ids' texts. Not instantiable.
 *
 * <p>Every text that does not pack has {@link #NONE}; a table marks the slot of such an id with
 * {@link #UNPACKED} (high byte 0, so never a key) and compares the ids themselves.
 */
final class IdKey {

    /** What {@link #of} returns for a text that does not fit. */
    static final long NONE = 0;
    /** A table's mark for the slot of an id whose text does not fit (not a key of any text). */
    static final long UNPACKED = 1;

    private IdKey() {
    }

    /** The key of {@code text} ({@link PackedText#of}), {@link #NONE} when it is longer than 8 or has a character beyond Latin-1. */
    static long of(String text) {
        return PackedText.of(text);
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
