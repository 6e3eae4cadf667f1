package dev.siyu.tagging.rule;

import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.feature.FeatureRef;
import java.util.List;
import java.util.Objects;

/**
 * A tag rule: a closed boolean expression over feature comparisons and other tags. There is no
 * other node kind, no function call and no script: what a rule can do is fixed by this type.
 * Immutable. Rules are usually read from JSON with {@link RuleParser}:
 *
 * <pre>{@code
 * {"and": [
 *   {"feature": "spend", "days": 30, "category": "shoes", "op": "gte", "value": "CNY 500"},
 *   {"feature": "region", "op": "in", "value": ["东北", "华北"]},
 *   {"not": {"tag": "staff"}}
 * ]}
 * }</pre>
 */
public sealed interface Rule permits Rule.And, Rule.Or, Rule.Not, Rule.HasTag, Rule.Compare {

    /** True when every part is true (true when empty). */
    record And(List<Rule> all) implements Rule {
        public And {
            all = List.copyOf(all);
        }
    }

    /** True when some part is true (false when empty). */
    record Or(List<Rule> any) implements Rule {
        public Or {
            any = List.copyOf(any);
        }
    }

    /** True when the part is false. */
    record Not(Rule rule) implements Rule {
        public Not {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** True when the member carries the tag (after its own rule, group and validity). */
    record HasTag(TagId tag) implements Rule {
        public HasTag {
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * A comparison of one feature value with constants. {@code between} takes two values (both
     * inclusive), {@code in} one or more, {@code present} none, the others one. Every comparison with
     * a missing value is false.
     *
     * @param feature the feature value compared
     * @param op the comparison
     * @param values the constants, already checked against the feature's type
     */
    record Compare(FeatureRef feature, Op op, List<Operand> values) implements Rule {
        public Compare {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(op, "op");
            values = List.copyOf(values);
        }
    }

    /** Comparison operators. */
    enum Op {
        EQ, NE, LT, LTE, GT, GTE, BETWEEN, IN, PRESENT
    }
}
