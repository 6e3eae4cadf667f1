package dev.siyu.coupons.template;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.SalesChannel;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads coupon templates from a JSON document with {@code "schemaVersion": 1}:
 *
 * <pre>{@code
 * {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai",
 *  "templates": [
 *   {"id": "yoho-1000-10", "name": "跨店满1000减10%",
 *    "benefit": {"type": "percent-off", "percent": 10, "threshold": 1000, "cap": 300},
 *    "eligibility": {"counters": {"include": ["C1", "C2"]}, "channels": ["store"]},
 *    "validity": {"from": "2026-11-20T00:00:00+08:00", "until": "2026-11-23T00:00:00+08:00"},
 *    "stacking": {"group": "mall", "priority": 10},
 *    "limits": {"perMember": 1, "budget": 5000000},
 *    "funding": {"mallPercent": 50},
 *    "refunds": {"restoreOnFullReturn": false, "belowThreshold": "claw-back"}}]}
 * }</pre>
 *
 * Benefit types: {@code amount-off} ({@code steps: [{threshold, amount}]}), {@code no-threshold}
 * ({@code amount}), {@code percent-off} ({@code percent, threshold?, cap?}), {@code fixed-price}
 * ({@code price}), {@code stored-value} ({@code faceValue, price}), {@code gift} ({@code sku,
 * quantity, value}). Money is a number of the document's currency or a string like {@code "CNY
 * 12.30"}. Unknown fields are rejected; every error is a {@link ConfigException} naming the JSON
 * pointer; nothing half-built is returned. Stateless and thread-safe.
 */
public final class CouponTemplates {

    private static final int SCHEMA_VERSION = 1;

    private CouponTemplates() {
    }

    /**
     * Parses a document of templates.
     *
     * @throws ConfigException for any malformed, unknown, contradictory or duplicate value
     */
    public static List<CouponTemplate> parse(String json) {
        ConfigNode root = ConfigNode.parse(json).fields("schemaVersion", "currency", "zone", "templates");
        ConfigNode version = root.required("schemaVersion");
        if (version.asInt() != SCHEMA_VERSION) {
            throw version.error("expected schemaVersion 1 but found " + version);
        }
        Currency currency = root.optional("currency").map(n -> n.as(c -> Currency.getInstance(c.asText())))
                .orElse(Money.CNY);
        ZoneId zone = root.optional("zone").map(n -> n.as(z -> {
            try {
                return ZoneId.of(z.asText());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("zone must be a region id like Asia/Shanghai: " + z.asText(), e);
            }
        })).orElse(ZoneId.of("Asia/Shanghai"));
        List<CouponTemplate> out = new ArrayList<>();
        Set<CouponTemplateId> ids = new HashSet<>();
        for (ConfigNode node : root.required("templates").elements()) {
            CouponTemplate template = template(node, currency, zone);
            if (!ids.add(template.id())) {
                throw node.required("id").error("expected a unique template id but found a duplicate " + template.id());
            }
            out.add(template);
        }
        return List.copyOf(out);
    }

    private static CouponTemplate template(ConfigNode node, Currency currency, ZoneId zone) {
        node.fields("id", "name", "benefit", "eligibility", "validity", "stacking", "limits", "funding", "refunds");
        CouponTemplateId id = node.required("id").as(n -> CouponTemplateId.of(n.asText()));
        CouponTemplate.Builder builder = CouponTemplate.builder(id, benefit(node.required("benefit"), currency));
        node.optional("name").ifPresent(n -> builder.name(n.asNonBlankText()));
        node.optional("eligibility").ifPresent(n -> builder.eligibility(eligibility(n)));
        builder.validity(node.optional("validity").map(n -> validity(n, zone))
                .orElse(Validity.daysAfterIssue(30, zone)));
        node.optional("stacking").ifPresent(n -> builder.stacking(stacking(n)));
        node.optional("limits").ifPresent(n -> builder.limits(limits(n, currency)));
        node.optional("funding").ifPresent(n -> builder.funding(
                n.fields("mallPercent").required("mallPercent").as(p -> new Funding(p.asInt()))));
        node.optional("refunds").ifPresent(n -> builder.refunds(refunds(n)));
        return node.as(n -> builder.build());
    }

