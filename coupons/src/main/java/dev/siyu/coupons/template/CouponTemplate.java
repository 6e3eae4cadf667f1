package dev.siyu.coupons.template;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.money.Money;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * A coupon template: what a coupon gives, to whom, on which lines, when, how it stacks, how many
 * may be issued and redeemed, who funds it and what returns do to it. Built with {@link #builder}
 * or parsed from JSON by {@link CouponTemplates#parse}; both validate the same way. Immutable and
 * thread-safe.
 */
public record CouponTemplate(CouponTemplateId id, String name, Benefit benefit, Eligibility eligibility,
        Validity validity, Stacking stacking, Limits limits, Funding funding, RefundPolicy refunds) {

    /**
     * @throws IllegalArgumentException when parts contradict each other: a currency differing from
     *     the benefit's, a first-order price for existing members
     */
    public CouponTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(stacking, "stacking");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(refunds, "refunds");
        if (limits.budget().isPresent()) {
            Money budget = limits.budget().get();
            if (!budget.currency().equals(benefit.currency())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "limits.budget currency must match the benefit: %s vs %s",
                        budget.currency().getCurrencyCode(), benefit.currency().getCurrencyCode()));
            }
        }
        if (benefit instanceof Benefit.FixedPrice && eligibility.members() == MemberKind.EXISTING) {
            throw new IllegalArgumentException("eligibility.members must be new or any for a first-order price: "
                    + eligibility.members());
        }
    }

    /** The currency of every amount in this template. */
    public Currency currency() {
        return benefit.currency();
    }

    /** A builder with everyone eligible, stackable, no limits, mall-funded, 30 days after issue in Asia/Shanghai. */
    public static Builder builder(CouponTemplateId id, Benefit benefit) {
        return new Builder(id, benefit);
    }

    /** Builds a {@link CouponTemplate}; not thread-safe. */
    public static final class Builder {
        private final CouponTemplateId id;
        private final Benefit benefit;
        private String name;
        private Eligibility eligibility = Eligibility.everyone();
        private Validity validity = Validity.daysAfterIssue(30, java.time.ZoneId.of("Asia/Shanghai"));
        private Stacking stacking = Stacking.stackable();
        private Limits limits = Limits.none();
        private Funding funding = Funding.mall();
        private RefundPolicy refunds = RefundPolicy.defaults();

        private Builder(CouponTemplateId id, Benefit benefit) {
            this.id = Objects.requireNonNull(id, "id");
            this.benefit = Objects.requireNonNull(benefit, "benefit");
            this.name = id.value();
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder eligibility(Eligibility eligibility) {
            this.eligibility = Objects.requireNonNull(eligibility, "eligibility");
            return this;
        }

        public Builder validity(Validity validity) {
            this.validity = Objects.requireNonNull(validity, "validity");
            return this;
        }

        public Builder stacking(Stacking stacking) {
            this.stacking = Objects.requireNonNull(stacking, "stacking");
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder funding(Funding funding) {
            this.funding = Objects.requireNonNull(funding, "funding");
            return this;
        }

        public Builder refunds(RefundPolicy refunds) {
            this.refunds = Objects.requireNonNull(refunds, "refunds");
            return this;
        }

        /** @throws IllegalArgumentException if the parts contradict each other */
        public CouponTemplate build() {
            return new CouponTemplate(id, name, benefit, eligibility, validity, stacking, limits, funding, refunds);
        }
    }
}
