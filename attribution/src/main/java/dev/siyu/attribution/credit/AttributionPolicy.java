package dev.siyu.attribution.credit;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.TypedId;
import dev.siyu.core.kernel.Prefetch;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credits an order's lines to guides by role, with a configurable precedence.
 *
 * <p>For each line the roles present are found: {@code SERVICE} = the customer's guide in force at
 * the order's time in the line's scope (the line's store or brand; a line sold in another store of
 * the mall falls back to the order store's guide when {@code crossStoreFallback} is on),
 * {@code SALE} = the till guide of the line, {@code SHARER} = the sharer when the order was placed
 * within {@code sharerWindow} of the share, {@code CARD_OPENING} = the card-opening guide. Then:
 * <ul>
 *   <li>{@link Mode#PRECEDENCE}: the first role present in {@code precedence} takes the whole line;</li>
 *   <li>{@link Mode#SPLIT}: every role present with a positive weight shares the line by weight;
 *       a guide holding several roles gets the sum of their weights.</li>
 * </ul>
 * A role missing from {@code precedence} is never credited. Deterministic: the same order,
 * touches and bindings give the same credits. Immutable and thread-safe.
 */
public final class AttributionPolicy {

    /** How the roles present on a line share it. */
    public enum Mode {
        /** The highest-precedence role present takes the line. */
        PRECEDENCE,
        /** The roles present share the line by weight. */
        SPLIT
    }

    private final List<GuideRole> precedence;
    private final GuideRole[] precedenceRoles;
    private final long[] roleWeights;
    private final Mode mode;
    private final Map<GuideRole, Long> weights;
    private final Duration sharerWindow;
    private final BindingScope.Kind scopeKind;
    private final boolean crossStoreFallback;
    /** Recently used scopes by a hash of their id; see {@link #scope(String)}. */
    private final BindingScope[] recentScopes = new BindingScope[64];

    private AttributionPolicy(Builder b) {
        this.precedence = List.copyOf(b.precedence);
        this.precedenceRoles = precedence.toArray(new GuideRole[0]);
        this.roleWeights = new long[GuideRole.values().length];
        b.weights.forEach((role, w) -> roleWeights[role.ordinal()] = w);
        this.mode = b.mode;
        this.weights = Map.copyOf(b.weights);
        this.sharerWindow = b.sharerWindow;
        this.scopeKind = b.scopeKind;
        this.crossStoreFallback = b.crossStoreFallback;
    }

    /** Precedence sharer, sale, service, card opening; 7 days' sharer window; per store; cross-store fallback. */
    public static AttributionPolicy ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses an attribution policy document, e.g. {@code {"schemaVersion": 1, "precedence":
     * ["sharer", "sale", "service", "card-opening"], "split": {"sale": 60, "service": 40},
     * "sharerWindowDays": 7, "scope": "store", "crossStoreFallback": true}}; without {@code split}
     * the first role present takes the line.
     *
     * @throws dev.siyu.core.json.ConfigException naming the pointer of the first problem
     */
    public static AttributionPolicy fromJson(String json) {
        return CreditJson.parse(json);
    }

    public List<GuideRole> precedence() {
        return precedence;
    }

    public Mode mode() {
        return mode;
    }

    /** The order's member id text and its first lines' amounts, combined: see {@link #attribute}. */
    private static long touch(Order order) {
        long x = order.member().value().length();
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size() && i < 8; i++) {
            OrderLine line = lines.get(i);
            x ^= line.unitPrice().minor() ^ line.lineDiscount().minor() ^ line.quantity();
        }
        return x;
    }

    /**
     * Credits {@code order} to guides.
     *
     * @param order the order
     * @param touches the till guide, sharer and card opener the host knows of
     * @param binding the customer's bindings (read at the order's time)
     * @throws IllegalArgumentException if the binding is another member's
     */
    public OrderAttribution attribute(Order order, OrderTouches touches, CustomerBinding binding) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(touches, "touches");
        Objects.requireNonNull(binding, "binding");
        // Start reading the order's lines now, before the customer: their misses overlap the
        // customer's (a software prefetch, Prefetch.keep). A
        // host's fresh order is in cache already: then this costs a few loads.
        Prefetch.keep(touch(order));
        if (!binding.isOf(order.member())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "binding member must be %s: %s",
                    order.member(), binding.member()));
        }
        Instant at = order.placedAt();
        GuideId sharer = null;
        if (touches.sharer().isPresent()) {
            Instant sharedAt = touches.sharedAt().orElseThrow();
            if (!sharedAt.isAfter(at) && at.isBefore(sharedAt.plus(sharerWindow))) {
                sharer = touches.sharer().get();
            }
        }
        GuideId opener = touches.cardOpener().orElse(null);
        GuideId tillGuide = touches.saleGuide().orElse(null);
        java.util.Map<Integer, GuideId> tillByLine = touches.saleGuideByLine();
        boolean perLine = !tillByLine.isEmpty();
        List<OrderLine> orderLines = order.lines();
        int size = orderLines.size();
        LineCredit first = null;
        LineCredit second = null;
        LineCredit third = null;
        LineCredit[] lines = size > 3 ? new LineCredit[size] : null;
        BindingScope orderStore = null;
        BindingScope scope = null;
        OrderLine previous = null;
        GuideId service = null;
        long serviceKey = 0;
        boolean fellBack = false;
        for (int i = 0; i < size; i++) {
            OrderLine line = orderLines.get(i);
            // a line in the scope of the previous line has its service guide (the order's time is
            // the same, and so is whether its store is the order's)
            boolean sameScope;
            if (scopeKind == BindingScope.Kind.STORE) {
                sameScope = previous != null && same(previous.store(), line.store());
                if (!sameScope) {
                    scope = scope(line.store().value());
                }
            } else {
                sameScope = previous != null && same(previous.brand(), line.brand());
                if (!sameScope) {
                    scope = scope(line.brand().value());
                }
            }
            previous = line;
            if (!sameScope) {
                service = binding.guideAtOrElse(scope, at, null);
                fellBack = false;
                if (service == null && crossStoreFallback && scopeKind == BindingScope.Kind.STORE
                        && !same(line.store(), order.store())) {
                    if (orderStore == null) {
                        orderStore = scope(order.store().value());
                    }
                    service = binding.guideAtOrElse(orderStore, at, null);
                    fellBack = service != null;
                }
                serviceKey = service == null ? 0 : binding.packedId(service);
            }
            GuideId sale = tillGuide;
            if (perLine) {
                GuideId own = tillByLine.get(line.lineNo());
                if (own != null) {
                    sale = own;
                }
            }
            LineCredit credit = credit(line.lineNo(), scope, service, serviceKey, sale, sharer, opener, fellBack,
                    i == 0 ? null : i == 1 ? first : i == 2 ? second : lines[i - 1]);
            if (i == 0) {
                first = credit;
            } else if (i == 1) {
                second = credit;
            } else if (i == 2) {
                third = credit;
            }
            if (lines != null) {
                lines[i] = credit;
            }
        }
        // up to three lines without an array of ours (List.of(a, b, c) keeps its own varargs array)
        List<LineCredit> credited = size == 0 ? List.of() : size == 1 ? List.of(first)
                : size == 2 ? List.of(first, second) : size == 3 ? List.of(first, second, third) : List.of(lines);
        return new OrderAttribution(order.id(), order.member(), at, credited);
    }

    /**
     * The scope of this policy's kind with {@code id}, from a small table of recent scopes (an
     * order's lines name a few stores or brands over and over). Races are benign: scopes are
     * immutable and a miss only makes an equal one.
     */
    private BindingScope scope(String id) {
        int slot = (id.hashCode() * 0x9E3779B9 >>> 26) & (recentScopes.length - 1);
        BindingScope known = recentScopes[slot];
        if (known != null && known.id().equals(id)) {
            return known;
        }
        BindingScope made = new BindingScope(scopeKind, id);
        recentScopes[slot] = made;
        return made;
    }

    /**
     * Whether two ids of one kind (two stores, two brands) are equal, identity first: an order's
     * lines often share one instance.
     */
    private static boolean same(TypedId a, TypedId b) {
        return a == b || a.value().equals(b.value());
    }

    /** The guide holding {@code role} on a line, null if none. */
    private static GuideId holder(GuideRole role, GuideId service, GuideId sale, GuideId sharer, GuideId opener) {
        return switch (role) {
            case SERVICE -> service;
            case SALE -> sale;
            case SHARER -> sharer;
            case CARD_OPENING -> opener;
        };
    }

    /**
     * The credit of one line from the roles found on it; {@code before} is the order's previous
     * line credit (null for the first), whose credit list is shared when the same guide wins in the
     * same role (lines of one store usually do).
     */
    private LineCredit credit(int lineNo, BindingScope scope, GuideId service, long serviceKey, GuideId sale,
            GuideId sharer, GuideId opener, boolean fellBack, LineCredit before) {
        if (mode != Mode.PRECEDENCE) {
            return LineCredit.lazy(lineNo, split(service, sale, sharer, opener), this, scope, service, sale, sharer,
                    opener, fellBack, 0);
        }
        for (GuideRole role : precedenceRoles) {
            GuideId guide = holder(role, service, sale, sharer, opener);
            if (guide != null) {
                List<Credit> credits = before != null ? before.credits() : List.of();
                if (credits.size() != 1 || credits.get(0).guide() != guide || credits.get(0).role() != role) {
                    credits = List.of(new Credit(guide, role, 1));
                }
                return LineCredit.lazy(lineNo, credits, this, scope, service, sale, sharer, opener, fellBack,
                        role == GuideRole.SERVICE ? serviceKey : 0);
            }
        }
        return LineCredit.lazy(lineNo, List.of(), this, scope, service, sale, sharer, opener, fellBack, 0);
    }

    /** The credits of a line in {@link Mode#SPLIT}: every role present with a positive weight, a guide's weights summed. */
    private List<Credit> split(GuideId service, GuideId sale, GuideId sharer, GuideId opener) {
        List<Credit> split = new ArrayList<>(2);
        for (GuideRole role : precedenceRoles) {
            GuideId guide = holder(role, service, sale, sharer, opener);
            long weight = roleWeights[role.ordinal()];
            if (guide == null || weight <= 0) {
                continue;
            }
            int at = -1;
            for (int k = 0; k < split.size(); k++) {
                if (split.get(k).guide().equals(guide)) {
                    at = k;
                    break;
                }
            }
            if (at < 0) {
                split.add(new Credit(guide, role, weight));
            } else {
                Credit was = split.get(at);
                split.set(at, new Credit(guide, was.role(), was.weight() + weight));
            }
        }
        return List.copyOf(split);
    }

    /**
     * Why a line was credited as it was, from what {@link #attribute} found on it; the winning role
     * (precedence mode) is the first credit's.
     */
    Explanation explain(int lineNo, BindingScope scope, List<Credit> credits, GuideId service, GuideId sale,
            GuideId sharer, GuideId opener, boolean fellBack) {
        boolean none = credits.isEmpty();
        GuideRole won = mode == Mode.PRECEDENCE && !none ? credits.get(0).role() : null;
        if (none) {
            return Explanation.builder("NO_GUIDE").fact("lineNo", lineNo).fact("scope", scope).build();
        }
        Explanation.Builder why = Explanation.builder(mode == Mode.PRECEDENCE ? "CREDIT_BY_PRECEDENCE"
                : "CREDIT_BY_SPLIT").fact("lineNo", lineNo).fact("scope", scope);
        for (GuideRole role : GuideRole.values()) {
            GuideId guide = holder(role, service, sale, sharer, opener);
            if (guide != null) {
                why.fact(role.name(), guide);
            }
        }
        if (fellBack) {
            why.fact("serviceFrom", "order store (cross-store line)");
        }
        why.fact("precedence", precedence);
        if (won != null) {
            why.fact("winner", won);
        } else {
            why.fact("weights", weights);
        }
        return why.build();
    }

    /** Collects a policy; not thread-safe. */
    public static final class Builder {
        private List<GuideRole> precedence = List.of(GuideRole.SHARER, GuideRole.SALE, GuideRole.SERVICE,
                GuideRole.CARD_OPENING);
        private Mode mode = Mode.PRECEDENCE;
        private final Map<GuideRole, Long> weights = new EnumMap<>(GuideRole.class);
        private Duration sharerWindow = Duration.ofDays(7);
        private BindingScope.Kind scopeKind = BindingScope.Kind.STORE;
        private boolean crossStoreFallback = true;

        private Builder() {
        }

        /** Roles in decreasing precedence; roles left out are never credited. */
        public Builder precedence(GuideRole... roles) {
            List<GuideRole> list = List.of(roles);
            if (list.isEmpty() || EnumSet.copyOf(list).size() != list.size()) {
                throw new IllegalArgumentException("precedence must list distinct roles, at least one: " + list);
            }
            this.precedence = list;
            return this;
        }

        /** Whole line to the first role present (the default). */
        public Builder winnerTakesLine() {
            this.mode = Mode.PRECEDENCE;
            return this;
        }

        /** Roles present share the line by weight. */
        public Builder split(Map<GuideRole, Long> weights) {
            this.weights.clear();
            weights.forEach((role, w) -> {
                if (w == null || w < 0) {
                    throw new IllegalArgumentException("weight of " + role + " must be >= 0: " + w);
                }
                this.weights.put(role, w);
            });
            if (this.weights.values().stream().allMatch(w -> w == 0)) {
                throw new IllegalArgumentException("weights must not all be zero: " + weights);
            }
            this.mode = Mode.SPLIT;
            return this;
        }

        public Builder sharerWindow(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("sharerWindow must be > 0: " + window);
            }
            this.sharerWindow = window;
            return this;
        }

        /** Whether service guides are per store (default) or per brand; must match the binding policy. */
        public Builder scope(BindingScope.Kind kind) {
            this.scopeKind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /** Whether a line sold in another store without a guide there credits the order store's guide. */
        public Builder crossStoreFallback(boolean on) {
            this.crossStoreFallback = on;
            return this;
        }

        public AttributionPolicy build() {
            return new AttributionPolicy(this);
        }
    }
}
