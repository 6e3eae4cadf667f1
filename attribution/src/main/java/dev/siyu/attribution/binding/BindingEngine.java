package dev.siyu.attribution.binding;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.RejectReason;
import dev.siyu.attribution.event.AttributionEvent;
import dev.siyu.attribution.event.CustomerTransferred;
import dev.siyu.attribution.event.GuideBound;
import dev.siyu.attribution.event.TransferScheduled;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds customers to guides under one {@link BindingPolicy}: touches, on-duty transfers (在职转接)
 * and reassignments on departure (离职继承). Never reads the clock: every command carries its
 * instant. Idempotent by {@link OperationId}: a replay returns {@link Outcome.Duplicate} and the
 * same aggregate; the same id with another payload returns {@link Outcome.Conflict}.
 *
 * <p>Precedence of a touch by guide G in scope S at time t, after due on-duty transfers are
 * applied and lapsed bindings dropped: (1) G already holds the customer: protection and validity
 * are renewed from t, whatever the touch ("click locks, purchase extends"); (2) a touch kind the
 * mode ignores is refused ({@code TOUCH_DOES_NOT_BIND}); (3) no guide: G binds; (4) another guide
 * holds the customer: first-add refuses
 * ({@code ALREADY_BOUND}), otherwise a protected binding refuses ({@code PROTECTED}) and an
 * unprotected one is taken over by G.
 *
 * <p>Immutable and thread-safe.
 */
public final class BindingEngine {

    private final BindingPolicy policy;
    /**
     * One instance per scope value seen by this engine, so that customers share their scopes
     * instead of keeping the caller's copies (a cache of immutable values, bounded).
     */
    private final java.util.concurrent.ConcurrentHashMap<BindingScope, BindingScope> scopes =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SHARED_SCOPES = 65_536;
    /** Likewise one instance per guide id, so customers share them and lookups by guide hit on identity. */
    private final java.util.concurrent.ConcurrentHashMap<GuideId, GuideId> guides =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SHARED_GUIDES = 1 << 20;

    private BindingEngine(BindingPolicy policy) {
        this.policy = policy;
    }

    /** An engine applying {@code policy}. */
    public static BindingEngine of(BindingPolicy policy) {
        return new BindingEngine(Objects.requireNonNull(policy, "policy"));
    }

    public BindingPolicy policy() {
        return policy;
    }

    /** The scope a sale or touch at {@code store} of {@code brand} falls in under this policy. */
    public BindingScope scopeOf(dev.siyu.core.id.StoreId store, dev.siyu.core.id.BrandId brand) {
        return policy.scopeKind() == BindingScope.Kind.STORE ? BindingScope.store(store) : BindingScope.brand(brand);
    }

    /**
     * Applies a touch.
     *
     * @throws IllegalArgumentException if the touch is for another member or its scope kind is not the policy's
     */
    public BindingResult touch(CustomerBinding customer, Touch touch, OperationId operation) {
        return touch(customer, touch, operation, null);
    }

