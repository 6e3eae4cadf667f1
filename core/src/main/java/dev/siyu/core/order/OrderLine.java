package dev.siyu.core.order;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.money.Allocation;
import dev.siyu.core.money.Money;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an order: what was sold, where, how many and at what price.
 *
 * <p>The line's gross is {@code unitPrice × quantity}; its net is the gross less the line
 * discount (promotions and coupons already allocated to the line). Returns are priced by
 * {@link #netForUnits(int, int)}, which splits the net across the units exactly, so returning the
 * units one at a time refunds the net to the fen.
 *
 * @param lineNo the line's number, unique within its order, {@code >= 1}
 * @param store the store where the line was sold
 * @param counter the brand counter inside the store, if the store has counters
 * @param brand the brand
 * @param category the merchandise category
 * @param sku the SKU
 * @param quantity units sold, {@code >= 1}
 * @param unitPrice price of one unit before discount, {@code >= 0}
 * @param lineDiscount discount on the whole line, between zero and the gross
 */
public record OrderLine(int lineNo, StoreId store, Optional<CounterId> counter, BrandId brand,
        CategoryId category, SkuId sku, int quantity, Money unitPrice, Money lineDiscount) {

    /** @throws IllegalArgumentException if a number is out of range or the currencies differ */
    public OrderLine {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(lineDiscount, "lineDiscount");
        if (lineNo < 1) {
            throw new IllegalArgumentException("lineNo must be >= 1: " + lineNo);
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1: " + quantity);
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unitPrice must be >= 0: " + unitPrice);
        }
        unitPrice.checkSameCurrency(lineDiscount);
        if (lineDiscount.isNegative() || lineDiscount.isGreaterThan(unitPrice.times(quantity))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lineDiscount must be between 0 and the line gross %s: %s", unitPrice.times(quantity), lineDiscount));
        }
    }

    /** A line without counter or discount. */
    public static OrderLine of(int lineNo, StoreId store, BrandId brand, CategoryId category, SkuId sku,
            int quantity, Money unitPrice) {
        return new OrderLine(lineNo, store, Optional.empty(), brand, category, sku, quantity, unitPrice,
                Money.zero(unitPrice.currency()));
    }

    /** This line with {@code discount} as its line discount. */
    public OrderLine withDiscount(Money discount) {
        return new OrderLine(lineNo, store, counter, brand, category, sku, quantity, unitPrice, discount);
    }

    /** This line sold at {@code counter}. */
    public OrderLine atCounter(CounterId counter) {
        return new OrderLine(lineNo, store, Optional.of(counter), brand, category, sku, quantity, unitPrice, lineDiscount);
    }

    /** Unit price times quantity. */
    public Money gross() {
        return unitPrice.times(quantity);
    }

    /** Gross less the line discount: what the customer paid for the line. */
    public Money net() {
        return Money.ofMinor(netMinor(), unitPrice.currency());
    }

    /** {@link #net()} in minor units, without making the amount. */
    public long netMinor() {
        return Math.subtractExact(Math.multiplyExact(unitPrice.minor(), (long) quantity), lineDiscount.minor());
    }

    /**
     * The net paid for {@code count} units after {@code alreadyReturned} units of this line were
     * returned. The net is split across units by largest remainder (the earlier units carry the
     * odd fen), so the amounts of successive returns sum to the line's net exactly.
     *
     * @throws IllegalArgumentException if the range is not within the line's quantity
     */
    public Money netForUnits(int alreadyReturned, int count) {
        if (alreadyReturned < 0 || count < 0 || alreadyReturned + count > quantity) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "units %d..%d must lie within the line quantity %d", alreadyReturned, alreadyReturned + count, quantity));
        }
        return Money.ofMinor(Allocation.ofUnits(net().minor(), quantity, alreadyReturned, count), unitPrice.currency());
    }
}
