package dev.siyu.core.explain;

import dev.siyu.core.id.TypedId;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

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
        checkCode(code);
        // A builder's facts are already a private frozen copy, a deferred explanation's views are
        // read-only; anything else is copied.
        facts = facts instanceof FrozenFacts || facts instanceof Deferred
                ? facts : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        because = because instanceof Deferred.Because ? because : List.copyOf(because);
    }

    /**
     * Codes checked already, by identity, in the slot of their hash: engines make their explanations
     * from a few constant codes, one or more per command, so most checks are a load and a compare.
     * A slot is written only while empty, so once the engines' codes are in, the table is only read
     * (no cache line moves between threads); a code whose slot another code took is checked in full
     * each time, as every code was before. Two threads filling one slot at once is harmless: either
     * code may stay.
     */
    private static final String[] CHECKED = new String[1024];

    private static void checkCode(String code) {
        int slot = code.hashCode() & (CHECKED.length - 1);
        String known = CHECKED[slot];
        if (known == code) {
            return;
        }
        if (!isUpperSnakeCase(code)) {
            throw new IllegalArgumentException("code must be UPPER_SNAKE_CASE: '" + code + "'");
        }
        if (known == null) {
            CHECKED[slot] = code;
        }
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

    /**
     * An explanation with code {@code code} whose facts and sub-decisions are those of
     * {@code maker.get()}, made when first read (and then kept): for decisions taken far more often
     * than they are explained, which keep the deciding values and render them only on demand. It
     * is equal to, hashes as and prints as the explanation {@code maker} makes. {@code maker} must be
     * a pure function of values that no longer change once this is called (they are published with
     * the explanation, as a built explanation's facts are; it may run on any thread that reads the
     * explanation, at most once) and make an explanation with code {@code code}.
     *
     * @throws IllegalArgumentException if the code is not upper-case snake case
     * @throws IllegalStateException when read, if {@code maker} made an explanation with another code
     */
    public static Explanation deferred(String code, Supplier<Explanation> maker) {
        Deferred facts = new Deferred(code, Objects.requireNonNull(maker, "maker"));
        return new Explanation(code, facts, facts.because);
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
     * Whether the builder keeps {@code value} as it is and renders it with {@link String#valueOf} only
     * when read: immutable values whose text depends only on their value (numbers, booleans, dates,
     * instants, amounts, enum constants, the library's id records), so rendering later gives the very
     * text rendering at once would. Anything else is rendered when recorded. Type tests, not a set
     * look-up: this runs for every fact of every decision.
     */
    static boolean renderedWhenRead(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Money
                || value instanceof LocalDate || value instanceof TypedId && value instanceof Record
                || value instanceof BigDecimal || value instanceof Instant || value instanceof Boolean
                || value instanceof Enum<?>;
    }

    /**
     * Facts built by a {@link Builder}: names and values alternating in the builder's array (handed over,
     * not copied: the builder copies before any later change), read through the {@link Map} interface as texts (unmodifiable, in insertion order, equal
     * to any map with the same entries). Explanations are recorded with every points operation, so
     * they are kept small: no hash table or entry objects, and numbers, dates, amounts and ids are
     * rendered only when read (see {@link #renderedWhenRead}).
     */
    private static final class FrozenFacts extends AbstractMap<String, String> {
        /**
         * Even slots below {@link #length}: names; odd slots: a String or a
         * value {@link #renderedWhenRead} accepts. Slots from {@code length} on are unused.
         */
        private final Object[] namesAndValues;
        private final int length;

        FrozenFacts(Object[] namesAndValues, int length) {
            this.namesAndValues = namesAndValues;
            this.length = length;
        }

        @Override
        public int size() {
            return length / 2;
        }

        @Override
        public boolean isEmpty() {
            return length == 0;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public String get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : String.valueOf(namesAndValues[i + 1]);
        }

        private int indexOf(Object key) {
            for (int i = 0; i < length; i += 2) {
                if (namesAndValues[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            Objects.requireNonNull(action, "action");
            for (int i = 0; i < length; i += 2) {
                action.accept((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
            }
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < length;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, String> e = new SimpleImmutableEntry<>((String) namesAndValues[next],
                                    String.valueOf(namesAndValues[next + 1]));
                            next += 2;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return length / 2;
                }
            };
        }
    }

    /**
     * The facts of a {@link #deferred} explanation: a read-only view of the made explanation's
     * facts, with {@link Because} the view of its sub-decisions. Makes it once, under its lock
     * (a deferred explanation may be read from several threads); then reads are one volatile load.
     */
    private static final class Deferred extends AbstractMap<String, String> {
        private final String code;
        private Supplier<Explanation> maker;
        private volatile Explanation made;
        final Because because = new Because(this);

        Deferred(String code, Supplier<Explanation> maker) {
            this.code = code;
            this.maker = maker;
        }

        Explanation made() {
            Explanation e = made;
            if (e == null) {
                synchronized (this) {
                    e = made;
                    if (e == null) {
                        e = Objects.requireNonNull(maker.get(), "made explanation");
                        if (!e.code.equals(code)) {
                            throw new IllegalStateException("made explanation must have code " + code + ": " + e.code);
                        }
                        made = e;
                        maker = null;
                    }
                }
            }
            return e;
        }

        @Override
        public int size() {
            return made().facts.size();
        }

        @Override
        public boolean isEmpty() {
            return made().facts.isEmpty();
        }

        @Override
        public boolean containsKey(Object key) {
            return made().facts.containsKey(key);
        }

        @Override
        public String get(Object key) {
            return made().facts.get(key);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            made().facts.forEach(action);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return made().facts.entrySet();
        }

        @Override
        public boolean equals(Object o) {
            return o == this || made().facts.equals(o);
        }

        @Override
        public int hashCode() {
            return made().facts.hashCode();
        }

        @Override
        public String toString() {
            return made().facts.toString();
        }

        /** The sub-decisions of a deferred explanation, read-only. */
        static final class Because extends AbstractList<Explanation> {
            private final Deferred owner;

            Because(Deferred owner) {
                this.owner = owner;
            }

            @Override
            public Explanation get(int index) {
                return owner.made().because.get(index);
            }

            @Override
            public int size() {
                return owner.made().because.size();
            }

            @Override
            public boolean equals(Object o) {
                return o == this || owner.made().because.equals(o);
            }

            @Override
            public int hashCode() {
                return owner.made().because.hashCode();
            }

            @Override
            public String toString() {
                return owner.made().because.toString();
            }
        }
    }

    /** Collects facts in order. Not thread-safe; use one per explanation. */
    public static final class Builder {
        private final String code;
        /** Names and values alternating, {@link #size} slots used; values as {@link FrozenFacts} keeps them. */
        private Object[] facts = new Object[12];
        private int size;
        /** Whether {@link #facts} was handed to a built explanation: the next change copies it first. */
        private boolean shared;
        /** Sub-decisions, made on the first {@link #because}. */
        private List<Explanation> because;

        private Builder(String code) {
            this.code = Objects.requireNonNull(code, "code");
        }

        /** Records {@code name = String.valueOf(value)}. */
        public Builder fact(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Object text = value instanceof String || renderedWhenRead(value) ? value : String.valueOf(value);
            if (shared) {
                facts = Arrays.copyOf(facts, facts.length);
                shared = false;
            }
            for (int i = 0; i < size; i += 2) {
                if (facts[i].equals(name)) {
                    facts[i + 1] = text; // as a LinkedHashMap: a new value keeps the name's place
                    return this;
                }
            }
            if (size == facts.length) {
                facts = Arrays.copyOf(facts, size * 2);
            }
            facts[size++] = name;
            facts[size++] = text;
            return this;
        }

        /** Records every fact of {@code other}, in its order, as {@link #fact} would one by one. */
        public Builder factsOf(Explanation other) {
            Objects.requireNonNull(other, "other");
            if (other.facts() instanceof FrozenFacts frozen) {
                for (int i = 0; i < frozen.length; i += 2) {
                    fact((String) frozen.namesAndValues[i], frozen.namesAndValues[i + 1]);
                }
            } else {
                other.facts().forEach(this::fact);
            }
            return this;
        }

        /** Adds the explanation of a sub-decision. */
        public Builder because(Explanation reason) {
            Objects.requireNonNull(reason, "reason");
            if (because == null) {
                because = new ArrayList<>(4);
            }
            because.add(reason);
            return this;
        }

        public Explanation build() {
            shared = true;
            return new Explanation(code, new FrozenFacts(facts, size), because == null ? List.of() : because);
        }
    }
}
