package dev.siyu.core.kernel;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import java.util.OptionalInt;

/**
 * How long an aggregate remembers the operations applied to it, in business days: a bound on its
 * {@link OperationLog} that keeps a member's state from growing with every order of every year.
 *
 * <p>The rule that makes forgetting safe: an aggregate tracks the latest business day of the
 * commands it recorded, and refuses any command dated more than {@link #days()} days before it
 * ({@link #accepts}). A replay carries the date of its original, so a replay older than the window
 * is refused, never applied a second time, and the entries older than the window can go
 * ({@link #forget}). Within the window a replay finds its entry and returns the recorded outcome
 * as before. {@link #unbounded()} (the default of every program) remembers everything and refuses
 * nothing for its age.
 *
 * <p>The day must be part of the command's payload (e.g. the date of the order an earn is for), not
 * the time it was sent: a retry sent a month later carries the same day and is refused, where a day
 * taken from the retry's own clock would let it through as a new command. Each entry records that
 * day in the upper half of its code word ({@link #codeWord}); the aggregate's own outcome code is
 * the lower half ({@link #code}). Forgetting is cheap: the oldest entries past the window are
 * dropped without copying, and the log is rewritten only once an entry behind a kept one is a
 * quarter of the window (at least one day) past the window, so an aggregate whose commands come
 * roughly in date order holds about a window of operations, 1.25 at most. Immutable and thread-safe.
 */
public final class IdempotencyWindow {

    private static final IdempotencyWindow UNBOUNDED = new IdempotencyWindow(0);
    /**
     * The day of an entry never to forget: for commands whose payload carries no date of its own,
     * so that a retry dated later could not be told from a new command (e.g. a tier evaluation).
     */
    public static final int KEEP = Integer.MAX_VALUE;
    /** The longest window: 100 years of days. */
    static final int MAX_DAYS = 36_525;

    private final int days;

    private IdempotencyWindow(int days) {
        this.days = days;
    }

    /** Remember every operation, refuse none for its age. */
    public static IdempotencyWindow unbounded() {
        return UNBOUNDED;
    }

    /**
     * Remember the operations of the last {@code days} business days before the latest one recorded.
     *
     * @throws IllegalArgumentException unless {@code 1 <= days <= 36525}
     */
    public static IdempotencyWindow ofDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("idempotency window days must be between 1 and " + MAX_DAYS + ": " + days);
        }
        return new IdempotencyWindow(days);
    }

    /**
     * The window a program's JSON gives as {@code {"windowDays": N}}, {@code 1 <= N <= 36525}.
     *
     * @throws ConfigException naming the pointer of an unknown field or a bad number of days
     */
    public static IdempotencyWindow from(ConfigNode node) {
        node.fields("windowDays");
        return node.required("windowDays").as(n -> ofDays(n.asInt()));
    }

    /** The window's length in days; empty when unbounded. */
    public OptionalInt days() {
        return days == 0 ? OptionalInt.empty() : OptionalInt.of(days);
    }

    /** Whether this window remembers everything. */
    public boolean isUnbounded() {
        return days == 0;
    }

    /**
     * The first business day (epoch day) a command may carry when the latest day recorded is
     * {@code latestDay}: {@code latestDay - days}, or {@link Integer#MIN_VALUE} when unbounded.
     */
    public int firstAcceptedDay(int latestDay) {
        return days == 0 ? Integer.MIN_VALUE : (int) Math.max(Integer.MIN_VALUE, (long) latestDay - days);
    }

    /** Whether a command of business day {@code day} may run when the latest day recorded is {@code latestDay}. */
    public boolean accepts(int day, int latestDay) {
        return day == KEEP || latestDay == Integer.MIN_VALUE || day >= firstAcceptedDay(latestDay);
    }

    /** Whether a command of business day {@code day} may run on an aggregate with {@code log}: {@code accepts(day, log.latestDay())}. */
    public boolean accepts(int day, OperationLog log) {
        return accepts(day, log.latestDay());
    }


    /**
     * The forgetting rule, for any log of {@code size} entries in recording order whose entry
     * {@code i} has its code word ({@link #codeWord}: its day in the upper half) at
     * {@code words[first + i * stride]}, when the latest day recorded is {@code latestDay}: the
     * number of leading entries dated before {@link #firstAcceptedDay(int) firstAcceptedDay(latestDay)},
     * to drop now (0 for none; entries come roughly in date order, so this is the usual case and can
     * share the log's storage), or {@code -1} when an entry dated before that day sits behind a kept
     * one and is at least a quarter window (and a day) older than it: then the log is to be rewritten
     * keeping only the entries dated on or after that day. Entries dated {@link #KEEP} are never
     * forgotten. O(size), like a lookup, and reads the words directly (no callback per entry, so a
     * command that records an operation allocates nothing here). {@link #forget} applies it to an
     * {@link OperationLog}; an aggregate that keeps its operations in another primitive layout
     * applies it to that.
     */
    public int forgetting(long[] words, int first, int stride, int size, int latestDay) {
        if (days == 0 || size == 0 || latestDay == Integer.MIN_VALUE) {
            return 0;
        }
        int firstAccepted = firstAcceptedDay(latestDay);
        long stale = (long) firstAccepted - Math.max(1, days / 4);
        int leading = 0;
        while (leading < size && day(words[first + leading * stride]) < firstAccepted) {
            leading++;
        }
        for (int i = leading; i < size; i++) {
            if (day(words[first + i * stride]) <= stale) {
                return -1;
            }
        }
        return leading;
    }

    /**
     * {@code log} as {@link #forgetting} leaves it: without its leading entries dated before
     * {@link #firstAcceptedDay(int) firstAcceptedDay(latestDay)} ({@link OperationLog#withoutFirst}),
     * or rewritten keeping the entries dated on or after that day when the rule says so; else
     * {@code log} itself. Entries carry their day in their code word ({@link #codeWord}).
     */
    public OperationLog forget(OperationLog log, int latestDay) {
        int leading = forgetting(log.array(), log.codeWordAt(0), OperationLog.STRIDE, log.size(), latestDay);
        if (leading >= 0) {
            return log.withoutFirst(leading);
        }
        int first = firstAcceptedDay(latestDay);
        return log.retainIf(at -> day(log.code(at)) >= first);
    }

    /** The code word of an entry: {@code day} in the upper 32 bits, the aggregate's {@code code} in the lower. */
    public static long codeWord(int code, int day) {
        return (long) day << 32 | (code & 0xffff_ffffL);
    }

    /** The aggregate's code in a code word made by {@link #codeWord}. */
    public static int code(long codeWord) {
        return (int) codeWord;
    }

    /** The business day in a code word made by {@link #codeWord}. */
    public static int day(long codeWord) {
        return (int) (codeWord >> 32);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdempotencyWindow w && w.days == days;
    }

    @Override
    public int hashCode() {
        return days;
    }

    @Override
    public String toString() {
        return days == 0 ? "IdempotencyWindow[unbounded]" : "IdempotencyWindow[" + days + " days]";
    }
}
