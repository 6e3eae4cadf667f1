package dev.siyu.core.kernel;

/**
 * A software prefetch for engines that walk a cold aggregate: an engine reads the words a command
 * will need first (e.g. {@link OperationLog#touch}), folds them into one value and hands it to
 * {@link #keep}, so the reads cannot be dropped by the compiler and their cache misses overlap
 * the command's other work instead of stalling it one after the other later. Static functions only.
 */
public final class Prefetch {

    /** A value the folded reads practically never make. */
    private static final long SENTINEL = 0x5EED_CAFE_F00D_BEEFL;
    /** Counts the times they did: a sink for the reads that no result depends on. */
    private static int kept;

    private Prefetch() {
    }

    /** Keeps {@code reads} (the folded words an engine read ahead) alive: a branch never taken. */
    public static void keep(long reads) {
        if (reads == SENTINEL) {
            kept++;
        }
    }
}