    private static Benefit benefit(ConfigNode node, Currency currency) {
        String type = node.required("type").asOneOf(java.util.Map.of("amount-off", "amount-off",
                "no-threshold", "no-threshold", "percent-off", "percent-off", "fixed-price", "fixed-price",
                "stored-value", "stored-value", "gift", "gift"));
        switch (type) {
            case "amount-off" -> {
                node.fields("type", "steps");
                List<Benefit.Step> steps = new ArrayList<>();
                for (ConfigNode step : node.required("steps").elements()) {
                    step.fields("threshold", "amount");
                    steps.add(new Benefit.Step(positive(step.required("threshold"), currency),
                            positive(step.required("amount"), currency)));
                }
                return node.required("steps").as(n -> new Benefit.AmountOff(steps));
            }
            case "no-threshold" -> {
                node.fields("type", "amount");
                return new Benefit.NoThreshold(positive(node.required("amount"), currency));
            }
            case "percent-off" -> {
                node.fields("type", "percent", "threshold", "cap");
                ConfigNode percentNode = node.required("percent");
                BigDecimal percent = percentNode.asDecimal();
                if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw percentNode.error("expected a percent > 0 and <= 100 but found " + percent.toPlainString());
                }
                Optional<Money> threshold = node.optional("threshold").map(n -> positive(n, currency));
                Optional<Money> cap = node.optional("cap").map(n -> positive(n, currency));
                return new Benefit.PercentOff(percent, threshold, cap, currency);
            }
            case "fixed-price" -> {
                node.fields("type", "price");
                ConfigNode price = node.required("price");
                return price.as(n -> new Benefit.FixedPrice(price.asMoney(currency)));
            }
            case "stored-value" -> {
                node.fields("type", "faceValue", "price");
                Money face = positive(node.required("faceValue"), currency);
                ConfigNode price = node.required("price");
                return price.as(n -> new Benefit.StoredValue(face, n.asMoney(currency)));
            }
            default -> {
                node.fields("type", "sku", "quantity", "value");
                return node.as(n -> new Benefit.Gift(SkuId.of(n.required("sku").asText()),
                        n.optional("quantity").map(ConfigNode::asInt).orElse(1),
                        n.optional("value").map(v -> v.asMoney(currency)).orElse(Money.zero(currency))));
            }
        }
    }

    private static Money positive(ConfigNode node, Currency currency) {
        Money money = node.asMoney(currency);
        if (!money.isPositive()) {
            throw node.error("expected an amount > 0 but found " + money);
        }
        return money;
    }

    private static Eligibility eligibility(ConfigNode node) {
        node.fields("members", "tiers", "tags", "channels", "stores", "counters", "brands", "categories", "skus",
                "minQuantity");
        Eligibility e = Eligibility.everyone();
        if (node.has("members")) {
            e = e.withMembers(node.required("members").asEnum(MemberKind.class));
        }
        if (node.has("tiers")) {
            e = e.withTiers(set(node.required("tiers"), n -> TierId.of(n.asText())));
        }
        if (node.has("tags")) {
            e = e.withTags(set(node.required("tags"), ConfigNode::asNonBlankText));
        }
        if (node.has("channels")) {
            Set<SalesChannel> channels = set(node.required("channels"), n -> n.asEnum(SalesChannel.class));
            e = e.withChannels(channels);
        }
        if (node.has("stores")) {
            e = e.withStores(scope(node.required("stores"), StoreId::of));
        }
        if (node.has("counters")) {
            e = e.withCounters(scope(node.required("counters"), CounterId::of));
        }
        if (node.has("brands")) {
            e = e.withBrands(scope(node.required("brands"), BrandId::of));
        }
        if (node.has("categories")) {
            e = e.withCategories(scope(node.required("categories"), CategoryId::of));
        }
        if (node.has("skus")) {
            e = e.withSkus(scope(node.required("skus"), SkuId::of));
        }
        if (node.has("minQuantity")) {
            ConfigNode min = node.required("minQuantity");
            int value = min.asInt();
            if (value < 0) {
                throw min.error("expected a quantity >= 0 but found " + value);
            }
            e = e.withMinQuantity(value);
        }
        return e;
    }

    private static <T> Set<T> set(ConfigNode array, Function<ConfigNode, T> element) {
        Set<T> out = new LinkedHashSet<>();
        for (ConfigNode n : array.elements()) {
            if (!out.add(n.as(element))) {
                throw n.error("expected distinct values but found a duplicate " + n);
            }
        }
        return out;
    }

    private static <T> Scope<T> scope(ConfigNode node, Function<String, T> id) {
        node.fields("include", "exclude");
        Set<T> include = node.optional("include").map(n -> set(n, e -> id.apply(e.asText()))).orElse(Set.of());
        Set<T> exclude = node.optional("exclude").map(n -> set(n, e -> id.apply(e.asText()))).orElse(Set.of());
        for (ConfigNode n : node.optional("exclude").map(ConfigNode::elements).orElse(List.of())) {
            if (include.contains(id.apply(n.asText()))) {
                throw n.error("expected an id not also included (contradictory eligibility) but found " + n);
            }
        }
        return new Scope<>(include, exclude);
    }

    private static Validity validity(ConfigNode node, ZoneId zone) {
        node.fields("from", "until", "daysAfterIssue", "daysOfWeek", "hours");
        Validity v;
        if (node.has("daysAfterIssue")) {
            if (node.has("from") || node.has("until")) {
                throw node.error("expected either daysAfterIssue or from/until but found both");
            }
            ConfigNode days = node.required("daysAfterIssue");
            v = days.as(n -> Validity.daysAfterIssue(n.asInt(), zone));
        } else {
            Instant from = instant(node.required("from"));
            ConfigNode untilNode = node.required("until");
            Instant until = instant(untilNode);
            if (!until.isAfter(from)) {
                throw untilNode.error("expected an instant after from " + from + " but found " + until);
            }
            v = Validity.between(from, until, zone);
        }
        if (node.has("daysOfWeek")) {
            Set<DayOfWeek> days = set(node.required("daysOfWeek"), n -> n.asEnum(DayOfWeek.class));
            if (days.isEmpty()) {
                throw node.required("daysOfWeek").error("expected at least one day but found none");
            }
            v = v.onDays(days);
        }
        if (node.has("hours")) {
            ConfigNode hours = node.required("hours").fields("from", "until");
            LocalTime start = time(hours.required("from"));
            ConfigNode endNode = hours.required("until");
            LocalTime end = time(endNode);
            if (!end.isAfter(start)) {
                throw endNode.error("expected a time after " + start + " but found " + end);
            }
            v = v.duringHours(start, end);
        }
        return v;
    }

    private static Instant instant(ConfigNode node) {
        return node.as(n -> {
            try {
                return OffsetDateTime.parse(n.asText()).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("expected an ISO instant with offset like 2026-11-20T00:00:00+08:00 but found "
                        + n, e);
            }
        });
    }

    private static LocalTime time(ConfigNode node) {
        return node.as(n -> {
            try {
                return LocalTime.parse(n.asText());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("expected a time like 10:00 but found " + n, e);
            }
        });
    }

    private static Stacking stacking(ConfigNode node) {
        node.fields("exclusive", "group", "priority", "perOrder");
        boolean exclusive = node.optional("exclusive").map(ConfigNode::asBoolean).orElse(false);
        Optional<String> group = node.optional("group").map(ConfigNode::asNonBlankText);
        int priority = node.optional("priority").map(ConfigNode::asInt).orElse(0);
        if (exclusive && group.isPresent()) {
            throw node.required("group").error("expected no group on an exclusive coupon but found " + group.get());
        }
        return node.optional("perOrder").map(n -> n.as(p -> new Stacking(exclusive, group, priority, p.asInt())))
                .orElse(new Stacking(exclusive, group, priority, 1));
    }

    private static Limits limits(ConfigNode node, Currency currency) {
        node.fields("perMember", "issuedTotal", "redeemedTotal", "budget");
        int perMember = nonNegative(node, "perMember");
        long issued = nonNegative(node, "issuedTotal");
        long redeemed = nonNegative(node, "redeemedTotal");
        Optional<Money> budget = node.optional("budget").map(n -> positive(n, currency));
        return new Limits(perMember, issued, redeemed, budget);
    }

    private static int nonNegative(ConfigNode node, String field) {
        if (!node.has(field)) {
            return 0;
        }
        ConfigNode n = node.required(field);
        int value = n.asInt();
        if (value < 0) {
            throw n.error("expected a count >= 0 but found " + value);
        }
        return value;
    }

    private static RefundPolicy refunds(ConfigNode node) {
        node.fields("restoreOnFullReturn", "belowThreshold");
        boolean restore = node.optional("restoreOnFullReturn").map(ConfigNode::asBoolean).orElse(true);
        RefundPolicy.ThresholdPolicy policy = node.optional("belowThreshold")
                .map(n -> n.asEnum(RefundPolicy.ThresholdPolicy.class))
                .orElse(RefundPolicy.ThresholdPolicy.KEEP_DISCOUNT);
        return new RefundPolicy(restore, policy);
    }
}
