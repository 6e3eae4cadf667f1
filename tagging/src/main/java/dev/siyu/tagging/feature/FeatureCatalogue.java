package dev.siyu.tagging.feature;

import static dev.siyu.tagging.feature.FeatureParameter.COMMUNITY;
import static dev.siyu.tagging.feature.FeatureParameter.DAYS;
import static dev.siyu.tagging.feature.FeatureParameter.SCOPE;
import static dev.siyu.tagging.feature.FeatureSource.CHURN;
import static dev.siyu.tagging.feature.FeatureSource.CLOCK;
import static dev.siyu.tagging.feature.FeatureSource.COMMUNITIES;
import static dev.siyu.tagging.feature.FeatureSource.COUPONS;
import static dev.siyu.tagging.feature.FeatureSource.ORDERS;
import static dev.siyu.tagging.feature.FeatureSource.POINTS;
import static dev.siyu.tagging.feature.FeatureSource.PROFILE;
import static dev.siyu.tagging.feature.FeatureSource.TIER;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The typed features tag rules may read: Siyu's built-in features over profile, orders, points,
 * tier, churn level, coupons and communities, plus the host's own. Immutable and thread-safe.
 *
 * <p>Built-in features ({@code days} is 1 to 3,660; scope is one of {@code category}, {@code brand},
 * {@code store}, {@code counter}):
 * <ul>
 * <li>{@code spend} (money, days, optional scope), {@code orders} (number, days, optional scope):
 *     net spend and order count in the window;
 * <li>{@code days_since_last_purchase} (number), {@code first_purchase_date},
 *     {@code last_purchase_date}, {@code join_date} (dates);
 * <li>{@code birthday_month} (1–12), {@code birthday_this_month} (flag), {@code as_of_month} (1–12);
 * <li>{@code city}, {@code region}, {@code channel}, {@code home_store}, {@code tier},
 *     {@code churn_level} (codes; churn levels written {@code active}, {@code at-risk} …);
 * <li>{@code points_balance} (number); {@code coupons_issued}, {@code coupons_redeemed} (number, days);
 * <li>{@code in_community} (flag, community), {@code communities} (number).
 * </ul>
 */
public final class FeatureCatalogue {

    private static final Map<String, FeatureDefinition> BUILT_IN = builtInMap();

    private final Map<String, FeatureDefinition> features;

    private FeatureCatalogue(Map<String, FeatureDefinition> features) {
        this.features = features;
    }

    /** The built-in features only. */
    public static FeatureCatalogue builtIn() {
        return new FeatureCatalogue(BUILT_IN);
    }

    /**
     * The built-in features plus {@code hostFeatures}.
     *
     * @throws IllegalArgumentException if a host feature reuses a name or is not marked host
     */
    public static FeatureCatalogue withHostFeatures(Collection<FeatureDefinition> hostFeatures) {
        Map<String, FeatureDefinition> all = new LinkedHashMap<>(BUILT_IN);
        for (FeatureDefinition f : hostFeatures) {
            if (!f.host()) {
                throw new IllegalArgumentException("host feature must be marked host: " + f.name());
            }
            if (all.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException("host feature name must be unique: " + f.name());
            }
        }
        return new FeatureCatalogue(java.util.Collections.unmodifiableMap(all));
    }

    /** The feature named {@code name}, if any. */
    public Optional<FeatureDefinition> find(String name) {
        return Optional.ofNullable(features.get(Objects.requireNonNull(name, "name")));
    }

    /** All features by name. */
    public Map<String, FeatureDefinition> all() {
        return features;
    }

    private static Map<String, FeatureDefinition> builtInMap() {
        Map<String, FeatureDefinition> m = new LinkedHashMap<>();
        add(m, "spend", FeatureType.MONEY, Set.of(ORDERS, CLOCK), Set.of(DAYS), Set.of(SCOPE));
        add(m, "orders", FeatureType.NUMBER, Set.of(ORDERS, CLOCK), Set.of(DAYS), Set.of(SCOPE));
        add(m, "days_since_last_purchase", FeatureType.NUMBER, Set.of(ORDERS, CLOCK), Set.of(), Set.of());
        add(m, "first_purchase_date", FeatureType.DATE, Set.of(ORDERS), Set.of(), Set.of());
        add(m, "last_purchase_date", FeatureType.DATE, Set.of(ORDERS), Set.of(), Set.of());
        add(m, "join_date", FeatureType.DATE, Set.of(PROFILE), Set.of(), Set.of());
        add(m, "birthday_month", FeatureType.NUMBER, Set.of(PROFILE), Set.of(), Set.of());
        add(m, "birthday_this_month", FeatureType.FLAG, Set.of(PROFILE, CLOCK), Set.of(), Set.of());
        add(m, "as_of_month", FeatureType.NUMBER, Set.of(CLOCK), Set.of(), Set.of());
        add(m, "city", FeatureType.CODE, Set.of(PROFILE), Set.of(), Set.of());
        add(m, "region", FeatureType.CODE, Set.of(PROFILE), Set.of(), Set.of());
        add(m, "channel", FeatureType.CODE, Set.of(PROFILE), Set.of(), Set.of());
        add(m, "home_store", FeatureType.CODE, Set.of(PROFILE), Set.of(), Set.of());
        add(m, "tier", FeatureType.CODE, Set.of(TIER), Set.of(), Set.of());
        add(m, "churn_level", FeatureType.CODE, Set.of(CHURN), Set.of(), Set.of());
        add(m, "points_balance", FeatureType.NUMBER, Set.of(POINTS), Set.of(), Set.of());
        add(m, "coupons_issued", FeatureType.NUMBER, Set.of(COUPONS, CLOCK), Set.of(DAYS), Set.of());
        add(m, "coupons_redeemed", FeatureType.NUMBER, Set.of(COUPONS, CLOCK), Set.of(DAYS), Set.of());
        add(m, "in_community", FeatureType.FLAG, Set.of(COMMUNITIES), Set.of(COMMUNITY), Set.of());
        add(m, "communities", FeatureType.NUMBER, Set.of(COMMUNITIES), Set.of(), Set.of());
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, FeatureDefinition> m, String name, FeatureType type,
            Set<FeatureSource> sources, Set<FeatureParameter> required, Set<FeatureParameter> optional) {
        m.put(name, new FeatureDefinition(name, type, sources, required, optional, false, false));
    }
}
