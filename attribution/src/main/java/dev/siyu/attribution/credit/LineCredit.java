package dev.siyu.attribution.credit;

import dev.siyu.core.explain.Explanation;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The guides credited with one order line; no credit when no guide is (a house sale). The
 * explanation (roles found, the rule that chose) is built when first asked for, so the hot path of
 * attribution does not pay for it. Values: equal when line, credits and explanation are equal.
 * Immutable and thread-safe.
 */
public final class LineCredit {

    private final int lineNo;
    private final List<Credit> credits;
    private Supplier<Explanation> why;
    private volatile Explanation explanation;

    private LineCredit(int lineNo, List<Credit> credits, Supplier<Explanation> why, Explanation explanation) {
        this.lineNo = lineNo;
        this.credits = List.copyOf(credits);
        this.why = why;
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
        return new LineCredit(lineNo, credits, null, Objects.requireNonNull(explanation, "explanation"));
    }

    static LineCredit lazy(int lineNo, List<Credit> credits, Supplier<Explanation> why) {
        return new LineCredit(lineNo, credits, why, null);
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
                    explanation = why.get();
                    why = null;
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
