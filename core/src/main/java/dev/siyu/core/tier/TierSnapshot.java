package dev.siyu.core.tier;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.TierId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TierStatus} as plain values, for hosts that keep statuses outside the JVM: write it with
 * {@link dev.siyu.core.json.SiyuJson#write}, read it back with
 * {@link dev.siyu.core.json.SiyuJson#read}, and turn it into a status with
 * {@link TierProgram#restore(TierSnapshot)}. Immutable and thread-safe.
 *
 * @param member the member
 * @param joinedOn the business date the member joined
 * @param version the status's version, {@code >= 1}
 * @param earnedTier the tier held by the rules
 * @param override the staff override in force, if any
 * @param graceEndsOn the end of the grace period running, if any
 * @param since when the tier held last changed
 * @param lastDecisionAt the {@code asOf} of the last applied command
 * @param facts the qualifying facts in date order
 * @param operations the operations applied, in the order they were recorded
 */
public record TierSnapshot(MemberId member, LocalDate joinedOn, long version, TierId earnedTier,
        Optional<TierOverride> override, Optional<LocalDate> graceEndsOn, Instant since, Instant lastDecisionAt,
        List<Fact> facts, List<Operation> operations) {

    /** @throws IllegalArgumentException if the version is below 1 */
    public TierSnapshot {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(joinedOn, "joinedOn");
        Objects.requireNonNull(earnedTier, "earnedTier");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(graceEndsOn, "graceEndsOn");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastDecisionAt, "lastDecisionAt");
        facts = List.copyOf(facts);
        operations = List.copyOf(operations);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
    }

    /**
     * One qualifying fact as it counts: its business date and its values.
     *
     * @param countsOn the business date it counts on
     * @param spend net spend in minor units of the program's currency (negative for a refund)
     * @param pointsEarned points earned (negative for a reversal)
     * @param orders orders counted ({@code 1}, {@code 0} or {@code -1})
     */
    public record Fact(LocalDate countsOn, long spend, long pointsEarned, long orders) {
        public Fact {
            Objects.requireNonNull(countsOn, "countsOn");
        }
    }

    /**
     * An applied operation, as a status records it.
     *
     * @param digest the 128-bit digest of its id, 32 lower-case hex digits (see
     *     {@link dev.siyu.core.kernel.OperationDigest})
     * @param fingerprint the 64-bit fingerprint of its payload, compared to detect a conflicting reuse
     *     of the id
     * @param code the reason code of its outcome, returned again (as a recorded outcome) on a replay
     * @param dated the business date of the activity it recorded, by which the program's
     *     {@link TierProgram#idempotencyWindow() idempotency window} forgets it; empty for
     *     operations kept always (evaluations, overrides) and in snapshots written before dates were
     *     recorded (kept always too)
     */
    public record Operation(String digest, long fingerprint, String code, Optional<LocalDate> dated) {
        public Operation {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(code, "code");
            dated = dated == null ? Optional.empty() : dated;
        }

        /** An operation kept always (no date). */
        public Operation(String digest, long fingerprint, String code) {
            this(digest, fingerprint, code, Optional.empty());
        }
    }
}
