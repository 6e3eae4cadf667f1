package dev.siyu.attribution.transfer;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.StoreId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the transfer rules need to know about a guide.
 *
 * @param guide the guide
 * @param store the guide's store
 * @param counter the guide's counter in the store, if any
 * @param brand the brand the guide sells, if tied to one (for per-brand bindings)
 * @param active whether the guide can take customers (on duty, not leaving)
 * @param customers how many customers the guide serves now, {@code >= 0}
 */
public record GuideProfile(GuideId guide, StoreId store, Optional<CounterId> counter, Optional<BrandId> brand,
        boolean active, int customers) {
    public GuideProfile {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(brand, "brand");
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0: " + customers);
        }
    }

    /** An active guide at a counter of a store, with {@code customers} customers. */
    public static GuideProfile at(GuideId guide, StoreId store, CounterId counter, int customers) {
        return new GuideProfile(guide, store, Optional.of(counter), Optional.empty(), true, customers);
    }
}
