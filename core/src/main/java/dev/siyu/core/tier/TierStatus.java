package dev.siyu.core.tier;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.TierId;
import java.time.Instant;
import java.time.LocalDate;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
import dev.siyu.core.kernel.OperationLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's tier state: the aggregate a host stores per member (e.g. in a
 * {@link dev.siyu.core.store.VersionedStore}) and hands back to {@link TierProgram} with each
 * command.
 *
 * <p>It holds the tier the member holds now ({@link #tier()}: the override's tier while one is
 * set, else the earned tier), the earned tier underneath, any grace period running, the qualifying
 * history (as a compact running summary) and the operations already applied, compactly (an
 * {@link OperationLog}: a 128-bit digest of each id, a fingerprint of its payload and the reason
 * code of its outcome, 40 bytes an operation). Only a
 * {@link TierProgram} creates statuses; each applied command yields a new one with
 * {@link #version()} one higher. Immutable and thread-safe.
 */
public final class TierStatus {

    /**
     * The reason codes an applied operation's outcome may carry, by the code an {@link OperationLog}
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

    private final MemberId member;
    private final LocalDate joinedOn;
    private final long version;
    private final TierId earnedTier;
    private final TierOverride override;
    private final LocalDate graceEndsOn;
    private final Instant since;
    private final Instant lastDecisionAt;
    private final QualifyingHistory history;
    private final OperationLog operations;

    TierStatus(MemberId member, LocalDate joinedOn, long version, TierId earnedTier, TierOverride override,
            LocalDate graceEndsOn, Instant since, Instant lastDecisionAt, QualifyingHistory history,
            OperationLog operations) {
        this.member = member;
        this.joinedOn = joinedOn;
        this.version = version;
        this.earnedTier = earnedTier;
        this.override = override;
        this.graceEndsOn = graceEndsOn;
        this.since = since;
        this.lastDecisionAt = lastDecisionAt;
        this.history = history;
        this.operations = operations;
    }

    /** The member. */
    public MemberId member() {
        return member;
    }

    /** The business date the member joined: the start of anniversary years. */
    public LocalDate joinedOn() {
        return joinedOn;
    }

    /** 1 at enrolment, one more per applied command. */
    public long version() {
        return version;
    }

    /** The tier the member holds: the override's tier while an override is set, else the earned tier. */
    public TierId tier() {
        return override != null ? override.tier() : earnedTier;
    }

    /** The tier the member holds by the rules, whatever any override says. */
    public TierId earnedTier() {
        return earnedTier;
    }

    /** The staff override in force, if any. */
    public Optional<TierOverride> override() {
        return Optional.ofNullable(override);
    }

    /**
     * While the member is below the retention threshold of the earned tier: the first business date
     * on which an evaluation may downgrade them.
     */
    public Optional<LocalDate> graceEndsOn() {
        return Optional.ofNullable(graceEndsOn);
    }

    /** When {@link #tier()} last changed (enrolment included). */
    public Instant since() {
        return since;
    }

    /** The {@code asOf} of the last applied command; later commands must not be earlier. */
    public Instant lastDecisionAt() {
        return lastDecisionAt;
    }

    /** How many qualifying facts were recorded. */
    public int activityCount() {
        return history.size();
    }

    /** Whether the operation {@code operation} was applied to this status. */
    public boolean isApplied(OperationId operation) {
        return operations.contains(OperationDigest.of(operation.value()));
    }

    /**
     * Everything this status holds, as plain values a host can write to its own storage (e.g. as
     * JSON with {@link dev.siyu.core.json.SiyuJson#write}) and give back to
     * {@link TierProgram#restore(TierSnapshot)}.
     */
    public TierSnapshot snapshot() {
        List<TierSnapshot.Fact> facts = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            facts.add(new TierSnapshot.Fact(LocalDate.ofEpochDay(history.day(i)), history.delta(Metric.SPEND, i),
                    history.delta(Metric.POINTS_EARNED, i), history.delta(Metric.ORDER_COUNT, i)));
        }
        List<TierSnapshot.Operation> ops = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            int day = IdempotencyWindow.day(operations.code(i));
            ops.add(new TierSnapshot.Operation(operations.digest(i).toString(), operations.fingerprint(i),
                    CODES.get(IdempotencyWindow.code(operations.code(i))),
                    day == IdempotencyWindow.KEEP ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day))));
        }
        return new TierSnapshot(member, joinedOn, version, earnedTier, Optional.ofNullable(override),
                Optional.ofNullable(graceEndsOn), since, lastDecisionAt, facts, ops);
    }

    TierOverride overrideOrNull() {
        return override;
    }

    LocalDate graceOrNull() {
        return graceEndsOn;
    }

    QualifyingHistory history() {
        return history;
    }

    OperationLog operations() {
        return operations;
    }

    @Override
    public String toString() {
        return "TierStatus[member=" + member + ", version=" + version + ", tier=" + tier() + ", earnedTier="
                + earnedTier + ", override=" + override + ", graceEndsOn=" + graceEndsOn + ", since=" + since
                + ", activities=" + history.size() + "]";
    }
}
