package dev.siyu.tagging.engine;

import dev.siyu.core.money.Money;
import dev.siyu.tagging.feature.FeatureDefinition;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.feature.FeatureType;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The columns of a compiled engine's feature rows: one {@code long} per distinct feature reference
 * its rules read (a date compared with relative dates gets an "age in days" column), and the
 * dictionaries that turn codes into numbers. Immutable and thread-safe.
 */
public final class FeatureLayout {

    /** The value of a code that no rule mentions. */
    public static final long OTHER_CODE = -1;

    private final List<FeatureRef> refs;
    private final List<FeatureDefinition> definitions;
    private final boolean[] age;
    private final Map<String, Map<String, Integer>> dictionaries;
    private final Map<String, List<String>> codes;
    private final Map<String, Integer> index;

    FeatureLayout(List<FeatureRef> refs, List<FeatureDefinition> definitions, boolean[] age,
            Map<String, Map<String, Integer>> dictionaries, Map<String, List<String>> codes, Map<String, Integer> index) {
        this.refs = List.copyOf(refs);
        this.definitions = List.copyOf(definitions);
        this.age = age.clone();
        this.dictionaries = Collections.unmodifiableMap(dictionaries);
        this.codes = Collections.unmodifiableMap(codes);
        this.index = Collections.unmodifiableMap(index);
    }

    static String key(FeatureRef ref, boolean age) {
        return (age ? "age:" : "") + ref;
    }

    /** The number of columns. */
    public int width() {
        return refs.size();
    }

    /** The column holding {@code ref}'s value, if a rule reads it. */
    public OptionalInt slot(FeatureRef ref) {
        Integer s = index.get(key(Objects.requireNonNull(ref, "ref"), false));
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }

    /** The column holding the age in days (as-of date minus the date) of date feature {@code ref}, if read. */
    public OptionalInt ageSlot(FeatureRef ref) {
        Integer s = index.get(key(Objects.requireNonNull(ref, "ref"), true));
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }

    /** The feature reference of column {@code slot}. */
    public FeatureRef ref(int slot) {
        return refs.get(slot);
    }

    /** The feature of column {@code slot}. */
    public FeatureDefinition definition(int slot) {
        return definitions.get(slot);
    }

    /** Whether column {@code slot} holds an age in days rather than the date itself. */
    public boolean isAge(int slot) {
        return age[slot];
    }

    /** The number standing for {@code code} in column {@code slot}; {@link #OTHER_CODE} if no rule mentions it. */
    public long encode(int slot, String code) {
        Integer c = dictionaries.getOrDefault(refs.get(slot).feature(), Map.of()).get(code);
        return c == null ? OTHER_CODE : c;
    }

    /** {@code value} of column {@code slot} as text for explanations. */
    public String describe(int slot, long value) {
        if (value == FeatureType.MISSING) {
            return "missing";
        }
        FeatureType type = definitions.get(slot).type();
        if (age[slot]) {
            return value + " days ago";
        }
        return switch (type) {
            case MONEY -> Money.cnyMinor(value).toString();
            case DATE -> LocalDate.ofEpochDay(value).toString();
            case FLAG -> value != 0 ? "true" : "false";
            case CODE -> value == OTHER_CODE ? "other" : codes.get(refs.get(slot).feature()).get((int) value);
            case NUMBER -> Long.toString(value);
        };
    }
}
