package dev.siyu.core.tier;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the version 1 JSON schema of a tier ladder (see {@link TierProgram#fromJson(String)}). */
final class TierLadderJson {

    private TierLadderJson() {
    }

    static TierProgram read(ConfigNode root) {
        root.fields("schemaVersion", "currency", "zone", "metric", "window", "grace", "downgrade", "idempotency", "tiers");
        ConfigNode version = root.required("schemaVersion");
        if (version.asLong() != 1) {
            throw version.error("expected schemaVersion 1 but found " + version);
        }
        Currency currency = root.optional("currency").map(ConfigNode::asCurrency).orElse(Money.CNY);
        ZoneId zone = root.optional("zone").map(ConfigNode::asZone).orElse(dev.siyu.core.time.BusinessClock.SHANGHAI);
        Metric metric = root.required("metric").asEnum(Metric.class);
        TierProgram.Builder builder = TierProgram.builder()
                .currency(currency)
                .zone(zone)
                .metric(metric)
                .window(window(root.required("window")));
        root.optional("grace").ifPresent(g -> builder.grace(grace(g)));
        root.optional("downgrade").ifPresent(d -> builder.downgrade(d.asEnum(DowngradeRule.class)));
        root.optional("idempotency").ifPresent(i -> builder.idempotencyWindow(IdempotencyWindow.from(i)));
        List<ConfigNode> nodes = root.required("tiers").elements();
        List<Tier> tiers = new ArrayList<>(nodes.size());
        for (ConfigNode node : nodes) {
            tiers.add(tier(node, metric, currency));
        }
        TierProgram.check(tiers, TierProgram.amountFormat(metric, currency), (i, field, problem) -> i < 0
                ? root.required("tiers").error("expected " + problem)
                : nodes.get(i).required(field).error(field + " must be " + problem));
        tiers.forEach(builder::tier);
        return builder.build();
    }

    private static QualificationWindow window(ConfigNode node) {
        node.fields("kind", "days", "months");
        String kind = node.required("kind").asOneOf(Map.of(
                "rolling", "rolling", "calendar-year", "calendar-year", "anniversary-year", "anniversary-year"));
        if (!kind.equals("rolling")) {
            for (String field : List.of("days", "months")) {
                if (node.has(field)) {
                    throw node.required(field).error("unexpected field '" + field + "' for a " + kind + " window");
                }
            }
            return kind.equals("calendar-year") ? QualificationWindow.calendarYear() : QualificationWindow.anniversaryYear();
        }
        if (node.has("days") == node.has("months")) {
            throw node.error("expected exactly one of 'days' or 'months' for a rolling window");
        }
        return node.has("days")
                ? node.required("days").as(n -> QualificationWindow.rollingDays(n.asInt()))
                : node.required("months").as(n -> QualificationWindow.rollingMonths(n.asInt()));
    }

    private static Period grace(ConfigNode node) {
        node.fields("days", "months");
        int days = node.optional("days").map(TierLadderJson::nonNegativeInt).orElse(0);
        int months = node.optional("months").map(TierLadderJson::nonNegativeInt).orElse(0);
        return Period.of(0, months, days);
    }

    private static int nonNegativeInt(ConfigNode node) {
        int value = node.asInt();
        if (value < 0) {
            throw node.error("expected a whole number >= 0 but found " + value);
        }
        return value;
    }

    private static Tier tier(ConfigNode node, Metric metric, Currency currency) {
        node.fields("id", "name", "threshold", "retention", "benefits");
        TierId id = node.required("id").as(n -> TierId.of(n.asText()));
        String name = node.required("name").asNonBlankText();
        ConfigNode thresholdNode = node.required("threshold");
        long threshold = amount(thresholdNode, metric, currency);
        long retention = threshold;
        Optional<ConfigNode> retentionNode = node.optional("retention");
        if (retentionNode.isPresent()) {
            retention = amount(retentionNode.get(), metric, currency);
            if (retention > threshold) {
                throw retentionNode.get().error("retention must be <= threshold " + thresholdNode + ": "
                        + retentionNode.get());
            }
        }
        TierBenefits benefits = node.optional("benefits").map(TierLadderJson::benefits).orElse(TierBenefits.none());
        return new Tier(id, name, threshold, retention, benefits);
    }

    private static long amount(ConfigNode node, Metric metric, Currency currency) {
        long value = metric == Metric.SPEND ? node.asMoney(currency).minor() : node.asLong();
        if (value < 0) {
            throw node.error("expected an amount >= 0 but found " + node);
        }
        return value;
    }

    private static TierBenefits benefits(ConfigNode node) {
        node.fields("earnMultiplier", "birthdayPoints", "birthdayCoupon", "coupons");
        TierBenefits benefits = TierBenefits.none();
        Optional<ConfigNode> multiplier = node.optional("earnMultiplier");
        if (multiplier.isPresent()) {
            BigDecimal factor = multiplier.get().asDecimal();
            benefits = multiplier.get().as(n -> TierBenefits.none().withEarnMultiplier(factor));
        }
        Optional<ConfigNode> points = node.optional("birthdayPoints");
        long birthdayPoints = 0;
        if (points.isPresent()) {
            birthdayPoints = points.get().asLong();
            if (birthdayPoints < 0) {
                throw points.get().error("expected points >= 0 but found " + birthdayPoints);
            }
        }
        Optional<CouponTemplateId> birthdayCoupon = node.optional("birthdayCoupon")
                .map(n -> n.as(c -> CouponTemplateId.of(c.asText())));
        List<CouponTemplateId> coupons = new ArrayList<>();
        for (ConfigNode coupon : node.optional("coupons").map(ConfigNode::elements).orElse(List.of())) {
            CouponTemplateId template = coupon.as(c -> CouponTemplateId.of(c.asText()));
            if (coupons.contains(template)) {
                throw coupon.error("coupons must not repeat a template: " + template);
            }
            coupons.add(template);
        }
        return benefits.withBirthdayGift(birthdayPoints, birthdayCoupon).withCoupons(coupons);
    }
}
