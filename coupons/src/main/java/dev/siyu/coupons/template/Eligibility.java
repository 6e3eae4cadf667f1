package dev.siyu.coupons.template;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may use a coupon and on which lines. A line is eligible when its store, counter, brand,
 * category and SKU are all admitted by their scopes (a line without a counter is eligible only when
 * the counter scope has no include list). Immutable and thread-safe.
 *
 * @param members new, existing or any members
 * @param tiers tiers allowed (empty = any tier, including none)
 * @param tags tags of which the member must carry at least one (empty = no tag needed)
 * @param channels sales channels allowed (empty = any)
 * @param stores store scope
 * @param counters counter scope
 * @param brands brand scope
 * @param categories category scope
 * @param skus SKU scope
 * @param minQuantity minimum units over the eligible lines (0 = none)
 */
public record Eligibility(MemberKind members, Set<TierId> tiers, Set<String> tags, Set<SalesChannel> channels,
        Scope<StoreId> stores, Scope<CounterId> counters, Scope<BrandId> brands, Scope<CategoryId> categories,
        Scope<SkuId> skus, int minQuantity) {

    /** @throws IllegalArgumentException for a negative minimum quantity or a blank tag */
    public Eligibility {
        Objects.requireNonNull(members, "members");
        tiers = Set.copyOf(tiers);
        tags = Set.copyOf(tags);
        channels = Set.copyOf(channels);
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(brands, "brands");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(skus, "skus");
        if (minQuantity < 0) {
            throw new IllegalArgumentException("minQuantity must be >= 0: " + minQuantity);
        }
        for (String tag : tags) {
            if (tag.isBlank()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "tags must not be blank: '%s'", tag));
            }
        }
    }

    /** Anyone, any line, any channel. */
    public static Eligibility everyone() {
        return new Eligibility(MemberKind.ANY, Set.of(), Set.of(), Set.of(), Scope.any(), Scope.any(), Scope.any(),
                Scope.any(), Scope.any(), 0);
    }

    /** Whether {@code line} is one the coupon applies to. */
    public boolean admits(OrderLine line) {
        if (!stores.admits(line.store()) || !brands.admits(line.brand()) || !categories.admits(line.category())
                || !skus.admits(line.sku())) {
            return false;
        }
        return line.counter().map(counters::admits).orElse(counters.include().isEmpty());
    }

    public Eligibility withMembers(MemberKind members) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withTiers(Set<TierId> tiers) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withTags(Set<String> tags) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withChannels(Set<SalesChannel> channels) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withStores(Scope<StoreId> stores) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withCounters(Scope<CounterId> counters) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withBrands(Scope<BrandId> brands) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withCategories(Scope<CategoryId> categories) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withSkus(Scope<SkuId> skus) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }

    public Eligibility withMinQuantity(int minQuantity) {
        return new Eligibility(members, tiers, tags, channels, stores, counters, brands, categories, skus, minQuantity);
    }
}