    private BindingResult touch(CustomerBinding customer, Touch touch, OperationId operation,
            List<BindingChange> changes) {
        Objects.requireNonNull(touch, "touch");
        check(customer, touch.member(), touch.scope(), operation);
        Optional<BindingResult> replay = replay(customer, touch, operation);
        if (replay.isPresent()) {
            return replay.get();
        }
        Draft draft = new Draft(customer, touch.at(), changes);
        Instant at = touch.at();
        BindingScope scope = shared(touch.scope());
        GuideId guide = shared(touch.guide());
        if (scope != touch.scope() || guide != touch.guide() || touch.member() != customer.member()) {
            touch = new Touch(customer.member(), guide, scope, touch.kind(), touch.at());
        }
        Binding current = draft.bindings.get(scope);
        if (current != null && !current.isValidAt(at)) {
            current = null;
        }
        boolean binds = switch (policy.mode()) {
            case FIRST_ADD -> touch.kind() == TouchKind.ADD;
            case LAST_TOUCH -> true;
            case ORDER_BASED -> touch.kind() == TouchKind.ORDER;
        };
        if (current != null && current.guide().equals(touch.guide())) {
            draft.bindings.put(scope, new Binding(current.guide(), scope, current.since(),
                    max(current.protectedUntil(), at.plus(policy.protection())),
                    policy.validity().map(at::plus), current.via()));
            return draft.finish(operation, touch, new Outcome.Applied(Explanation.builder("BINDING_RENEWED")
                    .fact("guide", touch.guide()).fact("scope", scope)
                    .fact("protectedUntil", draft.bindings.get(scope).protectedUntil())
                    .fact("validUntil", draft.bindings.get(scope).validUntil().map(Object::toString).orElse("permanent"))
                    .build()));
        }
        if (!binds) {
            return draft.finish(operation, touch, Outcome.rejected(RejectReason.TOUCH_DOES_NOT_BIND,
                    touchFacts(touch, scope, at)));
        }
        if (current != null) {
            // the facts of a refusal: made only when refused
            Explanation.Builder why = touchFacts(touch, scope, at)
                    .fact("holder", current.guide()).fact("protectedUntil", current.protectedUntil());
            if (policy.mode() == BindingMode.FIRST_ADD) {
                return draft.finish(operation, touch, Outcome.rejected(RejectReason.ALREADY_BOUND, why));
            }
            if (current.isProtectedAt(at)) {
                return draft.finish(operation, touch, Outcome.rejected(RejectReason.PROTECTED, why));
            }
        }
        Binding lapsed = customer.recorded(scope);
        String cause = current != null ? "REBOUND" : lapsed != null ? "LAPSED_REBOUND" : "BOUND";
        Binding bound = new Binding(touch.guide(), scope, at, at.plus(policy.protection()),
                policy.validity().map(at::plus), touch.kind().name());
        draft.bindings.put(scope, bound);
        draft.pending.removeIf(p -> p.scope().equals(scope));
        Optional<GuideId> previous = Optional.ofNullable(current).map(Binding::guide);
        draft.changed(at, scope, previous, touch.guide(), cause, operation);
        Touch made = touch;
        // made when the outcome or the event is read: enrolling customers in bulk does not pay for the text
        Explanation explanation = Explanation.deferred(cause, () -> Explanation.builder(cause)
                .fact("mode", policy.mode()).fact("touch", made.kind())
                .fact("guide", made.guide()).fact("scope", scope)
                .fact("previous", previous.map(Object::toString).orElse("none"))
                .fact("protectedUntil", bound.protectedUntil())
                .fact("validUntil", bound.validUntil().map(Object::toString).orElse("permanent")).build());
        draft.events.add(new GuideBound(customer.member(), at, operation, scope, touch.guide(), previous, explanation));
        return draft.finish(operation, touch, new Outcome.Applied(explanation));
    }

    /** The facts every touch decision starts from. */
    private Explanation.Builder touchFacts(Touch touch, BindingScope scope, Instant at) {
        return Explanation.builder("TOUCH")
                .fact("mode", policy.mode()).fact("touch", touch.kind()).fact("guide", touch.guide())
                .fact("scope", scope).fact("at", at);
    }

    /** An on-duty transfer request, the payload of {@link #transferOnDuty}. */
    record OnDutyRequest(BindingScope scope, GuideId to, Instant at) {
    }

    /**
     * Requests an on-duty transfer (在职转接) of the customer's guide in {@code scope} to {@code to}.
     * Accepted at most {@code onDutyLimit} times per customer within {@code onDutyWindow}; the taker
     * takes over after {@code onDutyTakeover}, and until then the current guide keeps the customer.
     *
     * @throws IllegalArgumentException if the scope kind is not the policy's
     */
    public BindingResult transferOnDuty(CustomerBinding customer, BindingScope scope, GuideId to, Instant at,
            OperationId operation) {
        return transferOnDuty(customer, scope, to, at, operation, null);
    }

