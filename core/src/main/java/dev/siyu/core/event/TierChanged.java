package dev.siyu.core.event;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.TierId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's tier moved.
 *
 * @param member the member
 * @param at when the decision was made
 * @param from the tier before, empty on enrolment
 * @param to the tier after
 * @param kind why it moved, in one word
 * @param explanation the reason code and values that decided it
 */
public record TierChanged(MemberId member, Instant at, Optional<TierId> from, TierId to, Kind kind,
        Explanation explanation) implements MembershipEvent {

    /** The kind of move. */
    public enum Kind {
        /** First tier of a new member. */
        ENROLLED,
        /** Qualified for a higher tier. */
        UPGRADED,
        /** Fell below the retention threshold at evaluation, after any grace period. */
        DOWNGRADED,
        /** Staff set the tier by hand. */
        OVERRIDDEN,
        /** A manual override ran out and the earned tier applies again. */
        OVERRIDE_EXPIRED
    }

    public TierChanged {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String type() {
        return "tier-changed";
    }
}
