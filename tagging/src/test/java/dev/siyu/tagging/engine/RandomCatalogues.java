package dev.siyu.tagging.engine;

import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagDefinition;
import dev.siyu.tagging.catalogue.TagGroup;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.catalogue.TagKind;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.rule.Operand;
import dev.siyu.tagging.rule.Rule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Random catalogues over a few built-in features with small value domains, so that rules often match. */
final class RandomCatalogues {

    static final String[] REGIONS = {"东北", "华南", "华东", "华北", "西南"};
    static final String[] TIERS = {"BASIC", "SILVER", "GOLD"};
    static final String[] CATEGORIES = {"shoes", "bags", "cosmetics"};
    static final String[] COMMUNITIES = {"c1", "c2"};

    private RandomCatalogues() {
    }

    /** A feature reference and its kind: 'n' number, 'm' money, 'c' region, 't' tier, 'f' flag, 'd' date. */
    record Feature(FeatureRef ref, char kind) {
    }

    static final List<Feature> FEATURES = List.of(
            new Feature(FeatureRef.of("points_balance"), 'n'),
            new Feature(FeatureRef.window("spend", 365), 'm'),
            new Feature(FeatureRef.scoped("spend", 90, "category", "shoes"), 'm'),
            new Feature(FeatureRef.scoped("spend", 90, "category", "bags"), 'm'),
            new Feature(FeatureRef.window("orders", 90), 'n'),
            new Feature(FeatureRef.of("days_since_last_purchase"), 'n'),
            new Feature(FeatureRef.of("birthday_month"), 'n'),
            new Feature(FeatureRef.of("region"), 'c'),
            new Feature(FeatureRef.of("tier"), 't'),
            new Feature(FeatureRef.scoped("in_community", 0, "community", "c1"), 'f'),
            new Feature(FeatureRef.of("first_purchase_date"), 'd'));

    static long number(RandomGenerator r, char kind) {
        return switch (kind) {
            case 'm' -> 10_000L * r.nextInt(8);
            case 'd' -> LocalDate.of(2026, 6, 1).toEpochDay() + r.nextInt(40) * 10L;
            default -> r.nextInt(13);
        };
    }

    static Rule compare(RandomGenerator r) {
        Feature f = FEATURES.get(r.nextInt(FEATURES.size()));
        switch (f.kind()) {
            case 'c', 't' -> {
                String[] dom = f.kind() == 'c' ? REGIONS : TIERS;
                if (r.nextBoolean()) {
                    return new Rule.Compare(f.ref(), r.nextBoolean() ? Rule.Op.EQ : Rule.Op.NE,
                            List.of(new Operand.Code(dom[r.nextInt(dom.length)])));
                }
                List<Operand> set = new ArrayList<>();
                for (int i = 0; i <= r.nextInt(3); i++) {
                    set.add(new Operand.Code(dom[r.nextInt(dom.length)]));
                }
                return new Rule.Compare(f.ref(), Rule.Op.IN, set);
            }
            case 'f' -> {
                return new Rule.Compare(f.ref(), Rule.Op.EQ, List.of(new Operand.Flag(r.nextBoolean())));
            }
            case 'd' -> {
                Rule.Op[] ops = {Rule.Op.GTE, Rule.Op.LT, Rule.Op.BETWEEN, Rule.Op.EQ};
                Rule.Op op = ops[r.nextInt(ops.length)];
                if (r.nextBoolean()) {
                    int a = r.nextInt(40) * 10;
                    List<Operand> v = op == Rule.Op.BETWEEN
                            ? List.of(new Operand.DaysAgo(a), new Operand.DaysAgo(r.nextInt(40) * 10))
                            : List.of(new Operand.DaysAgo(a));
                    return new Rule.Compare(f.ref(), op, v);
                }
                LocalDate base = LocalDate.of(2026, 6, 1);
                List<Operand> v = op == Rule.Op.BETWEEN
                        ? List.of(new Operand.Date(base.plusDays(r.nextInt(40) * 10L)), new Operand.Date(base.plusDays(r.nextInt(40) * 10L)))
                        : List.of(new Operand.Date(base.plusDays(r.nextInt(40) * 10L)));
                return new Rule.Compare(f.ref(), op, v);
            }
            default -> {
                Rule.Op[] ops = {Rule.Op.EQ, Rule.Op.NE, Rule.Op.LT, Rule.Op.LTE, Rule.Op.GT, Rule.Op.GTE,
                    Rule.Op.BETWEEN, Rule.Op.IN, Rule.Op.PRESENT};
                Rule.Op op = ops[r.nextInt(ops.length)];
                List<Operand> v = switch (op) {
                    case PRESENT -> List.of();
                    case BETWEEN -> List.of(new Operand.Num(number(r, f.kind())), new Operand.Num(number(r, f.kind())));
                    case IN -> List.of(new Operand.Num(number(r, f.kind())), new Operand.Num(number(r, f.kind())));
                    default -> List.of(new Operand.Num(number(r, f.kind())));
                };
                return new Rule.Compare(f.ref(), op, v);
            }
        }
    }