    private BindingResult transferOnDuty(CustomerBinding customer, BindingScope requested, GuideId requestedTo,
            Instant at, OperationId operation, List<BindingChange> changes) {
        Objects.requireNonNull(requestedTo, "to");
        Objects.requireNonNull(at, "at");
        check(customer, customer.member(), requested, operation);
        BindingScope scope = shared(requested);
        GuideId to = shared(requestedTo);
        OnDutyRequest request = new OnDutyRequest(scope, to, at);
        Optional<BindingResult> replay = replay(customer, request, operation);
        if (replay.isPresent()) {
            return replay.get();
        }
        Draft draft = new Draft(customer, at, changes);
        Binding current = draft.bindings.get(scope);
        Explanation.Builder why = Explanation.builder("ON_DUTY_TRANSFER").fact("scope", scope).fact("to", to)
                .fact("at", at);
        if (current == null || !current.isValidAt(at)) {
            return draft.finish(operation, request, Outcome.rejected(RejectReason.NOT_BOUND, why));
        }
        why.fact("from", current.guide());
        if (current.guide().equals(to)) {
            return draft.finish(operation, request, Outcome.rejected(RejectReason.SAME_GUIDE_TRANSFER, why));
        }
        if (draft.pending.stream().anyMatch(p -> p.scope().equals(scope))) {
            return draft.finish(operation, request, Outcome.rejected(RejectReason.TRANSFER_PENDING, why));
        }
        Instant windowStart = at.minus(policy.onDutyWindow());
        long recent = customer.onDutyTransfers().stream().filter(t -> t.isAfter(windowStart)).count();
        why.fact("transfersInWindow", recent).fact("limit", policy.onDutyLimit()).fact("window", policy.onDutyWindow());
        if (recent >= policy.onDutyLimit()) {
            return draft.finish(operation, request, Outcome.rejected(RejectReason.TRANSFER_LIMIT, why));
        }
        Instant effectiveAt = at.plus(policy.onDutyTakeover());
        draft.pending.add(new PendingTransfer(scope, current.guide(), to, at, effectiveAt, operation));
        draft.onDuty.add(at);
        draft.onDuty.removeIf(t -> !t.isAfter(windowStart));
        draft.events.add(new TransferScheduled(customer.member(), at, operation, scope, current.guide(), to, effectiveAt));
        return draft.finish(operation, request, new Outcome.Applied(Explanation.builder("TRANSFER_SCHEDULED")
                .fact("from", current.guide()).fact("to", to).fact("scope", scope).fact("effectiveAt", effectiveAt)
                .fact("transfersInWindow", recent + 1).fact("limit", policy.onDutyLimit()).build()));
    }

    /** A departure reassignment, the payload of {@link #reassignOnDeparture}. */
    record DepartureRequest(BindingScope scope, GuideId from, GuideId to, Instant at) {
    }

    /**
     * Moves the customer from a departing guide to {@code to} at once (离职继承 has no 2-in-90-days
     * limit on WeCom). Protection and validity restart from {@code at}. A customer whose guide in
     * the scope is not {@code from} is left alone ({@code NOT_BOUND}).
     *
     * @param why the rule that chose the taker, recorded in the event
     */
    public BindingResult reassignOnDeparture(CustomerBinding customer, BindingScope scope, GuideId from, GuideId to,
            Instant at, Explanation why, OperationId operation) {
        return reassignOnDeparture(customer, scope, from, to, at, why, operation, null);
    }

    /** A departure reassignment as recorded: the request (compared on replay) and the caller's reason. */
    record Departure(DepartureRequest request, Explanation why) {
    }

