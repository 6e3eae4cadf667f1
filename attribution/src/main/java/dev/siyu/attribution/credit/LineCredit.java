package dev.siyu.attribution.credit;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import java.util.List;
import java.util.Objects;

/**
 * The guides credited with one order line; no credit when no guide is (a house sale). The
 * explanation (roles found, the rule that chose) is built when first asked for, so the hot path of
 * attribution does not pay for it. Values: equal when line, credits and explanation are equal.
 * Immutable and thread-safe.
 */
public final class LineCredit {

    private final int lineNo;
    private final List<Credit> credits;
    /** The policy that credited the line and what it found, until the explanation is built (null after). */
    private AttributionPolicy policy;
    private final BindingScope scope;
    private final GuideId service;
    private final GuideId sale;
    private final GuideId sharer;
    private final GuideId opener;
    private final GuideRole won;
    private final boolean fellBack;
    private volatile Explanation explanation;

    private LineCredit(int lineNo, List<Credit> credits, AttributionPolicy policy, BindingScope scope, GuideId service,
            GuideId sale, GuideId sharer, GuideId opener, GuideRole won, boolean fellBack, Explanation explanation) {
        this.lineNo = lineNo;
        this.credits = List.copyOf(credits);
        this.policy = policy;
        this.scope = scope;
        this.service = service;
        this.sale = sale;
        this.sharer = sharer;
        this.opener = opener;
        this.won = won;
        this.fellBack = fellBack;
        this.explanation = explanation;
    }

    /**
     * A line credit.
     *
     * @param lineNo the order line
     * @param credits the credited guides, in precedence order
     * @param explanation the roles found and the rule that chose
     */
    public static LineCredit of(int lineNo, List<Credit> credits, Explanation explanation) {
        return new LineCredit(lineNo, credits, null, null, null, null, null, null, null, false,
                Objects.requireNonNull(explanation, "explanation"));
    }

    /**
     * A line credit whose explanation {@code policy} builds from the roles found when first asked
     * for (one object per line on the hot path, no captured closure).
     */
    static LineCredit lazy(int lineNo, List<Credit> credits, AttributionPolicy policy, BindingScope scope,
            GuideId service, GuideId sale, GuideId sharer, GuideId opener, GuideRole won, boolean fellBack) {
        return new LineCredit(lineNo, credits, policy, scope, service, sale, sharer, opener, won, fellBack, null);
    }

    public int lineNo() {
        return lineNo;
    }

    /** The credited guides, in precedence order; empty for a house sale. */
    public List<Credit> credits() {
        return credits;
    }

    /** Why these guides: the roles found on the line and the rule that chose. */
    public Explanation explanation() {
        Explanation e = explanation;
        if (e == null) {
            synchronized (this) {
                if (explanation == null) {
                    explanation = policy.explain(lineNo, scope, credits.isEmpty(), service, sale, sharer, opener,
                            fellBack, won);
                    policy = null;
                }
                e = explanation;
            }
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineCredit c && c.lineNo == lineNo && c.credits.equals(credits)
                && c.explanation().equals(explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineNo, credits);
    }

    @Override
    public String toString() {
        return "LineCredit[" + lineNo + " " + credits + "]";
    }
}
