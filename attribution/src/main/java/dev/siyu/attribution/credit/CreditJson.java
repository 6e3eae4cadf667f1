package dev.siyu.attribution.credit;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.json.ConfigNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads attribution policy documents, schema version 1. */
final class CreditJson {

    private CreditJson() {
    }

    static AttributionPolicy parse(String json) {
        ConfigNode root = ConfigNode.parse(json);
        root.fields("schemaVersion", "precedence", "split", "sharerWindowDays", "scope", "crossStoreFallback");
        ConfigNode version = root.required("schemaVersion");
        if (version.asInt() != 1) {
            throw version.error("expected schemaVersion 1 but found " + version);
        }
        AttributionPolicy.Builder b = AttributionPolicy.builder();
        root.optional("precedence").ifPresent(n -> {
            List<GuideRole> roles = new ArrayList<>();
            for (ConfigNode role : n.elements()) {
                roles.add(role.asEnum(GuideRole.class));
            }
            n.as(x -> b.precedence(roles.toArray(new GuideRole[0])));
        });
        root.optional("split").ifPresent(n -> {
            Map<GuideRole, Long> weights = new EnumMap<>(GuideRole.class);
            for (String name : n.fieldNames()) {
                GuideRole role = null;
                for (GuideRole r : GuideRole.values()) {
                    if (r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(name)) {
                        role = r;
                    }
                }
                if (role == null) {
                    throw n.required(name).error("expected a role (service, sale, sharer, card-opening) but found '"
                            + name + "'");
                }
                weights.put(role, n.required(name).asLong());
            }
            n.as(x -> b.split(weights));
        });
        root.optional("sharerWindowDays").ifPresent(n -> n.as(d -> b.sharerWindow(Duration.ofDays(d.asInt()))));
        root.optional("scope").ifPresent(n -> b.scope(n.asEnum(BindingScope.Kind.class)));
        root.optional("crossStoreFallback").ifPresent(n -> b.crossStoreFallback(n.asBoolean()));
        return root.as(r -> b.build());
    }
}