    private BindingResult reassignOnDeparture(CustomerBinding customer, BindingScope requested, GuideId from,
            GuideId requestedTo, Instant at, Explanation why, OperationId operation, List<BindingChange> changes) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(requestedTo, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(why, "why");
        check(customer, customer.member(), requested, operation);
        BindingScope scope = shared(requested);
        GuideId to = shared(requestedTo);
        DepartureRequest request = new DepartureRequest(scope, from, to, at);
        Optional<BindingResult> replay = replay(customer, request, operation);
        if (replay.isPresent()) {
            return replay.get();
        }
        Draft draft = new Draft(customer, at, changes);
        Departure recorded = new Departure(request, why);
        Binding current = draft.bindings.get(scope);
        if (current == null || !current.guide().equals(from)) {
            return draft.finish(operation, recorded, Outcome.rejected(RejectReason.NOT_BOUND,
                    Explanation.builder("DEPARTURE_REASSIGN").fact("scope", scope).fact("from", from)
                            .fact("holder", current == null ? "none" : current.guide().toString())));
        }
        draft.bindings.put(scope, new Binding(to, scope, at, at.plus(policy.protection()),
                policy.validity().map(at::plus), "TRANSFERRED_ON_DEPARTURE"));
        draft.pending.removeIf(p -> p.scope().equals(scope));
        draft.changed(at, scope, Optional.of(from), to, "TRANSFERRED_ON_DEPARTURE", operation);
        draft.events.add(new CustomerTransferred(customer.member(), at, operation, scope, from, to, true, why));
        return draft.finish(operation, recorded, new Outcome.Applied(why));
    }

