package dev.siyu.attribution.commission;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.money.Money;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;


/**
 * Reads commission plan documents, schema version 1, into {@link CommissionPlan.Builder} calls.
 * Every error names the JSON pointer; nothing half-built escapes.
 */
final class PlanJson {

    private static final Map<String, RoundingMode> ROUNDING = Map.of("half-up", RoundingMode.HALF_UP,
            "half-even", RoundingMode.HALF_EVEN, "down", RoundingMode.DOWN, "up", RoundingMode.UP,
            "floor", RoundingMode.FLOOR, "ceiling", RoundingMode.CEILING, "half-down", RoundingMode.HALF_DOWN);

    private PlanJson() {
    }

    static CommissionPlan parse(String json) {
        ConfigNode root = ConfigNode.parse(json);
        root.fields("schemaVersion", "currency", "rounding", "defaultRate", "rules", "levels", "monthlyTiers",
                "monthlyCap", "minimumPayout", "returnWindowDays", "zone", "pendingOnDeparture");
        ConfigNode version = root.required("schemaVersion");
        if (version.asInt() != 1) {
            throw version.error("expected schemaVersion 1 but found " + version);
        }
        CommissionPlan.Builder b = CommissionPlan.builder();
        Currency currency = root.optional("currency").map(n -> n.as(c -> Currency.getInstance(c.asText())))
                .orElse(Money.CNY);
        b.currency(currency);
        root.optional("rounding").ifPresent(n -> b.rounding(n.asOneOf(ROUNDING)));
        root.optional("defaultRate").ifPresent(n -> n.as(r -> b.defaultPercent(r.asDecimal())));
        root.optional("rules").ifPresent(rules -> {
            for (ConfigNode rule : rules.elements()) {
                rule.fields("sku", "brand", "category", "rate", "fixedPerUnit");
                List<String> targets = new ArrayList<>();
                for (String t : List.of("sku", "brand", "category")) {
                    if (rule.has(t)) {
                        targets.add(t);
                    }
                }
                if (targets.size() != 1) {
                    throw rule.error("expected exactly one of sku, brand, category but found " + targets);
                }
                RateRule.Target target = RateRule.Target.valueOf(targets.get(0).toUpperCase(java.util.Locale.ROOT));
                String id = rule.required(targets.get(0)).asNonBlankText();
                if (rule.has("rate") == rule.has("fixedPerUnit")) {
                    throw rule.error("expected exactly one of rate and fixedPerUnit");
                }
                RateRule parsed = rule.has("rate")
                        ? rule.required("rate").as(r -> RateRule.percent(target, id, r.asDecimal()))
                        : rule.required("fixedPerUnit").as(f -> RateRule.fixed(target, id, f.asMoney(currency)));
                rule.as(r -> b.rule(parsed));
            }
        });
        root.optional("levels").ifPresent(levels -> {
            List<ConfigNode> items = levels.elements();
            if (items.isEmpty() || items.size() > 2) {
                throw levels.error("expected 1 or 2 levels (at most two levels of distribution are legal) but found "
                        + items.size());
            }
            long[] shares = new long[items.size()];
            for (int i = 0; i < shares.length; i++) {
                ConfigNode level = items.get(i).fields("share");
                shares[i] = level.required("share").asLong();
                if (shares[i] <= 0) {
                    throw level.required("share").error("expected a share > 0 but found " + shares[i]);
                }
            }
            b.levels(shares);
        });
        root.optional("monthlyTiers").ifPresent(tiers -> {
            tiers.fields("method", "bands");
            TierMethod method = tiers.required("method").asEnum(TierMethod.class);
            List<TierBand> bands = new ArrayList<>();
            for (ConfigNode band : tiers.required("bands").elements()) {
                band.fields("from", "to", "rate");
                bands.add(band.as(n -> new TierBand(n.required("from").asMoney(currency),
                        n.optional("to").map(t -> t.asMoney(currency)), n.required("rate").asDecimal())));
            }
            List<ConfigNode> nodes = tiers.required("bands").elements();
            try {
                CommissionPlan.builder().currency(currency).tiers(method, bands).build();
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                int at = indexIn(e.getMessage(), nodes.size());
                throw (at >= 0 ? nodes.get(at) : tiers.required("bands")).error(e.getMessage());
            }
            b.tiers(method, bands);
        });
        root.optional("monthlyCap").ifPresent(n -> n.as(c -> b.monthlyCap(c.asMoney(currency))));
        root.optional("minimumPayout").ifPresent(n -> n.as(c -> b.minimumPayout(c.asMoney(currency))));
        root.optional("returnWindowDays").ifPresent(n -> n.as(d -> b.returnWindowDays(d.asInt())));
        root.optional("zone").ifPresent(n -> {
            try {
                b.zone(ZoneId.of(n.asText()));
            } catch (DateTimeException e) {
                throw n.error("expected a zone id like Asia/Shanghai but found \"" + n.asText() + "\"");
            }
        });
        root.optional("pendingOnDeparture").ifPresent(n -> b.pendingOnDeparture(n.asEnum(PendingOnDeparture.class)));
        return root.as(r -> b.build());
    }

    private static int indexIn(String message, int size) {
        for (int i = size - 1; i >= 0; i--) {
            if (message.contains("tiers[" + i + "]")) {
                return i;
            }
        }
        return message.contains("last band") ? size - 1 : -1;
    }

}
