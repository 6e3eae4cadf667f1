package dev.siyu.core.explain;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;

/**
 * Why a decision came out as it did: a stable reason code and the values that decided it, in the
 * order they were considered, plus the explanations of the sub-decisions it rests on.
 *
 * <p>Hosts show it to staff, and members have a right to it (PIPL art. 24). Codes are upper-case
 * snake case, e.g. {@code TIER_UPGRADED}; fact values are rendered as text so an explanation
 * serializes to JSON and compares by value. Immutable and thread-safe.
 *
 * @param code the reason code
 * @param facts the deciding values by name, in insertion order
 * @param because the explanations of the sub-decisions
 */
public record Explanation(String code, Map<String, String> facts, List<Explanation> because) {

    /** @throws IllegalArgumentException if the code is not upper-case snake case */
    public Explanation {
        Objects.requireNonNull(code, "code");
        if (!isUpperSnakeCase(code)) {
            throw new IllegalArgumentException("code must be UPPER_SNAKE_CASE: '" + code + "'");
        }
        // A builder's facts are already a private frozen copy; anything else is copied.
        facts = facts instanceof FrozenFacts ? facts : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        because = List.copyOf(because);
    }

    /** Whether {@code code} matches {@code [A-Z][A-Z0-9]*(_[A-Z0-9]+)*}, without a regex on the hot path. */
    static boolean isUpperSnakeCase(String code) {
        int n = code.length();
        if (n == 0 || code.charAt(0) < 'A' || code.charAt(0) > 'Z') {
            return false;
        }
        boolean afterUnderscore = false;
        for (int i = 1; i < n; i++) {
            char c = code.charAt(i);
            if (c == '_') {
                if (afterUnderscore) {
                    return false;
                }
                afterUnderscore = true;
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                afterUnderscore = false;
            } else {
                return false;
            }
        }
        return !afterUnderscore;
    }

    /** An explanation with only a code. */
    public static Explanation of(String code) {
        return new Explanation(code, Map.of(), List.of());
    }

    /** Starts an explanation with {@code code}. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** The value of fact {@code name}, if recorded. */
    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    /** {@code CODE(name=value, …)[because …]}, for logs and staff screens. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", code + "(", ")");
        facts.forEach((k, v) -> joiner.add(k + "=" + v));
        String text = joiner.toString();
        return because.isEmpty() ? text : text + because;
    }

    /**
     * Facts handed over by a {@link Builder}: an unmodifiable view of a map no one else can reach
     * (the builder copies before it changes a map it built from), so the record need not copy it again.
     */
    private static final class FrozenFacts extends AbstractMap<String, String> {
        private final LinkedHashMap<String, String> map;
        private final Map<String, String> view;

        FrozenFacts(LinkedHashMap<String, String> map) {
            this.map = map;
            this.view = Collections.unmodifiableMap(map);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public java.util.Collection<String> values() {
            return view.values();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public String get(Object key) {
            return map.get(key);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            map.forEach(action);
        }
    }

    /** Collects facts in order. Not thread-safe; use one per explanation. */
    public static final class Builder {
        private final String code;
        private LinkedHashMap<String, String> facts = new LinkedHashMap<>();
        private final List<Explanation> because = new ArrayList<>(2);
        /** Whether {@link #facts} was handed to a built explanation, so must be copied before a change. */
        private boolean handedOver;

        private Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
        }

        /** Records {@code name = String.valueOf(value)}. */
        public Builder fact(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (handedOver) {
                facts = new LinkedHashMap<>(facts);
                handedOver = false;
            }
            facts.put(name, String.valueOf(value));
            return this;
        }

        /** Adds the explanation of a sub-decision. */
        public Builder because(Explanation reason) {
            because.add(Objects.requireNonNull(reason, "reason"));
            return this;
        }

        public Explanation build() {
            handedOver = true;
            return new Explanation(code, new FrozenFacts(facts), because);
        }
    }
}
