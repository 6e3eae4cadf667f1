package dev.siyu.core.churn;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import java.util.Objects;

/**
 * A member's RFM quantile scores (1 = lowest quantile, {@code bins} = highest; recency scores the
 * most recent buyers highest) and segment. Immutable.
 *
 * @param member the member
 * @param recency recency score
 * @param frequency frequency score
 * @param monetary monetary score
 * @param segment the first matching segment's name, or {@code "Other"}
 * @param explanation code {@code RFM_SEGMENT} with the scores and the raw values
 */
public record RfmScore(MemberId member, int recency, int frequency, int monetary, String segment,
        Explanation explanation) {

    public RfmScore {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The three scores as digits, e.g. {@code "545"}. */
    public String code() {
        return "" + recency + frequency + monetary;
    }
}
