package dev.siyu.attribution.binding;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.kernel.PackedText;
import java.nio.charset.StandardCharsets;
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
 * <p><b>Memory.</b> One object holds the customer's first binding (by scope) inline: guide,
 * scope, cause, and its three instants as nanoseconds since the epoch (a binding whose instants do
 * not fit, beyond the years 1677–2262, is kept as a {@link Binding} instead); the next binding is a
 * {@link Binding} record beside its scope and (when it never lapses) its guide in this object, and
 * any further bindings the same in a small array, so that the guide in force is read from this
 * object (a customer of one or two stores) or the array; pending transfers with on-duty transfer times only
 * exist for customers that have them. Each operation is kept as the text of its id (its Latin-1
 * bytes when it has no other characters), the (shared, immutable) policy it was applied under and
 * its payload (a touch's guide, scope, kind and time inline): no explanation, no event and no
 * history entry is kept. The engine shares scope and guide instances between customers. The
 * history and the outcome recorded for an operation are recomputed when asked for, by re-running
 * the operations from the empty customer under their policies (the engine never reads the clock,
 * so the result is the same as the first time). A member id of up to eight Latin-1 characters is
 * also kept packed in a long, so that checking an order's member does not reach the id's text, and
 * so are the ids of the inline and next guides ({@link #packedId}: attribution hands them to the
 * commission's guide tables without reaching the guides' texts). The object is 104 bytes with
 * compressed references.
 */
public final class CustomerBinding {

    private static final Binding[] NONE = new Binding[0];
    private static final Object[] NO_OPERATIONS = new Object[0];
    /**
     * Slots per operation in {@link #operations}: id text, policy, then a touch's guide, scope,
     * kind and time, or another command's payload and three nulls.
     */
    static final int SLOTS = 6;
    /** {@link #validUntil} of a permanent binding (no instant in range has this value). */
    private static final long PERMANENT = Long.MIN_VALUE;
    /** What {@link #nanos} returns for an instant out of range (no instant in range has this value either). */
    static final long OUT = Long.MAX_VALUE;
    private static final long NANOS = 1_000_000_000L;
    /** Slots per binding in {@link #others}. */
    private static final int OTHER = 3;

    private final MemberId member;
    /**
     * The member id's text packed in a long ({@link PackedText#of}), 0 when it does not fit:
     * {@link #isOf} answers from this object alone instead of reaching the id's string.
     */
    private final long memberKey;
    /*
     * The first binding (by scope) inline, its instants as nanoseconds since the epoch: attributing
     * an order reads the guide from this object. Null guide when there is none, or when its instants
     * do not fit in nanoseconds (then it is in others).
     */
    private final GuideId guide;
    /** {@link #guide}'s id packed ({@link PackedText#of}), 0 when it does not pack or there is none. */
    private final long guideKey;
    private final BindingScope scope;
    private final String via;
    private final long since;
    private final long protectedUntil;
    private final long validUntil;
    /*
     * The next binding by scope after the inline one (the first when that is not inline): its
     * scope, its guide when it never lapses (else null) and its record; all null when there is
     * none. A customer bound in two stores is answered from this object alone, and one bound in
     * one store learns that it has no other binding without reaching another object.
     */
    private final BindingScope nextScope;
    private final GuideId nextGuide;
    /** {@link #nextGuide}'s id packed ({@link PackedText#of}), 0 when it does not pack or there is none. */
    private final long nextKey;
    private final Binding next;
    /**
     * The bindings after {@link #next}, sorted by scope, {@link #OTHER} slots each: scope, guide
     * when the binding never lapses (else null), the binding record; null for none. The guide in
     * force in a scope is found from this array alone, without reaching the records.
     */
    private final Object[] others;
    /** Pending transfers and on-duty transfer times, or null when both are empty (most customers). */
    private final Transfers transfers;
    /** Operation id, payload and policy of every operation handled, oldest first. */
    private final Object[] operations;

    /** A customer's transfers in flight and recent on-duty transfer times. */
    private record Transfers(List<PendingTransfer> pending, List<Instant> onDuty) {
    }

    CustomerBinding(MemberId member, Binding[] bindings, List<PendingTransfer> pending,
            List<Instant> onDutyTransfers, Object[] operations) {
        this.member = member;
        this.memberKey = PackedText.of(member.value());
        Binding first = bindings.length == 0 ? null : bindings[0];
        long sinceNanos = first == null ? OUT : nanos(first.since());
        long protectedNanos = first == null ? OUT : nanos(first.protectedUntil());
        long validNanos = first == null || first.validUntil().isEmpty() ? PERMANENT : nanos(first.validUntil().get());
        int from;
        if (sinceNanos != OUT && protectedNanos != OUT && validNanos != OUT) {
            this.guide = first.guide();
            this.scope = first.scope();
            this.via = first.via();
            this.since = sinceNanos;
            this.protectedUntil = protectedNanos;
            this.validUntil = validNanos;
            from = 1;
        } else {
            this.guide = null;
            this.scope = null;
            this.via = null;
            this.since = 0;
            this.protectedUntil = 0;
            this.validUntil = 0;
            from = 0;
        }
        this.guideKey = guide == null ? 0 : PackedText.of(guide.value());
        Binding second = bindings.length > from ? bindings[from] : null;
        this.next = second;
        this.nextScope = second == null ? null : second.scope();
        this.nextGuide = second == null || second.validUntil().isPresent() ? null : second.guide();
        this.nextKey = nextGuide == null ? 0 : PackedText.of(nextGuide.value());
        this.others = others(bindings, from + 1);
        this.transfers = pending.isEmpty() && onDutyTransfers.isEmpty() ? null
                : new Transfers(List.copyOf(pending), List.copyOf(onDutyTransfers));
        this.operations = operations;
    }

    /** {@code bindings} from {@code from} on in the layout of {@link #others}, null if none. */
    private static Object[] others(Binding[] bindings, int from) {
        if (bindings.length <= from) {
            return null;
        }
        Object[] out = new Object[(bindings.length - from) * OTHER];
        for (int i = from, at = 0; i < bindings.length; i++, at += OTHER) {
            Binding b = bindings[i];
            out[at] = b.scope();
            out[at + 1] = b.validUntil().isEmpty() ? b.guide() : null;
            out[at + 2] = b;
        }
        return out;
    }

    /** Whether two scopes are equal (identity first; the same as {@link BindingScope#equals}). */
    private static boolean same(BindingScope a, BindingScope b) {
        return a == b || a.kind() == b.kind() && a.id().equals(b.id());
    }

    /** {@code at} in nanoseconds since the epoch, or {@link #OUT} if that does not fit in a long. */
    static long nanos(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds <= Long.MIN_VALUE / NANOS || seconds >= Long.MAX_VALUE / NANOS) {
            return OUT;
        }
        return seconds * NANOS + at.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    /** Whether {@code at} is before the instant of {@code nanos} (in range, see {@link #nanos}). */
    private static boolean before(Instant at, long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS);
        return at.getEpochSecond() < seconds
                || at.getEpochSecond() == seconds && at.getNano() < Math.floorMod(nanos, NANOS);
    }

    /** The inline first binding as a record. */
    private Binding first() {
        return new Binding(guide, scope, instant(since), instant(protectedUntil),
                validUntil == PERMANENT ? Optional.empty() : Optional.of(instant(validUntil)), via);
    }

    /** A customer with no guide yet, at version 0. */
    public static CustomerBinding empty(MemberId member) {
        Objects.requireNonNull(member, "member");
        return new CustomerBinding(member, NONE, List.of(), List.of(), NO_OPERATIONS);
    }

    public MemberId member() {
        return member;
    }

    /**
     * Whether this is {@code member}'s customer: the same as {@code member().equals(member)},
     * answered for short ids from a key kept in this object (attributing an order does not reach
     * the customer's id text).
     */
    public boolean isOf(MemberId member) {
        if (member == this.member) {
            return true;
        }
        if (member == null) {
            return false;
        }
        long key = memberKey;
        if (key != 0) {
            return key == PackedText.of(member.value());
        }
        return this.member.equals(member);
    }

    /**
     * The version: 0 when new, one more after every command handled (a replay returns the same
     * customer); the number of operations kept, so not stored apart.
     */
    public long version() {
        return operationCount();
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
        return transfers == null ? List.of() : transfers.pending();
    }

    /** Every change of guide, oldest first (recomputed from the operations on each call). */
    public List<BindingChange> history() {
        return BindingEngine.history(this);
    }

    /** When on-duty transfers of this customer were accepted, oldest first (for the 2-in-90-days limit). */
    public List<Instant> onDutyTransfers() {
        return transfers == null ? List.of() : transfers.onDuty();
    }

    /** The recorded binding of {@code scope}, null if none. */
    Binding recorded(BindingScope scope) {
        if (guide != null && same(this.scope, scope)) {
            return first();
        }
        if (next == null) {
            return null;
        }
        if (same(nextScope, scope)) {
            return next;
        }
        Object[] rest = others;
        if (rest != null) {
            for (int i = 0; i < rest.length; i += OTHER) {
                if (same((BindingScope) rest[i], scope)) {
                    return (Binding) rest[i + 2];
                }
            }
        }
        return null;
    }

    Binding[] bindingArray() {
        int inline = guide == null ? 0 : 1;
        if (next != null) {
            inline++;
        }
        int count = others == null ? 0 : others.length / OTHER;
        if (inline + count == 0) {
            return NONE;
        }
        Binding[] out = new Binding[inline + count];
        if (guide != null) {
            out[0] = first();
        }
        if (next != null) {
            out[inline - 1] = next;
        }
        for (int k = 0; k < count; k++) {
            out[inline + k] = (Binding) others[k * OTHER + 2];
        }
        return out;
    }

    Object[] operations() {
        return operations;
    }

    /** The index of {@code operation} among the operations handled, -1 if new. */
    int indexOf(OperationId operation) {
        String text = operation.value();
        for (int i = 0; i < operations.length; i += SLOTS) {
            if (sameText(operations[i], text)) {
                return i / SLOTS;
            }
        }
        return -1;
    }

    /** The id of operation {@code index}. */
    OperationId operation(int index) {
        Object id = operations[index * SLOTS];
        return OperationId.of(id instanceof byte[] latin1 ? new String(latin1, StandardCharsets.ISO_8859_1) : (String) id);
    }

    /**
     * An operation id's text as kept: its Latin-1 bytes when every character is Latin-1 (the
     * usual case: 24 bytes fewer than a string), else the string.
     */
    static Object idText(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return text;
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Whether a kept id text ({@link #idText}) is {@code text}. */
    static boolean sameText(Object kept, String text) {
        if (kept instanceof byte[] latin1) {
            if (latin1.length != text.length()) {
                return false;
            }
            for (int i = 0; i < latin1.length; i++) {
                if ((latin1[i] & 0xFF) != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        return kept.equals(text);
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
        out[at] = idText(id.value());
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
        for (PendingTransfer transfer : pending()) {
            if (transfer.scope().equals(scope) && !transfer.effectiveAt().isAfter(at) && binding != null) {
                binding = new Binding(transfer.to(), scope, transfer.effectiveAt(), binding.protectedUntil(),
                        binding.validUntil(), "TRANSFERRED_ON_DUTY");
            }
        }
        return binding != null && binding.isValidAt(at) ? Optional.of(binding) : Optional.empty();
    }

    /** The guide in force in {@code scope} at {@code at}, if any. */
    public Optional<GuideId> guideAt(BindingScope scope, Instant at) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        GuideId found = inForce(scope, at);
        return found == null ? Optional.empty() : Optional.of(found);
    }

    /**
     * The guide in force in {@code scope} at {@code at}, or {@code other} if none: the same as
     * {@code guideAt(scope, at).orElse(other)} without making an {@code Optional} (attributing an
     * order asks this for every line).
     */
    public GuideId guideAtOrElse(BindingScope scope, Instant at, GuideId other) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(at, "at");
        GuideId found = inForce(scope, at);
        return found != null ? found : other;
    }

    /**
     * {@code guide}'s id text packed in a long ({@link PackedText#of}: 0 for a text that does not
     * pack; two texts that pack have equal keys exactly when they are equal). Answered
     * from this customer, without reading the text, when {@code guide} is the instance
     * {@link #guideAtOrElse} returned for its inline bindings (attribution hands the key on to the
     * commission's guide tables); read from the text otherwise.
     */
    public long packedId(GuideId guide) {
        Objects.requireNonNull(guide, "guide");
        if (guide == this.guide) {
            return guideKey;
        }
        if (guide == nextGuide) {
            return nextKey;
        }
        return PackedText.of(guide.value());
    }

    /** {@link #guideAt}'s guide, null for none. */
    private GuideId inForce(BindingScope scope, Instant at) {
        if (transfers != null) {
            return transferredInForce(scope, at);
        }
        GuideId first = guide;
        if (first != null && same(this.scope, scope)) {
            return validUntil == PERMANENT || before(at, validUntil) ? first : null;
        }
        BindingScope second = nextScope;
        if (second == null) {
            return null;
        }
        if (same(second, scope)) {
            GuideId permanent = nextGuide;
            if (permanent != null) {
                return permanent;
            }
            return next.isValidAt(at) ? next.guide() : null;
        }
        Object[] rest = others;
        if (rest == null) {
            return null;
        }
        for (int i = 0; i < rest.length; i += OTHER) {
            if (same((BindingScope) rest[i], scope)) {
                Object permanent = rest[i + 1];
                if (permanent != null) {
                    return (GuideId) permanent;
                }
                Binding b = (Binding) rest[i + 2];
                return b.isValidAt(at) ? b.guide() : null;
            }
        }
        return null;
    }

    /** The guide in force for a customer with transfers on record (pending ones count when due). */
    private GuideId transferredInForce(BindingScope scope, Instant at) {
        if (!transfers.pending().isEmpty()) {
            return bindingAt(scope, at).map(Binding::guide).orElse(null);
        }
        Binding b = recorded(scope);
        return b != null && b.isValidAt(at) ? b.guide() : null;
    }

    @Override
    public String toString() {
        return "CustomerBinding[" + member + " v" + version() + " " + Arrays.asList(bindingArray()) + "]";
    }
}
