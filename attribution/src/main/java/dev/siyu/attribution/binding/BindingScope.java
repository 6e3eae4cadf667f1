package dev.siyu.attribution.binding;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.StoreId;
import java.util.Objects;

/**
 * Where a binding is exclusive: a customer has at most one guide per store, or per brand,
 * depending on the {@link BindingPolicy}. A value; ordered by kind then id.
 *
 * @param kind store or brand
 * @param id the store's or brand's id text
 */
public record BindingScope(Kind kind, String id) implements Comparable<BindingScope> {

    /** What a scope is keyed by. */
    public enum Kind {
        /** One exclusive guide per member per store. */
        STORE,
        /** One exclusive guide per member per brand (brand counters across stores). */
        BRAND
    }

    public BindingScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The scope of one store. */
    public static BindingScope store(StoreId store) {
        return new BindingScope(Kind.STORE, store.value());
    }

    /** The scope of one brand. */
    public static BindingScope brand(BrandId brand) {
        return new BindingScope(Kind.BRAND, brand.value());
    }

    @Override
    public int compareTo(BindingScope other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
