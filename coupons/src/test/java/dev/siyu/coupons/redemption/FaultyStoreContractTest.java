package dev.siyu.coupons.redemption;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.money.Money;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.store.VersionedStore;
import dev.siyu.testkit.store.VersionedStoreContract;

/** The fault-injecting decorator, unarmed, keeps the store contract (template counters as values). */
class FaultyStoreContractTest extends VersionedStoreContract<CouponTemplateId, TemplateUsage> {

    @Override
    protected VersionedStore<CouponTemplateId, TemplateUsage> newStore() {
        return new FaultyStore<>(new InMemoryVersionedStore<>());
    }

    @Override
    protected CouponTemplateId key(int i) {
        return CouponTemplateId.of("contract-" + i);
    }

    @Override
    protected TemplateUsage value(int i) {
        return TemplateUsage.empty(CouponTemplateId.of("T"), Money.CNY).withIssued(i);
    }
}