    static Rule rule(RandomGenerator r, int depth, List<TagId> readable) {
        int pick = r.nextInt(depth <= 0 ? 2 : 8);
        if (pick < 2) {
            if (!readable.isEmpty() && r.nextInt(4) == 0) {
                return new Rule.HasTag(readable.get(r.nextInt(readable.size())));
            }
            return compare(r);
        }
        if (pick < 4) {
            return new Rule.Not(rule(r, depth - 1, readable));
        }
        List<Rule> kids = new ArrayList<>();
        for (int i = 0; i < r.nextInt(4); i++) {
            kids.add(rule(r, depth - 1, readable));
        }
        return pick < 6 ? new Rule.And(kids) : new Rule.Or(kids);
    }

    /** Groups g0..gk (random exclusivity) of base tags, and a group "derived" of tags reading base tags. */
    static TagCatalogue catalogue(RandomGenerator r) {
        List<TagGroup> groups = new ArrayList<>();
        List<TagDefinition> tags = new ArrayList<>();
        int groupCount = 1 + r.nextInt(4);
        List<TagId> base = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            groups.add(new TagGroup("g" + g, "g" + g, r.nextBoolean()));
            for (int i = 0; i < 1 + r.nextInt(8); i++) {
                String id = "t" + g + "-" + i;
                TagKind kind = r.nextInt(6) == 0 ? TagKind.MANUAL : TagKind.RULE;
                Optional<LocalDate> from = r.nextInt(6) == 0 ? Optional.of(LocalDate.of(2026, 12, 1)) : Optional.empty();
                tags.add(new TagDefinition(TagId.of(id), id, "g" + g, kind,
                        kind == TagKind.RULE ? Optional.of(rule(r, 3, List.of())) : Optional.empty(), r.nextInt(3), from,
                        Optional.empty()));
                base.add(TagId.of(id));
            }
        }
        groups.add(new TagGroup("derived", "derived", r.nextBoolean()));
        for (int i = 0; i < r.nextInt(4); i++) {
            String id = "d" + i;
            Rule rule = new Rule.And(List.of(new Rule.HasTag(base.get(r.nextInt(base.size()))), rule(r, 2, base)));
            tags.add(new TagDefinition(TagId.of(id), id, "derived", TagKind.RULE, Optional.of(rule), r.nextInt(2),
                    Optional.empty(), Optional.empty()));
        }
        return TagCatalogue.of(1, ZoneId.of("Asia/Shanghai"), FeatureCatalogue.builtIn(), groups, tags, 3_000);
    }

    /** The same catalogue with its groups and tags in another order. */
    static TagCatalogue shuffled(TagCatalogue c, RandomGenerator r) {
        List<TagGroup> groups = new ArrayList<>(c.groups().values());
        List<TagDefinition> tags = new ArrayList<>(c.tags().values());
        Collections.shuffle(groups, new java.util.Random(r.nextLong()));
        Collections.shuffle(tags, new java.util.Random(r.nextLong()));
        return TagCatalogue.of(c.version(), c.zone(), c.features(), groups, tags, 3_000);
    }
}