    private void check(CustomerBinding customer, MemberId member, BindingScope scope, OperationId operation) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(operation, "operation");
        if (!customer.member().equals(member)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "member must be %s: %s",
                    customer.member(), member));
        }
        if (scope.kind() != policy.scopeKind()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "scope kind must be %s: %s",
                    policy.scopeKind(), scope));
        }
    }

    private static Optional<BindingResult> replay(CustomerBinding customer, Object request, OperationId operation) {
        int index = customer.indexOf(operation);
        if (index < 0) {
            return Optional.empty();
        }
        Object payload = customer.payload(index);
        Object recordedRequest = payload instanceof Departure d ? d.request() : payload;
        Outcome recorded = rerun(customer, index, null);
        Outcome outcome = recordedRequest.equals(request) ? new Outcome.Duplicate(recorded)
                : new Outcome.Conflict(operation, recorded);
        return Optional.of(new BindingResult(customer, List.of(), outcome));
    }

    /**
     * Re-runs the customer's operations {@code 0..last} from the empty customer, each under the
     * policy it was applied with, collecting the changes of guide into {@code changes} (if given);
     * returns the outcome of operation {@code last}, which is the outcome it had the first time.
     */
    private static Outcome rerun(CustomerBinding customer, int last, List<BindingChange> changes) {
        CustomerBinding at = CustomerBinding.empty(customer.member());
        Outcome outcome = null;
        for (int i = 0; i <= last; i++) {
            OperationId id = customer.operation(i);
            Object payload = customer.payload(i);
            BindingEngine engine = new BindingEngine(customer.policy(i));
            BindingResult r;
            if (payload instanceof Touch t) {
                r = engine.touch(at, t, id, changes);
            } else if (payload instanceof OnDutyRequest q) {
                r = engine.transferOnDuty(at, q.scope(), q.to(), q.at(), id, changes);
            } else {
                Departure d = (Departure) payload;
                DepartureRequest q = d.request();
                r = engine.reassignOnDeparture(at, q.scope(), q.from(), q.to(), q.at(), d.why(), id, changes);
            }
            at = r.binding();
            outcome = r.outcome();
        }
        return outcome;
    }

    /** Every change of guide of {@code customer}, oldest first, recomputed from its operations. */
    static List<BindingChange> history(CustomerBinding customer) {
        List<BindingChange> out = new ArrayList<>();
        if (customer.operationCount() > 0) {
            rerun(customer, customer.operationCount() - 1, out);
        }
        return List.copyOf(out);
    }

    /** The engine's instance of {@code scope} (the scope itself once the cache is full). */
    private BindingScope shared(BindingScope scope) {
        BindingScope known = scopes.get(scope);
        if (known != null) {
            return known;
        }
        if (scopes.size() >= MAX_SHARED_SCOPES) {
            return scope;
        }
        known = scopes.putIfAbsent(scope, scope);
        return known != null ? known : scope;
    }

    /** The engine's instance of {@code guide} (the id itself once the cache is full). */
    private GuideId shared(GuideId guide) {
        GuideId known = guides.get(guide);
        if (known != null) {
            return known;
        }
        if (guides.size() >= MAX_SHARED_GUIDES) {
            return guide;
        }
        known = guides.putIfAbsent(guide, guide);
        return known != null ? known : guide;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static final java.util.Comparator<PendingTransfer> BY_EFFECTIVE_AT =
            java.util.Comparator.comparing(PendingTransfer::effectiveAt);
    private static final java.util.Comparator<Binding> BY_SCOPE = java.util.Comparator.comparing(Binding::scope);

    /** The mutable working copy of one command; due on-duty transfers are materialized first. */
    private final class Draft {
        final CustomerBinding base;
        final Map<BindingScope, Binding> bindings;
        final List<PendingTransfer> pending;
        /** This command's changes of guide, or null when nobody collects them (then none are made). */
        final List<BindingChange> history;
        final List<Instant> onDuty;
        final List<AttributionEvent> events = new ArrayList<>();

        Draft(CustomerBinding base, Instant at, List<BindingChange> changes) {
            this.base = base;
            Binding[] held = base.bindingArray();
            this.bindings = new HashMap<>(4 + 2 * held.length);
            for (Binding b : held) {
                bindings.put(b.scope(), b);
            }
            this.pending = new ArrayList<>(base.pending());
            this.history = changes;
            this.onDuty = new ArrayList<>(base.onDutyTransfers());
            if (pending.size() > 1) {
                pending.sort(BY_EFFECTIVE_AT);
            }
            for (java.util.Iterator<PendingTransfer> it = pending.iterator(); it.hasNext();) {
                PendingTransfer transfer = it.next();
                if (transfer.effectiveAt().isAfter(at)) {
                    continue;
                }
                it.remove();
                Binding current = bindings.get(transfer.scope());
                if (current == null || !current.guide().equals(transfer.from())) {
                    continue;
                }
                bindings.put(transfer.scope(), new Binding(transfer.to(), transfer.scope(), transfer.effectiveAt(),
                        current.protectedUntil(), current.validUntil(), "TRANSFERRED_ON_DUTY"));
                changed(transfer.effectiveAt(), transfer.scope(), Optional.of(transfer.from()), transfer.to(),
                        "TRANSFERRED_ON_DUTY", transfer.operation());
                events.add(new CustomerTransferred(base.member(), transfer.effectiveAt(), transfer.operation(),
                        transfer.scope(), transfer.from(), transfer.to(), false,
                        Explanation.builder("TRANSFERRED_ON_DUTY").fact("requestedAt", transfer.requestedAt())
                                .fact("effectiveAt", transfer.effectiveAt()).build()));
            }
        }

        /** Records a change of guide for a caller who collects the history; nothing when none does. */
        void changed(Instant at, BindingScope scope, Optional<GuideId> from, GuideId to, String cause,
                OperationId operation) {
            if (history != null) {
                history.add(new BindingChange(at, scope, from, to, cause, operation));
            }
        }

        BindingResult finish(OperationId operation, Object payload, Outcome outcome) {
            Object[] ops = CustomerBinding.plus(base.operations(), operation, policy, payload);
            Binding[] now = bindings.values().toArray(new Binding[bindings.size()]);
            if (now.length > 1) {
                Arrays.sort(now, BY_SCOPE);
            }
            List<AttributionEvent> out = outcome.isApplied() ? events
                    : events.stream().filter(e -> e instanceof CustomerTransferred).toList();
            CustomerBinding next = new CustomerBinding(base.member(), now, pending, onDuty, ops);
            return new BindingResult(next, out, outcome);
        }
    }
}
