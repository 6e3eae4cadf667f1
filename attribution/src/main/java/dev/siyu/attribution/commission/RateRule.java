package dev.siyu.attribution.commission;

import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A commission rule for the lines of one SKU, brand or category: either a percentage of the line's
 * net or a fixed amount per unit. The most specific rule wins: SKU, then brand, then category,
 * then the plan's default rate.
 *
 * @param target what the rule matches
 * @param id the SKU, brand or category id text
 * @param percent the percentage of the line net, {@code 0..100}, if a rate rule
 * @param fixedPerUnit the amount per unit sold, {@code >= 0}, if a fixed rule
 */
public record RateRule(Target target, String id, Optional<BigDecimal> percent, Optional<Money> fixedPerUnit) {

    /** What a rule matches, most specific first. */
    public enum Target {
        SKU, BRAND, CATEGORY
    }

    /** @throws IllegalArgumentException unless exactly one of percent and fixed is given and it is in range */
    public RateRule {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(fixedPerUnit, "fixedPerUnit");
        if (percent.isPresent() == fixedPerUnit.isPresent()) {
            throw new IllegalArgumentException("rule must have exactly one of rate and fixedPerUnit: " + target + " " + id);
        }
        percent.ifPresent(p -> checkPercent("rate of " + target.name().toLowerCase(Locale.ROOT) + " " + id, p));
        fixedPerUnit.ifPresent(f -> {
            if (f.isNegative()) {
                throw new IllegalArgumentException("fixedPerUnit must be >= 0: " + f);
            }
        });
    }

    /** A percentage rule. */
    public static RateRule percent(Target target, String id, BigDecimal percent) {
        return new RateRule(target, id, Optional.of(percent), Optional.empty());
    }

    /** A fixed amount per unit. */
    public static RateRule fixed(Target target, String id, Money perUnit) {
        return new RateRule(target, id, Optional.empty(), Optional.of(perUnit));
    }

    static void checkPercent(String field, BigDecimal p) {
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(field + " must be between 0 and 100 percent: " + p.toPlainString());
        }
    }

    @Override
    public String toString() {
        return target.name().toLowerCase(Locale.ROOT) + ":" + id + "="
                + percent.map(p -> p.toPlainString() + "%").orElseGet(() -> fixedPerUnit.orElseThrow() + "/unit");
    }
}
