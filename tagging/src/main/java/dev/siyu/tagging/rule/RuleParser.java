package dev.siyu.tagging.rule;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.money.Money;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.FeatureDefinition;
import dev.siyu.tagging.feature.FeatureParameter;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.feature.FeatureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads rule expressions from configuration JSON into {@link Rule}s, checking every feature name,
 * parameter, operator and constant type against a {@link FeatureCatalogue} and the
 * {@link RuleLimits}. Every error is a {@link ConfigException} naming the JSON pointer. Immutable
 * and thread-safe.
 *
 * <p>Node forms: {@code {"and": [...]}}, {@code {"or": [...]}}, {@code {"not": {...}}},
 * {@code {"tag": "id"}}, and comparisons {@code {"feature": "spend", "days": 30, "category": "shoes",
 * "op": "gte", "value": "CNY 500"}} with ops {@code eq ne lt lte gt gte between in present}.
 */
public final class RuleParser {

    private static final Map<String, Rule.Op> OPS = Map.of("eq", Rule.Op.EQ, "ne", Rule.Op.NE, "lt", Rule.Op.LT,
            "lte", Rule.Op.LTE, "gt", Rule.Op.GT, "gte", Rule.Op.GTE, "between", Rule.Op.BETWEEN, "in", Rule.Op.IN,
            "present", Rule.Op.PRESENT);
    private static final List<String> SCOPES = List.of("category", "brand", "store", "counter");
    private static final Map<String, String> CHURN = Map.of("active", "ACTIVE", "at-risk", "AT_RISK",
            "sleeping", "SLEEPING", "lost", "LOST");

    private final FeatureCatalogue features;
    private final RuleLimits limits;

    private RuleParser(FeatureCatalogue features, RuleLimits limits) {
        this.features = features;
        this.limits = limits;
    }

