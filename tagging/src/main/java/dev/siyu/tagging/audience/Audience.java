package dev.siyu.tagging.audience;

import dev.siyu.tagging.engine.FeatureLayout;
import dev.siyu.tagging.feature.FeatureType;
import dev.siyu.tagging.rule.Operand;
import dev.siyu.tagging.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.roaringbitmap.RoaringBitmap;

/**
 * An audience: a boolean expression over tags and features in the rule language
 * ({@link dev.siyu.tagging.rule.RuleParser} reads it from JSON), evaluated over a {@link TagIndex}
 * with bitmap algebra. Tag references are bitmaps; feature comparisons scan one column of the
 * index's feature rows. An audience is targeted: only members who consented to personalized
 * marketing are ever in it. Immutable and thread-safe.
 */
public final class Audience {

    private final Rule expression;

    private Audience(Rule expression) {
        this.expression = expression;
    }

    /** The audience of members for whom {@code expression} holds. */
    public static Audience of(Rule expression) {
        return new Audience(Objects.requireNonNull(expression, "expression"));
    }

    public Rule expression() {
        return expression;
    }

    /** The members of the audience, as ordinals of {@code index}, consent applied. */
    public RoaringBitmap members(TagIndex index) {
        return RoaringBitmap.and(matching(index), index.personalized);
    }

    /** The members for whom the expression holds, before consent: for reports only, never for targeting. */
    RoaringBitmap matching(TagIndex index) {
        return eval(expression, index);
    }

    /** How many members the audience has, consent applied. */
    public int count(TagIndex index) {
        return RoaringBitmap.andCardinality(matching(index), index.personalized);
    }

    private static RoaringBitmap eval(Rule rule, TagIndex index) {
        if (rule instanceof Rule.And a) {
            RoaringBitmap acc = index.all.clone();
            for (Rule r : a.all()) {
                acc.and(eval(r, index));
            }
            return acc;
        } else if (rule instanceof Rule.Or o) {
            List<RoaringBitmap> parts = new ArrayList<>();
            for (Rule r : o.any()) {
                parts.add(eval(r, index));
            }
            return org.roaringbitmap.FastAggregation.or(parts.iterator());
        } else if (rule instanceof Rule.Not n) {
            return RoaringBitmap.andNot(index.all, eval(n.rule(), index));
        } else if (rule instanceof Rule.HasTag h) {
            return index.byTag[index.engine.indexOf(h.tag())].clone();
        }
        return scan((Rule.Compare) rule, index);
    }

    private static RoaringBitmap scan(Rule.Compare c, TagIndex index) {
        FeatureLayout layout = index.features.layout();
        boolean relative = c.values().stream().anyMatch(v -> v instanceof Operand.DaysAgo);
        OptionalInt slot = relative ? layout.ageSlot(c.feature()) : layout.slot(c.feature());
        if (slot.isEmpty()) {
            throw new IllegalArgumentException("feature must be read by a tag rule of the engine to be used in an audience: "
                    + c.feature());
        }
        int s = slot.getAsInt();
        long[] k = new long[c.values().size()];
        for (int i = 0; i < k.length; i++) {
            Operand o = c.values().get(i);
            if (o instanceof Operand.Num n) {
                k[i] = n.value();
            } else if (o instanceof Operand.Flag f) {
                k[i] = f.value() ? 1 : 0;
            } else if (o instanceof Operand.Date d) {
                k[i] = d.value().toEpochDay();
            } else if (o instanceof Operand.DaysAgo d) {
                k[i] = d.days();
            } else if (o instanceof Operand.Code code) {
                k[i] = layout.encode(s, code.value());
                if (k[i] == FeatureLayout.OTHER_CODE) {
                    k[i] = Long.MAX_VALUE; // a code no rule mentions matches nothing
                }
            }
        }
        RoaringBitmap out = new RoaringBitmap();
        int n = index.size();
        for (int m = 0; m < n; m++) {
            long v = index.features.get(m, s);
            if (v != FeatureType.MISSING && test(c.op(), relative ? -v : v, k, relative)) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean test(Rule.Op op, long v, long[] k, boolean relative) {
        long a = k.length > 0 ? (relative ? -k[0] : k[0]) : 0;
        return switch (op) {
            case EQ -> v == a;
            case NE -> v != a;
            case LT -> v < a;
            case LTE -> v <= a;
            case GT -> v > a;
            case GTE -> v >= a;
            case BETWEEN -> {
                long b = relative ? -k[1] : k[1];
                yield relative ? v >= Math.min(a, b) && v <= Math.max(a, b) : v >= a && v <= b;
            }
            case IN -> {
                boolean any = false;
                for (long x : k) {
                    any |= v == (relative ? -x : x);
                }
                yield any;
            }
            case PRESENT -> true;
        };
    }
}
