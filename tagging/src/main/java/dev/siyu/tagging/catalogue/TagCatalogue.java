package dev.siyu.tagging.catalogue;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.FeatureDefinition;
import dev.siyu.tagging.feature.FeatureType;
import dev.siyu.tagging.rule.Rule;
import dev.siyu.tagging.rule.RuleLimits;
import dev.siyu.tagging.rule.RuleParser;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A validated, versioned catalogue of tags in groups, over a {@link FeatureCatalogue}. Immutable and
 * thread-safe; compile it with {@code TagEngine.compile}.
 *
 * <p>Checked on construction: unique group and tag ids, every tag in a declared group, at most
 * {@code maxTags} tags (3,000 by default, WeCom's corp-tag limit), every tag reference resolved,
 * no cycle between tags, and no tag rule reading a tag of an exclusive group whose own members read
 * tags (so a group is decided before anything reads it). JSON documents are read by
 * {@link #parse(String, FeatureCatalogue)}; a bad document fails with a {@link ConfigException} naming
 * the JSON pointer, and no catalogue is built.
 *
 * @see <a href="package-summary.html">the document shape</a>
 */
public final class TagCatalogue {

    /** The default limit on the number of tags. */
    public static final int DEFAULT_MAX_TAGS = 3_000;

    private final long version;
    private final ZoneId zone;
    private final FeatureCatalogue features;
    private final Map<String, TagGroup> groups;
    private final Map<TagId, TagDefinition> tags;

    private TagCatalogue(long version, ZoneId zone, FeatureCatalogue features, Map<String, TagGroup> groups,
            Map<TagId, TagDefinition> tags) {
        this.version = version;
        this.zone = zone;
        this.features = features;
        this.groups = groups;
        this.tags = tags;
    }

    /**
     * A catalogue of {@code tags} in {@code groups}.
     *
     * @throws IllegalArgumentException naming the tag or group at fault when a check fails
     */
    public static TagCatalogue of(long version, ZoneId zone, FeatureCatalogue features, List<TagGroup> groups,
            List<TagDefinition> tags, int maxTags) {
        return build(version, zone, features, groups, tags, maxTags, (i, msg) -> new IllegalArgumentException(msg));
    }

    private static TagCatalogue build(long version, ZoneId zone, FeatureCatalogue features, List<TagGroup> groups,
            List<TagDefinition> tags, int maxTags, BiFunction<Integer, String, RuntimeException> error) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(features, "features");
        if (version < 0) {
            throw new IllegalArgumentException("version must be non-negative: " + version);
        }
        if (maxTags < 1 || maxTags > 100_000) {
            throw new IllegalArgumentException("maxTags must be within 1..100000: " + maxTags);
        }
        if (tags.size() > maxTags) {
            throw error.apply(-1, "catalogue over its limit: " + tags.size() + " tags, at most " + maxTags);
        }
        Map<String, TagGroup> g = new LinkedHashMap<>();
        for (TagGroup group : groups) {
            if (g.putIfAbsent(group.id(), group) != null) {
                throw new IllegalArgumentException("group id must be unique: " + group.id());
            }
        }
        Map<TagId, TagDefinition> t = new LinkedHashMap<>();
        Map<TagId, Integer> index = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            TagDefinition tag = tags.get(i);
            if (!g.containsKey(tag.group())) {
                throw error.apply(i, "tag " + tag.id() + " names an unknown group '" + tag.group() + "'");
            }
            if (t.putIfAbsent(tag.id(), tag) != null) {
                throw error.apply(i, "tag id must be unique: " + tag.id());
            }
            index.put(tag.id(), i);
        }
        // references resolve, then no cycle
        Map<TagId, Set<TagId>> refs = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            TagDefinition tag = tags.get(i);
            Set<TagId> r = new HashSet<>();
            tag.rule().ifPresent(rule -> collectRefs(rule, r));
            for (TagId ref : r) {
                if (!t.containsKey(ref)) {
                    throw error.apply(i, "tag " + tag.id() + " reads unknown tag '" + ref + "'");
                }
            }
            refs.put(tag.id(), r);
        }
        Map<TagId, Integer> state = new HashMap<>();
        for (TagDefinition tag : tags) {
            List<TagId> path = new ArrayList<>();
            Optional<List<TagId>> cycle = findCycle(tag.id(), refs, state, path);
            if (cycle.isPresent()) {
                throw error.apply(index.get(cycle.get().get(0)), "cycle between derived tags: " + cycle.get());
            }
        }
        Set<String> groupsWithDerived = new HashSet<>();
        for (TagDefinition tag : tags) {
            if (!refs.get(tag.id()).isEmpty()) {
                groupsWithDerived.add(tag.group());
            }
        }
        for (int i = 0; i < tags.size(); i++) {
            for (TagId ref : refs.get(tags.get(i).id())) {
                TagDefinition target = t.get(ref);
                if (g.get(target.group()).exclusive() && groupsWithDerived.contains(target.group())) {
                    throw error.apply(i, "tag " + tags.get(i).id() + " reads " + ref
                            + " of exclusive group '" + target.group() + "' whose tags read tags themselves");
                }
            }
        }
        return new TagCatalogue(version, zone, features, Collections.unmodifiableMap(g), Collections.unmodifiableMap(t));
    }

    private static Optional<List<TagId>> findCycle(TagId at, Map<TagId, Set<TagId>> refs, Map<TagId, Integer> state,
            List<TagId> path) {
        Integer s = state.get(at);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null && s == 1) {
            List<TagId> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
            cycle.add(at);
            return Optional.of(cycle);
        }
        state.put(at, 1);
        path.add(at);
        for (TagId next : refs.get(at)) {
            Optional<List<TagId>> c = findCycle(next, refs, state, path);
            if (c.isPresent()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        state.put(at, 2);
        return Optional.empty();
    }

    /** Adds the tags {@code rule} reads to {@code out}. */
    public static void collectRefs(Rule rule, Set<TagId> out) {
        if (rule instanceof Rule.And a) {
            a.all().forEach(r -> collectRefs(r, out));
        } else if (rule instanceof Rule.Or o) {
            o.any().forEach(r -> collectRefs(r, out));
        } else if (rule instanceof Rule.Not n) {
            collectRefs(n.rule(), out);
        } else if (rule instanceof Rule.HasTag h) {
            out.add(h.tag());
        }
    }

    /**
     * Reads a catalogue document over the built-in features plus those the document declares.
     *
     * <pre>{@code
     * {"schemaVersion": 1, "version": 3, "zone": "Asia/Shanghai", "maxTags": 3000,
     *  "features": [{"name": "vip_score", "type": "number", "sensitive": false}],
     *  "groups": [{"id": "spend-band", "name": "消费档", "exclusive": true, "tags": [
     *     {"id": "spend-high", "name": "高消费", "priority": 2,
     *      "rule": {"feature": "spend", "days": 365, "op": "gte", "value": "CNY 5000"}},
     *     {"id": "vip-by-guide", "kind": "manual"}]}]}
     * }</pre>
     *
     * @param hostFeatures features the host computes, in addition to the built-in ones and those
     *     declared in the document
     * @throws ConfigException naming the JSON pointer of the first problem; nothing is built
     */
    public static TagCatalogue parse(String json, FeatureCatalogue hostFeatures) {
        return parse(json, hostFeatures, RuleLimits.defaults());
    }

    /** As {@link #parse(String, FeatureCatalogue)} with explicit rule limits. */
    public static TagCatalogue parse(String json, FeatureCatalogue hostFeatures, RuleLimits limits) {
        ConfigNode root = ConfigNode.parse(json);
        root.fields("schemaVersion", "version", "zone", "maxTags", "features", "groups");
        ConfigNode sv = root.required("schemaVersion");
        if (sv.asInt() != 1) {
            throw sv.error("expected schemaVersion 1 but found " + sv.asInt());
        }
        long version = root.optional("version").map(ConfigNode::asLong).orElse(0L);
        ZoneId zone = root.optional("zone").map(z -> z.as(n -> {
            try {
                return ZoneId.of(n.asText());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("expected a zone id like Asia/Shanghai but found \"" + n.asText() + "\"");
            }
        })).orElse(ZoneId.of("Asia/Shanghai"));
        int maxTags = root.optional("maxTags").map(ConfigNode::asInt).orElse(DEFAULT_MAX_TAGS);
        if (maxTags < 1 || maxTags > 100_000) {
            throw root.required("maxTags").error("expected maxTags within 1..100000 but found " + maxTags);
        }
        List<FeatureDefinition> declared = new ArrayList<>();
        for (FeatureDefinition f : hostFeatures.all().values()) {
            if (f.host()) {
                declared.add(f);
            }
        }
        Map<String, FeatureType> types = Map.of("number", FeatureType.NUMBER, "money", FeatureType.MONEY,
                "date", FeatureType.DATE, "code", FeatureType.CODE, "flag", FeatureType.FLAG);
        for (ConfigNode f : root.optional("features").map(ConfigNode::elements).orElse(List.of())) {
            f.fields("name", "type", "sensitive");
            FeatureType type = f.required("type").asOneOf(types);
            boolean sensitive = f.optional("sensitive").map(ConfigNode::asBoolean).orElse(false);
            FeatureDefinition def = f.required("name").as(n -> FeatureDefinition.host(n.asText(), type, sensitive));
            declared.add(def);
            try {
                FeatureCatalogue.withHostFeatures(declared);
            } catch (IllegalArgumentException e) {
                throw f.required("name").error(e.getMessage());
            }
        }
        FeatureCatalogue features = FeatureCatalogue.withHostFeatures(declared);
        RuleParser parser = RuleParser.of(features, limits);
        List<TagGroup> groups = new ArrayList<>();
        List<TagDefinition> tags = new ArrayList<>();
        List<ConfigNode> tagNodes = new ArrayList<>();
        Set<String> groupIds = new HashSet<>();
        Map<String, TagKind> kinds = Map.of("rule", TagKind.RULE, "manual", TagKind.MANUAL, "imported", TagKind.IMPORTED);
        for (ConfigNode gn : root.required("groups").elements()) {
            gn.fields("id", "name", "exclusive", "tags");
            ConfigNode idNode = gn.required("id");
            String gid = idNode.as(n -> TagId.of(n.asText()).value());
            if (!groupIds.add(gid)) {
                throw idNode.error("group id must be unique: " + gid);
            }
            String gname = gn.optional("name").map(ConfigNode::asNonBlankText).orElse(gid);
            groups.add(new TagGroup(gid, gname, gn.optional("exclusive").map(ConfigNode::asBoolean).orElse(false)));
            for (ConfigNode tn : gn.required("tags").elements()) {
                if (tags.size() >= maxTags) {
                    throw tn.error("catalogue over its limit: more than " + maxTags + " tags");
                }
                tn.fields("id", "name", "kind", "priority", "validFrom", "validUntil", "rule");
                TagId id = tn.required("id").as(n -> TagId.of(n.asText()));
                TagKind kind = tn.optional("kind").map(k -> k.asOneOf(kinds)).orElse(TagKind.RULE);
                Optional<Rule> rule = Optional.empty();
                if (kind == TagKind.RULE) {
                    rule = Optional.of(parser.parse(tn.required("rule")));
                } else if (tn.has("rule")) {
                    throw tn.required("rule").error("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " tag has no rule");
                }
                Optional<Rule> r = rule;
                TagDefinition def = tn.as(n -> new TagDefinition(id,
                        n.optional("name").map(ConfigNode::asNonBlankText).orElse(id.value()), gid, kind, r,
                        n.optional("priority").map(ConfigNode::asInt).orElse(0),
                        n.optional("validFrom").map(ConfigNode::asDate),
                        n.optional("validUntil").map(ConfigNode::asDate)));
                tags.add(def);
                tagNodes.add(tn);
            }
        }
        return build(version, zone, features, groups, tags, maxTags, (i, msg) -> {
            if (i < 0) {
                return root.required("groups").error(msg);
            }
            ConfigNode tn = tagNodes.get(i);
            return (tn.has("rule") ? tn.required("rule") : tn.required("id")).error(msg);
        });
    }

    /** The catalogue version, recorded in the provenance of rule tags. */
    public long version() {
        return version;
    }

    /** The zone business dates are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** The features rules may read. */
    public FeatureCatalogue features() {
        return features;
    }

    /** Groups by id, in declaration order. */
    public Map<String, TagGroup> groups() {
        return groups;
    }

    /** Tags by id, in declaration order. */
    public Map<TagId, TagDefinition> tags() {
        return tags;
    }

    /** The tag {@code id}. @throws IllegalArgumentException if unknown */
    public TagDefinition tag(TagId id) {
        TagDefinition t = tags.get(Objects.requireNonNull(id, "id"));
        if (t == null) {
            throw new IllegalArgumentException("tag must be in the catalogue: " + id);
        }
        return t;
    }
}
