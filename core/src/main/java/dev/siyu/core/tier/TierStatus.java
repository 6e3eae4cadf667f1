package dev.siyu.core.tier;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.TierId;
import java.time.Instant;
import java.time.LocalDate;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's tier state: the aggregate a host stores per member (e.g. in a
 * {@link dev.siyu.core.store.VersionedStore}) and hands back to {@link TierProgram} with each
 * command.
 *
 * <p>It holds the tier the member holds now ({@link #tier()}: the override's tier while one is
 * set, else the earned tier), the earned tier underneath, any grace period running, the qualifying
 * history (prefix sums, 24 bytes a fact) and the operations already applied, compactly (a 128-bit
 * digest of each id, a fingerprint of its payload, the business day it is dated by and the reason
 * code of its outcome, 32 bytes an operation). Only a {@link TierProgram} creates statuses; each
 * applied command yields a new one with {@link #version()} one higher. Immutable and thread-safe;
 * equal when their snapshots are ({@link #equals}).
 *
 * <p>Compact by construction, since a host keeps one per member and each order makes a version:
 * a version is one object of 48 bytes with primitive fields (the last decision's instant packed in
 * a long) pointing to arrays of facts and operations it shares with the versions before it (an
 * order in date order is written into their spare room) and to the rarely changing part (tiers,
 * override, grace, the member, when the tier last moved) it shares while that does not change.
 */
public final class TierStatus {

    /**
     * The reason codes an applied operation's outcome may carry, by the code an {@link OperationRows}
     * entry records: the top code of the explanation of every command and of enrolment history.
     */
    static final List<String> CODES = List.of("ORDER_RECORDED", "REFUND_RECORDED", "NO_HIGHER_TIER_EARNED",
            "REFUND_RECORDED_DOWNGRADE_AT_EVALUATION", "EARNED_TIER_UPGRADED", "GRACE_CLEARED", "TIER_RETAINED",
            "GRACE_STARTED", "IN_GRACE", "EARNED_TIER_DOWNGRADED", "OVERRIDE_SET", "NO_OVERRIDE", "OVERRIDE_CLEARED",
            "OVERRIDE_EXPIRED", "TIER_ENROLLED", "TIER_UPGRADED", "TIER_DOWNGRADED", "TIER_OVERRIDDEN",
            "TIER_OVERRIDE_EXPIRED");
    private static final Map<String, Integer> CODE_INDEX;

    static {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < CODES.size(); i++) {
            index.put(CODES.get(i), i);
        }
        CODE_INDEX = Map.copyOf(index);
    }

    /** The log code of reason code {@code code}; -1 if it is not one of {@link #CODES}. */
    static int codeIndex(String code) {
        Integer i = CODE_INDEX.get(code);
        return i == null ? -1 : i;
    }

    /**
     * What changes rarely (the member, the join date, the earned tier, override, grace and the
     * instant the tier last moved), in one object of 48 bytes the versions share: a version that
     * changes none of it points to its predecessor's. Versions count their version from 0 and
     * their last decision from {@link #sinceSecond} (so that a version needs an int and a long for
     * them); a status whose version or last decision is out of that reach (past 2^31 versions, or
     * decided more than 272 years from {@link #since()}) gets a {@link Rebased} standing with its
     * own bases.
     */
    private static class Standing {
        final MemberId member;
        final LocalDate joinedOn;
        final TierId earnedTier;
        final TierOverride override;
        final LocalDate graceEndsOn;
        final long sinceSecond;
        final int sinceNano;

        Standing(MemberId member, LocalDate joinedOn, TierId earnedTier, TierOverride override, LocalDate graceEndsOn,
                long sinceSecond, int sinceNano) {
            this.member = member;
            this.joinedOn = joinedOn;
            this.earnedTier = earnedTier;
            this.override = override;
            this.graceEndsOn = graceEndsOn;
            this.sinceSecond = sinceSecond;
            this.sinceNano = sinceNano;
        }

        /**
         * A standing of these parts whose versions can count {@code version} and a last decision at
         * epoch second {@code second} from its bases.
         */
        static Standing of(MemberId member, LocalDate joinedOn, TierId earnedTier, TierOverride override,
                LocalDate graceEndsOn, long sinceSecond, int sinceNano, long version, long second) {
            Standing s = new Standing(member, joinedOn, earnedTier, override, graceEndsOn, sinceSecond, sinceNano);
            return s.counts(version, second)
                    ? s
                    : new Rebased(member, joinedOn, earnedTier, override, graceEndsOn, sinceSecond, sinceNano, version,
                            second);
        }

        /** The version versions of this standing count from: they are {@code versionBase() + offset}. */
        long versionBase() {
            return 0;
        }

        /** The epoch second last decisions are counted from, see {@link TierStatus#pack}. */
        long secondBase() {
            return sinceSecond;
        }

        Instant since() {
            return Instant.ofEpochSecond(sinceSecond, sinceNano);
        }

        /** Whether versions of this standing can count {@code version} and {@code second} from its bases. */
        final boolean counts(long version, long second) {
            long offset = version - versionBase();
            long seconds = second - secondBase();
            return offset >= 0 && offset <= Integer.MAX_VALUE && seconds >= -SECONDS_RANGE && seconds < SECONDS_RANGE;
        }
    }

    /** A standing with bases of its own, for versions and instants out of a plain standing's reach. */
    private static final class Rebased extends Standing {
        final long versionFrom;
        final long secondFrom;

        Rebased(MemberId member, LocalDate joinedOn, TierId earnedTier, TierOverride override, LocalDate graceEndsOn,
                long sinceSecond, int sinceNano, long versionFrom, long secondFrom) {
            super(member, joinedOn, earnedTier, override, graceEndsOn, sinceSecond, sinceNano);
            this.versionFrom = versionFrom;
            this.secondFrom = secondFrom;
        }

        @Override
        long versionBase() {
            return versionFrom;
        }

        @Override
        long secondBase() {
            return secondFrom;
        }
    }

    /** Bits of a packed last decision below its seconds: nanos (< 2^30). */
    private static final int NANO_BITS = 30;
    /** Seconds from a standing's base a packed last decision holds, either way: 2^33 s (272 years). */
    private static final long SECONDS_RANGE = 1L << 33;

    /** {@code second} (counted from {@code base}, within {@link #SECONDS_RANGE}) and {@code nano} in one long. */
    private static long pack(long second, int nano, long base) {
        return (second - base) << NANO_BITS | nano;
    }

    // Per version, 48 bytes: the shared standing, the version's offset from its base, the last
    // decision (seconds from the base and nanos in one long), the facts' shared array and size
    // (QualifyingHistory) and the operations' shared array and range (OperationRows); no other object.
    private final Standing standing;
    private final int versionOffset;
    private final long lastDecision;
    private final long[] facts;
    private final int factCount;
    private final long[] operations;
    private final int operationStart;
    private final int operationEnd;

    TierStatus(MemberId member, LocalDate joinedOn, long version, TierId earnedTier, TierOverride override,
            LocalDate graceEndsOn, Instant since, Instant lastDecisionAt, QualifyingHistory history,
            OperationRows operations) {
        this(Standing.of(member, joinedOn, earnedTier, override, graceEndsOn, since.getEpochSecond(), since.getNano(),
                version, lastDecisionAt.getEpochSecond()), version, lastDecisionAt, history.rows(), history.size(),
                operations);
    }

    /**
     * Reads the words a recorded activity will append to (the history's and the operation rows'
     * claimed counts and next free words) and the standing, combined: a software prefetch for
     * {@link TierProgram#record}, whose cache misses then overlap its hashing. No effect.
     */
    long touch() {
        return QualifyingHistory.touch(facts, factCount) ^ OperationRows.touch(operations, operationEnd)
                ^ standing.sinceSecond;
    }

    private TierStatus(Standing standing, long version, Instant lastDecisionAt, long[] facts, int factCount,
            OperationRows operations) {
        this.standing = standing;
        this.versionOffset = (int) (version - standing.versionBase());
        this.lastDecision = pack(lastDecisionAt.getEpochSecond(), lastDecisionAt.getNano(), standing.secondBase());
        this.facts = facts;
        this.factCount = factCount;
        this.operations = operations.data();
        this.operationStart = operations.start();
        this.operationEnd = operations.end();
    }

    /**
     * The next version: one higher, decided at {@code asOf}, with these parts; the standing of this
     * version is shared when the earned tier, override and grace are the same, the tier did not
     * move and the new version and {@code asOf} can be counted from its bases.
     */
    TierStatus next(TierId earnedTier, TierOverride override, LocalDate graceEndsOn, boolean moved, Instant asOf,
            long[] facts, int factCount, OperationRows operations) {
        Standing s = standing;
        long version = version() + 1;
        Standing after = !moved && s.earnedTier.equals(earnedTier) && Objects.equals(s.override, override)
                && Objects.equals(s.graceEndsOn, graceEndsOn) && s.counts(version, asOf.getEpochSecond())
                ? s
                : Standing.of(s.member, s.joinedOn, earnedTier, override, graceEndsOn,
                        moved ? asOf.getEpochSecond() : s.sinceSecond, moved ? asOf.getNano() : s.sinceNano, version,
                        asOf.getEpochSecond());
        return new TierStatus(after, version, asOf, facts, factCount, operations);
    }

    /** The member. */
    public MemberId member() {
        return standing.member;
    }

    /** The business date the member joined: the start of anniversary years. */
    public LocalDate joinedOn() {
        return standing.joinedOn;
    }

    /** 1 at enrolment, one more per applied command. */
    public long version() {
        return standing.versionBase() + versionOffset;
    }

    /** The tier the member holds: the override's tier while an override is set, else the earned tier. */
    public TierId tier() {
        TierOverride override = standing.override;
        return override != null ? override.tier() : standing.earnedTier;
    }

    /** The tier the member holds by the rules, whatever any override says. */
    public TierId earnedTier() {
        return standing.earnedTier;
    }

    /** The staff override in force, if any. */
    public Optional<TierOverride> override() {
        return Optional.ofNullable(standing.override);
    }

    /**
     * While the member is below the retention threshold of the earned tier: the first business date
     * on which an evaluation may downgrade them.
     */
    public Optional<LocalDate> graceEndsOn() {
        return Optional.ofNullable(standing.graceEndsOn);
    }

    /** When {@link #tier()} last changed (enrolment included). */
    public Instant since() {
        return standing.since();
    }

    /** The {@code asOf} of the last applied command; later commands must not be earlier. */
    public Instant lastDecisionAt() {
        return Instant.ofEpochSecond(lastDecisionSecond(), lastDecisionNano());
    }

    private long lastDecisionSecond() {
        return standing.secondBase() + (lastDecision >> NANO_BITS);
    }

    private int lastDecisionNano() {
        return (int) (lastDecision & ((1 << NANO_BITS) - 1));
    }

    /** Whether {@code asOf} is before {@link #lastDecisionAt()}, without making the instant. */
    boolean isBeforeLastDecision(Instant asOf) {
        long second = asOf.getEpochSecond();
        long last = lastDecisionSecond();
        return second < last || second == last && asOf.getNano() < lastDecisionNano();
    }

    /** How many qualifying facts were recorded. */
    public int activityCount() {
        return factCount;
    }

    /** Whether the operation {@code operation} was applied to this status. */
    public boolean isApplied(OperationId operation) {
        return operations().contains(OperationDigest.of(operation.value()));
    }

    /**
     * Everything this status holds, as plain values a host can write to its own storage (e.g. as
     * JSON with {@link dev.siyu.core.json.SiyuJson#write}) and give back to
     * {@link TierProgram#restore(TierSnapshot)}.
     */
    public TierSnapshot snapshot() {
        List<TierSnapshot.Fact> facts = new ArrayList<>(factCount);
        for (int i = 0; i < factCount; i++) {
            facts.add(new TierSnapshot.Fact(LocalDate.ofEpochDay(QualifyingHistory.day(this.facts, i)),
                    QualifyingHistory.delta(this.facts, Metric.SPEND, i),
                    QualifyingHistory.delta(this.facts, Metric.POINTS_EARNED, i),
                    QualifyingHistory.delta(this.facts, Metric.ORDER_COUNT, i)));
        }
        OperationRows operations = operations();
        List<TierSnapshot.Operation> ops = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            long word = operations.codeWord(i);
            int day = IdempotencyWindow.day(word);
            ops.add(new TierSnapshot.Operation(operations.digest(i).toString(), operations.fingerprint(i),
                    CODES.get(IdempotencyWindow.code(word)),
                    day == IdempotencyWindow.KEEP ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day))));
        }
        Standing s = standing;
        return new TierSnapshot(s.member, s.joinedOn, version(), s.earnedTier, Optional.ofNullable(s.override),
                Optional.ofNullable(s.graceEndsOn), since(), lastDecisionAt(), facts, ops);
    }

    TierOverride overrideOrNull() {
        return standing.override;
    }

    LocalDate graceOrNull() {
        return standing.graceEndsOn;
    }

    /** The qualifying facts' array (shared with the other versions of this lineage); see {@link QualifyingHistory}. */
    long[] factRows() {
        return facts;
    }

    /** A view of the qualifying facts. */
    QualifyingHistory history() {
        return new QualifyingHistory(facts, factCount);
    }

    /** A view of the operations applied. */
    OperationRows operations() {
        return new OperationRows(operations, operationStart, operationEnd);
    }

    /**
     * Value equality: two statuses are equal when their {@link #snapshot() snapshots} are, so a
     * status read back from a host's store equals the one written. Makes the snapshots; not for hot
     * paths.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof TierStatus t && t.version() == version() && t.member().equals(member())
                && t.snapshot().equals(snapshot());
    }

    @Override
    public int hashCode() {
        return Objects.hash(member(), version());
    }

    @Override
    public String toString() {
        Standing s = standing;
        return "TierStatus[member=" + s.member + ", version=" + version() + ", tier=" + tier() + ", earnedTier="
                + s.earnedTier + ", override=" + s.override + ", graceEndsOn=" + s.graceEndsOn + ", since=" + since()
                + ", activities=" + factCount + "]";
    }
}
