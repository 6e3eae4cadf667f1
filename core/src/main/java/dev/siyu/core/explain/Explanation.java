package dev.siyu.core.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

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

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    /** @throws IllegalArgumentException if the code is not upper-case snake case */
    public Explanation {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be UPPER_SNAKE_CASE: '" + code + "'");
        }
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        because = List.copyOf(because);
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

    /** Collects facts in order. Not thread-safe; use one per explanation. */
    public static final class Builder {
        private final String code;
        private final Map<String, String> facts = new LinkedHashMap<>();
        private final List<Explanation> because = new ArrayList<>();

        private Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
        }

        /** Records {@code name = String.valueOf(value)}. */
        public Builder fact(String name, Object value) {
            facts.put(Objects.requireNonNull(name, "name"), String.valueOf(value));
            return this;
        }

        /** Adds the explanation of a sub-decision. */
        public Builder because(Explanation reason) {
            because.add(Objects.requireNonNull(reason, "reason"));
            return this;
        }

        public Explanation build() {
            return new Explanation(code, facts, because);
        }
    }
}
