package dev.siyu.attribution.credit;

import dev.siyu.core.explain.Explanation;
import java.util.List;
import java.util.Objects;

/**
 * The guides credited with one order line; empty when no guide is (a house sale).
 *
 * @param lineNo the order line
 * @param credits the credited guides, in precedence order
 * @param explanation the roles found and the rule that chose
 */
public record LineCredit(int lineNo, List<Credit> credits, Explanation explanation) {
    public LineCredit {
        credits = List.copyOf(credits);
        Objects.requireNonNull(explanation, "explanation");
    }
}
