package dev.siyu.testkit.store;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.store.VersionedStore;

class InMemoryVersionedStoreContractTest extends VersionedStoreContract<MemberId, String> {

    @Override
    protected VersionedStore<MemberId, String> newStore() {
        return new InMemoryVersionedStore<>();
    }

    @Override
    protected MemberId key(int i) {
        return MemberId.of("M" + i);
    }

    @Override
    protected String value(int i) {
        return "value-" + i;
    }
}
