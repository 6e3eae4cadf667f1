package dev.siyu.attribution.binding;

import dev.siyu.attribution.Outcome;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer's guides, one per scope, with accepted on-duty transfers still waiting, the full
 * change history and the operations applied (for idempotency). An immutable aggregate with a
 * version; commands of {@link BindingEngine} return a new one. Thread-safe.
 */
public final class CustomerBinding {

    /** An operation handled before: its payload (to detect conflicts) and its outcome. */
    record Recorded(Object payload, Outcome outcome) {
    }

    private final MemberId member;
    private final long version;
    private final Map<BindingScope, Binding> bindings;
    private final List<PendingTransfer> pending;
    private final List<BindingChange> history;
    private final List<Instant> onDutyTransfers;
    private final Map<OperationId, Recorded> operations;

    CustomerBinding(MemberId member, long version, Map<BindingScope, Binding> bindings, List<PendingTransfer> pending,
            List<BindingChange> history, List<Instant> onDutyTransfers, Map<OperationId, Recorded> operations) {
        this.member = member;
        this.version = version;
        this.bindings = java.util.Collections.unmodifiableMap(new TreeMap<>(bindings));
        this.pending = List.copyOf(pending);
        this.history = List.copyOf(history);
        this.onDutyTransfers = List.copyOf(onDutyTransfers);
        this.operations = Map.copyOf(operations);
    }

    /** A customer with no guide yet, at version 0. */
    public static CustomerBinding empty(MemberId member) {
        Objects.requireNonNull(member, "member");
        return new CustomerBinding(member, 0, Map.of(), List.of(), List.of(), List.of(), Map.of());
    }

    public MemberId member() {
        return member;
    }

    /** The version: 0 when new, one more after every command that changed anything. */
    public long version() {
        return version;
    }

    /** The bindings as last recorded, by scope (without pending transfers or lapse applied). */
    public Map<BindingScope, Binding> bindings() {
        return bindings;
    }

    /** Accepted on-duty transfers not yet materialized. */
    public List<PendingTransfer> pending() {
        return pending;
    }

    /** Every change of guide, oldest first. */
    public List<BindingChange> history() {
        return history;
    }

    /** When on-duty transfers of this customer were accepted, oldest first (for the 2-in-90-days limit). */
    public List<Instant> onDutyTransfers() {
        return onDutyTransfers;
    }

    Map<OperationId, Recorded> operations() {
        return operations;
    }

    /**
     * The binding in force in {@code scope} at {@code at}: a pending transfer whose takeover time
     * has come counts as done, a lapsed binding counts as none.
     */
    public Optional<Binding> bindingAt(BindingScope scope, Instant at) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        Binding binding = bindings.get(scope);
        for (PendingTransfer transfer : pending) {
            if (transfer.scope().equals(scope) && !transfer.effectiveAt().isAfter(at) && binding != null) {
                binding = new Binding(transfer.to(), scope, transfer.effectiveAt(), binding.protectedUntil(),
                        binding.validUntil(), "TRANSFERRED_ON_DUTY");
            }
        }
        return binding != null && binding.isValidAt(at) ? Optional.of(binding) : Optional.empty();
    }

    /** The guide in force in {@code scope} at {@code at}, if any. */
    public Optional<GuideId> guideAt(BindingScope scope, Instant at) {
        if (!pending.isEmpty()) {
            return bindingAt(scope, at).map(Binding::guide);
        }
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        Binding binding = bindings.get(scope);
        return binding != null && binding.isValidAt(at) ? Optional.of(binding.guide()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "CustomerBinding[" + member + " v" + version + " " + bindings.values() + "]";
    }
}