    /** A parser over {@code features} with {@code limits}. */
    public static RuleParser of(FeatureCatalogue features, RuleLimits limits) {
        return new RuleParser(Objects.requireNonNull(features, "features"), Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Reads the rule at {@code node}.
     *
     * @throws ConfigException at the first unknown node, feature, parameter or operator, wrong
     *     constant type, or exceeded limit, naming its pointer
     */
    public Rule parse(ConfigNode node) {
        int[] count = {0};
        return parse(node, 1, count, node);
    }

    private Rule parse(ConfigNode node, int depth, int[] count, ConfigNode root) {
        if (depth > limits.maxDepth()) {
            throw node.error("expression too deep: more than " + limits.maxDepth() + " levels");
        }
        if (++count[0] > limits.maxNodes()) {
            throw root.error("expression too large: more than " + limits.maxNodes() + " nodes");
        }
        if (!node.isObject()) {
            throw node.error("expected a rule object but found " + node);
        }
        if (node.has("and") || node.has("or")) {
            String kind = node.has("and") ? "and" : "or";
            node.fields(kind);
            List<Rule> parts = new ArrayList<>();
            for (ConfigNode child : node.required(kind).elements()) {
                parts.add(parse(child, depth + 1, count, root));
            }
            return kind.equals("and") ? new Rule.And(parts) : new Rule.Or(parts);
        }
        if (node.has("not")) {
            node.fields("not");
            return new Rule.Not(parse(node.required("not"), depth + 1, count, root));
        }
        if (node.has("tag")) {
            node.fields("tag");
            return new Rule.HasTag(node.required("tag").as(n -> TagId.of(n.asText())));
        }
        if (node.has("feature")) {
            return comparison(node);
        }
        throw node.error("expected one of and, or, not, tag, feature but found " + node.fieldNames());
    }

    private Rule comparison(ConfigNode node) {
        node.fields("feature", "days", "category", "brand", "store", "counter", "community", "op", "value");
        ConfigNode name = node.required("feature");
        FeatureDefinition def = features.find(name.asText())
                .orElseThrow(() -> name.error("unknown feature '" + name.asText() + "'; known: " + features.all().keySet()));
        int days = 0;
        if (node.has("days")) {
            if (!def.accepts(FeatureParameter.DAYS)) {
                throw node.required("days").error("feature '" + def.name() + "' takes no days");
            }
            ConfigNode d = node.required("days");
            days = d.asInt();
            if (days < 1 || days > 3_660) {
                throw d.error("expected days within 1..3660 but found " + days);
            }
        } else if (def.required().contains(FeatureParameter.DAYS)) {
            throw node.error("missing required field 'days' for feature '" + def.name() + "'");
        }
        Optional<String> scope = Optional.empty();
        Optional<String> scopeValue = Optional.empty();
        for (String s : SCOPES) {
            if (node.has(s)) {
                if (!def.accepts(FeatureParameter.SCOPE)) {
                    throw node.required(s).error("feature '" + def.name() + "' takes no " + s);
                }
                if (scope.isPresent()) {
                    throw node.required(s).error("at most one of " + SCOPES + " but found " + scope.get() + " and " + s);
                }
                scope = Optional.of(s);
                scopeValue = Optional.of(node.required(s).asNonBlankText());
            }
        }
        if (node.has("community")) {
            if (!def.accepts(FeatureParameter.COMMUNITY)) {
                throw node.required("community").error("feature '" + def.name() + "' takes no community");
            }
            scope = Optional.of("community");
            scopeValue = Optional.of(node.required("community").asNonBlankText());
        } else if (def.required().contains(FeatureParameter.COMMUNITY)) {
            throw node.error("missing required field 'community' for feature '" + def.name() + "'");
        }
        FeatureRef ref = new FeatureRef(def.name(), days, scope, scopeValue);
        ConfigNode opNode = node.required("op");
        Rule.Op op = opNode.asOneOf(OPS);
        FeatureType type = def.type();
        if (!type.isOrdered() && (op == Rule.Op.LT || op == Rule.Op.LTE || op == Rule.Op.GT || op == Rule.Op.GTE
                || op == Rule.Op.BETWEEN)) {
            throw opNode.error("wrong type: op '" + opNode.asText() + "' needs an ordered feature but '" + def.name()
                    + "' is " + type.name().toLowerCase(Locale.ROOT));
        }
        List<Operand> values = new ArrayList<>();
        switch (op) {
            case PRESENT -> {
                if (node.has("value")) {
                    throw node.required("value").error("op 'present' takes no value");
                }
            }
            case BETWEEN -> {
                List<ConfigNode> pair = node.required("value").elements();
                if (pair.size() != 2) {
                    throw node.required("value").error("expected [low, high] but found " + pair.size() + " values");
                }
                values.add(operand(pair.get(0), def));
                values.add(operand(pair.get(1), def));
                if (values.get(0).getClass() != values.get(1).getClass()) {
                    throw node.required("value").error("expected both bounds of the same kind (dates or daysAgo)");
                }
            }
            case IN -> {
                List<ConfigNode> set = node.required("value").elements();
                if (set.isEmpty() || set.size() > limits.maxSetSize()) {
                    throw node.required("value").error("expected 1.." + limits.maxSetSize() + " values but found " + set.size());
                }
                for (ConfigNode v : set) {
                    Operand o = operand(v, def);
                    if (!values.isEmpty() && values.get(0).getClass() != o.getClass()) {
                        throw v.error("expected all values of the same kind (dates or daysAgo)");
                    }
                    values.add(o);
                }
            }
            default -> values.add(operand(node.required("value"), def));
        }
        return new Rule.Compare(ref, op, values);
    }

    private Operand operand(ConfigNode v, FeatureDefinition def) {
        return switch (def.type()) {
            case NUMBER -> new Operand.Num(v.asLong());
            case MONEY -> new Operand.Num(v.asMoney(Money.CNY).minor());
            case FLAG -> new Operand.Flag(v.asBoolean());
            case DATE -> {
                if (v.isObject()) {
                    v.fields("daysAgo");
                    ConfigNode d = v.required("daysAgo");
                    yield d.as(n -> new Operand.DaysAgo(n.asInt()));
                }
                yield new Operand.Date(v.asDate());
            }
            case CODE -> {
                String text = v.asNonBlankText();
                if (def.name().equals("churn_level")) {
                    String level = CHURN.get(text);
                    if (level == null) {
                        throw v.error("expected one of " + new java.util.TreeSet<>(CHURN.keySet()) + " but found \"" + text + "\"");
                    }
                    yield new Operand.Code(level);
                }
                yield new Operand.Code(text);
            }
        };
    }
}
