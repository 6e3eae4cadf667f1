package dev.siyu.attribution.transfer;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.RejectReason;
import dev.siyu.attribution.binding.Binding;
import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingResult;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.event.AttributionEvent;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reassigns every customer of a departing guide (离职继承) by a {@link DepartureRule}, so no
 * customer is left without a guide.
 *
 * <p>Eligible takers for a customer held in a scope are the active guides other than the leaver
 * in that store (per-store bindings) or of that brand (per-brand bindings); if there are none,
 * every active guide is eligible. If no active guide exists at all the departure is refused
 * ({@code NO_TAKER}) and nothing changes. Customers are taken in member-id order and loads are
 * updated as they are dealt, so the result is deterministic.
 *
 * <p>History stays: each customer's binding history records the departure transfer. Commission is
 * not moved by this class: past orders keep their attribution snapshot (refunds claw back from the
 * leaver), future orders credit the taker, and the leaver's frozen commission follows the plan's
 * {@code PendingOnDeparture} policy ({@code CommissionLedger#depart}). So no order's commission is
 * paid to two guides. Operation ids are {@code depart:<leaver>:<member>:<scope>}, so re-running a
 * departure is idempotent. Immutable and thread-safe.
 */
public final class DepartureTransfer {

    private final BindingEngine bindings;
    private final DepartureRule rule;

    private DepartureTransfer(BindingEngine bindings, DepartureRule rule) {
        this.bindings = bindings;
        this.rule = rule;
    }

    /** Transfers under {@code bindings}' policy, choosing takers by {@code rule}. */
    public static DepartureTransfer of(BindingEngine bindings, DepartureRule rule) {
        return new DepartureTransfer(Objects.requireNonNull(bindings, "bindings"), Objects.requireNonNull(rule, "rule"));
    }

    /**
     * Moves every customer {@code leaver} holds at {@code at} to a taker.
     *
     * @param leaver the departing guide
     * @param customers the leaver's customers' bindings (others are passed through untouched)
     * @param roster the guides of the retailer, the leaver included or not
     * @param at when the departure takes effect
     */
    public DepartureResult depart(GuideId leaver, List<CustomerBinding> customers, List<GuideProfile> roster,
            Instant at) {
        Objects.requireNonNull(leaver, "leaver");
        Objects.requireNonNull(at, "at");
        List<CustomerBinding> given = List.copyOf(customers);
        List<GuideProfile> active = roster.stream().filter(p -> p.active() && !p.guide().equals(leaver))
                .sorted(Comparator.comparing(GuideProfile::guide)).toList();
        Optional<GuideProfile> leaverProfile = roster.stream().filter(p -> p.guide().equals(leaver)).findFirst();
        if (active.isEmpty()) {
            return new DepartureResult(given, List.of(), List.of(), new Outcome.Rejected(RejectReason.NO_TAKER,
                    Explanation.builder("NO_TAKER").fact("leaver", leaver).fact("customers", given.size()).build()));
        }
        Map<GuideId, Integer> load = new HashMap<>();
        active.forEach(p -> load.put(p.guide(), p.customers()));
        int[] turn = {0};
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> given.get(i).member().value()));
        CustomerBinding[] out = given.toArray(new CustomerBinding[0]);
        List<Assignment> assignments = new ArrayList<>();
        List<AttributionEvent> events = new ArrayList<>();
        for (int i : order) {
            CustomerBinding customer = out[i];
            for (Map.Entry<BindingScope, Binding> held : customer.bindings().entrySet()) {
                BindingScope scope = held.getKey();
                if (!customer.guideAt(scope, at).map(leaver::equals).orElse(false)) {
                    continue;
                }
                List<GuideProfile> inScope = active.stream().filter(p -> inScope(p, scope)).toList();
                boolean fallback = inScope.isEmpty();
                List<GuideProfile> pool = fallback ? active : inScope;
                Explanation.Builder why = Explanation.builder("TRANSFERRED_ON_DEPARTURE").fact("rule", rule)
                        .fact("leaver", leaver).fact("scope", scope).fact("candidates", pool.size())
                        .fact("outsideScope", fallback);
                GuideProfile taker = choose(pool, leaverProfile, load, turn, why);
                load.merge(taker.guide(), 1, Integer::sum);
                Explanation explanation = why.fact("taker", taker.guide()).build();
                OperationId op = OperationId.of("depart:" + leaver + ":" + customer.member() + ":" + scope);
                BindingResult r = bindings.reassignOnDeparture(customer, scope, leaver, taker.guide(), at,
                        explanation, op);
                customer = r.binding();
                events.addAll(r.events());
                assignments.add(new Assignment(customer.member(), scope, taker.guide(), explanation));
            }
            out[i] = customer;
        }
        return new DepartureResult(List.of(out), assignments, events, new Outcome.Applied(Explanation
                .builder("GUIDE_DEPARTED").fact("leaver", leaver).fact("rule", rule)
                .fact("customersMoved", assignments.size()).build()));
    }

    private static boolean inScope(GuideProfile p, BindingScope scope) {
        return scope.kind() == BindingScope.Kind.STORE ? p.store().value().equals(scope.id())
                : p.brand().map(b -> b.value().equals(scope.id())).orElse(false);
    }

    private GuideProfile choose(List<GuideProfile> pool, Optional<GuideProfile> leaver, Map<GuideId, Integer> load,
            int[] turn, Explanation.Builder why) {
        Comparator<GuideProfile> leastLoaded = Comparator.<GuideProfile>comparingInt(p -> load.get(p.guide()))
                .thenComparing(GuideProfile::guide);
        switch (rule) {
            case SAME_COUNTER -> {
                List<GuideProfile> counter = pool.stream().filter(p -> leaver.flatMap(GuideProfile::counter)
                        .map(c -> p.counter().map(c::equals).orElse(false)).orElse(false)).toList();
                why.fact("sameCounter", counter.size());
                return (counter.isEmpty() ? pool : counter).stream().min(leastLoaded).orElseThrow();
            }
            case LEAST_LOADED -> {
                GuideProfile chosen = pool.stream().min(leastLoaded).orElseThrow();
                why.fact("takerLoad", load.get(chosen.guide()));
                return chosen;
            }
            default -> {
                GuideProfile chosen = pool.get(Math.floorMod(turn[0]++, pool.size()));
                why.fact("turn", turn[0]);
                return chosen;
            }
        }
    }
}
