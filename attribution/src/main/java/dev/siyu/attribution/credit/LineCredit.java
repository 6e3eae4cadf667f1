package dev.siyu.attribution.credit;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import java.util.List;
import java.util.Objects;

/**
 * The guides credited with one order line; no credit when no guide is (a house sale). The
 * explanation (roles found, the rule that chose) of a line credited by {@link AttributionPolicy} is
 * built each time it is asked for (equal each time), so the hot path of attribution does not pay
 * for it, nor for a volatile write or a lock to keep it. Values: equal when line, credits and
 * explanation are equal. Immutable and thread-safe.
 */
public final class LineCredit {

    private final int lineNo;
    private final List<Credit> credits;
    /**
     * The policy that credited the line, which builds the explanation from the fields below when
     * asked; or the {@link Explanation} given to {@link #of}. Final: caching the explanation here
     * in a volatile field cost a volatile write (a full fence) per line on attribution's hot path.
     */
    private final Object why;
    /* What the policy found on the line, for the explanation. */
    private final BindingScope scope;
    private final GuideId service;
    private final GuideId sale;
    /**
     * The order's sharer and card opener and whether the service guide came from the order's store,
     * null when it has none of these (most lines).
     */
    private final OrderGuides order;
    /** The first credited guide's packed id when it is the line's service guide, 0 otherwise: see {@link #packedGuide}. */
    private final long guideKey;

    /** An order's sharer and card opener (either may be null), and whether the line fell back to the order store. */
    private record OrderGuides(GuideId sharer, GuideId opener, boolean fellBack) {
    }

    /** A line with neither sharer nor card opener whose service guide is the order store's. */
    private static final OrderGuides FELL_BACK = new OrderGuides(null, null, true);

    private LineCredit(int lineNo, List<Credit> credits, Object why, BindingScope scope, GuideId service,
            GuideId sale, GuideId sharer, GuideId opener, boolean fellBack, boolean copy, long guideKey) {
        this.lineNo = lineNo;
        this.guideKey = guideKey;
        this.credits = copy ? List.copyOf(credits) : credits;
        this.why = why;
        this.scope = scope;
        this.service = service;
        this.sale = sale;
        this.order = sharer == null && opener == null ? (fellBack ? FELL_BACK : null)
                : new OrderGuides(sharer, opener, fellBack);
    }

    /**
     * A line credit.
     *
     * @param lineNo the order line
     * @param credits the credited guides, in precedence order
     * @param explanation the roles found and the rule that chose
     */
    public static LineCredit of(int lineNo, List<Credit> credits, Explanation explanation) {
        return new LineCredit(lineNo, credits, Objects.requireNonNull(explanation, "explanation"), null, null, null,
                null, null, false, true, 0);
    }

    /**
     * A line credit whose explanation {@code policy} builds from the roles found when asked
     * for (one object per line on the hot path, no captured closure). The winning role is the
     * first credit's in {@link AttributionPolicy.Mode#PRECEDENCE}, so it is not kept. {@code credits}
     * must be an immutable list (the policy's are {@code List.of} or {@code List.copyOf}).
     */
    static LineCredit lazy(int lineNo, List<Credit> credits, AttributionPolicy policy, BindingScope scope,
            GuideId service, GuideId sale, GuideId sharer, GuideId opener, boolean fellBack, long guideKey) {
        return new LineCredit(lineNo, credits, policy, scope, service, sale, sharer, opener, fellBack, false,
                guideKey);
    }

    /**
     * The first credited guide's id text packed in a long as {@link CustomerBinding#packedId}
     * packs it, when attribution had it from the customer (the line's service guide: the customer
     * keeps the packed ids of its inline and next guides beside them), so that commission engines
     * find the guide in their tables without reading its text. 0 when the credited guide is not the
     * line's service guide, when its text does not pack, when no guide is credited, or for a line
     * credit made by {@link #of}: then read the guide's id.
     */
    public long packedGuide() {
        return guideKey;
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
        if (why instanceof Explanation known) {
            return known;
        }
        return ((AttributionPolicy) why).explain(lineNo, scope, credits, service, sale,
                order == null ? null : order.sharer(), order == null ? null : order.opener(),
                order != null && order.fellBack());
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
