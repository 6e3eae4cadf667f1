package dev.siyu.attribution.binding;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer's guides, one per scope, with accepted on-duty transfers still waiting, the full
 * change history and the operations applied (for idempotency). An immutable aggregate with a
 * version; commands of {@link BindingEngine} return a new one. Thread-safe.
 *
 * <p><b>Memory.</b> A customer keeps its current binding (or a small array of them), and each
 * operation as the text of its id, the (shared, immutable) policy it was applied under and its
 * payload (a touch's guide, scope, kind and time inline): no explanation, no event and no history
 * entry is kept. The engine shares scope and guide instances between customers. The history and the outcome recorded for an operation are
 * recomputed when asked for, by re-running the operations from the empty customer under their
 * policies (the engine never reads the clock, so the result is the same as the first time).
 */
public final class CustomerBinding {

    private static final Binding[] NONE = new Binding[0];
    private static final Object[] NO_OPERATIONS = new Object[0];
    /**
     * Slots per operation in {@link #operations}: id text, policy, then a touch's guide, scope,
     * kind and time, or another command's payload and three nulls.
     */
    static final int SLOTS = 6;

    private final MemberId member;
    private final long version;
    /** The bindings as last recorded: null for none, a {@link Binding}, or an array sorted by scope. */
    private final Object bindings;
    private final List<PendingTransfer> pending;
    private final List<Instant> onDutyTransfers;
    /** Operation id, payload and policy of every operation handled, oldest first. */
    private final Object[] operations;

    CustomerBinding(MemberId member, long version, Binding[] bindings, List<PendingTransfer> pending,
            List<Instant> onDutyTransfers, Object[] operations) {
        this.member = member;
        this.version = version;
        this.bindings = bindings.length == 0 ? null : bindings.length == 1 ? bindings[0] : bindings;
        this.pending = List.copyOf(pending);
        this.onDutyTransfers = List.copyOf(onDutyTransfers);
        this.operations = operations;
    }

    /** A customer with no guide yet, at version 0. */
    public static CustomerBinding empty(MemberId member) {
        Objects.requireNonNull(member, "member");
        return new CustomerBinding(member, 0, NONE, List.of(), List.of(), NO_OPERATIONS);
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
        Map<BindingScope, Binding> out = new TreeMap<>();
        for (Binding b : bindingArray()) {
            out.put(b.scope(), b);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Accepted on-duty transfers not yet materialized. */
    public List<PendingTransfer> pending() {
        return pending;
    }

    /** Every change of guide, oldest first (recomputed from the operations on each call). */
    public List<BindingChange> history() {
        return BindingEngine.history(this);
    }

    /** When on-duty transfers of this customer were accepted, oldest first (for the 2-in-90-days limit). */
    public List<Instant> onDutyTransfers() {
        return onDutyTransfers;
    }

    /** The recorded binding of {@code scope}, null if none. */
    Binding recorded(BindingScope scope) {
        if (bindings instanceof Binding only) {
            return only.scope() == scope || only.scope().equals(scope) ? only : null;
        }
        if (bindings != null) {
            for (Binding b : (Binding[]) bindings) {
                if (b.scope().equals(scope)) {
                    return b;
                }
            }
        }
        return null;
    }

    Binding[] bindingArray() {
        return bindings == null ? NONE : bindings instanceof Binding only ? new Binding[] {only} : (Binding[]) bindings;
    }

    Object[] operations() {
        return operations;
    }

    /** The index of {@code operation} among the operations handled, -1 if new. */
    int indexOf(OperationId operation) {
        String text = operation.value();
        for (int i = 0; i < operations.length; i += SLOTS) {
            if (operations[i].equals(text)) {
                return i / SLOTS;
            }
        }
        return -1;
    }

    /** The id of operation {@code index}. */
    OperationId operation(int index) {
        return OperationId.of((String) operations[index * SLOTS]);
    }

    /** The policy operation {@code index} was applied under. */
    BindingPolicy policy(int index) {
        return (BindingPolicy) operations[index * SLOTS + 1];
    }

    /** The payload of operation {@code index}: a {@link Touch} or the engine's request record. */
    Object payload(int index) {
        int at = index * SLOTS;
        if (operations[at + 3] == null) {
            return operations[at + 2];
        }
        return new Touch(member, (GuideId) operations[at + 2], (BindingScope) operations[at + 3],
                (TouchKind) operations[at + 4], (Instant) operations[at + 5]);
    }

    /** {@code operations} with one more operation. */
    static Object[] plus(Object[] operations, OperationId id, BindingPolicy policy, Object payload) {
        Object[] out = Arrays.copyOf(operations, operations.length + SLOTS);
        int at = operations.length;
        out[at] = id.value();
        out[at + 1] = policy;
        if (payload instanceof Touch t) {
            out[at + 2] = t.guide();
            out[at + 3] = t.scope();
            out[at + 4] = t.kind();
            out[at + 5] = t.at();
        } else {
            out[at + 2] = payload;
        }
        return out;
    }

    int operationCount() {
        return operations.length / SLOTS;
    }

    /**
     * The binding in force in {@code scope} at {@code at}: a pending transfer whose takeover time
     * has come counts as done, a lapsed binding counts as none.
     */
    public Optional<Binding> bindingAt(BindingScope scope, Instant at) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        Binding binding = recorded(scope);
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
        Binding binding = recorded(scope);
        return binding != null && binding.isValidAt(at) ? Optional.of(binding.guide()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "CustomerBinding[" + member + " v" + version + " " + Arrays.asList(bindingArray()) + "]";
    }
}
