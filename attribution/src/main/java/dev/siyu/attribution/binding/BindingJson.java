package dev.siyu.attribution.binding;

import dev.siyu.core.json.ConfigNode;
import java.time.Duration;

/** Reads binding policy documents, schema version 1. */
final class BindingJson {

    private BindingJson() {
    }

    static BindingPolicy parse(String json) {
        ConfigNode root = ConfigNode.parse(json);
        root.fields("schemaVersion", "mode", "protectionDays", "validityDays", "exclusivePer", "onDuty");
        ConfigNode version = root.required("schemaVersion");
        if (version.asInt() != 1) {
            throw version.error("expected schemaVersion 1 but found " + version);
        }
        BindingPolicy.Builder b = BindingPolicy.builder();
        root.optional("mode").ifPresent(n -> b.mode(n.asEnum(BindingMode.class)));
        root.optional("protectionDays").ifPresent(n -> n.as(d -> b.protection(days(d.asInt()))));
        root.optional("validityDays").ifPresent(n -> n.as(d -> b.validity(days(d.asInt()))));
        root.optional("exclusivePer").ifPresent(n -> b.exclusivePer(n.asEnum(BindingScope.Kind.class)));
        root.optional("onDuty").ifPresent(n -> {
            n.fields("takeoverHours", "limit", "windowDays");
            Duration takeover = n.optional("takeoverHours").map(h -> Duration.ofHours(h.asInt())).orElse(Duration.ofHours(24));
            int limit = n.optional("limit").map(ConfigNode::asInt).orElse(2);
            Duration window = n.optional("windowDays").map(d -> days(d.asInt())).orElse(Duration.ofDays(90));
            n.as(x -> b.onDutyLimits(takeover, limit, window));
        });
        return root.as(r -> b.build());
    }

    private static Duration days(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0: " + days);
        }
        return Duration.ofDays(days);
    }
}
