package dev.siyu.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.siyu.core.money.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A value inside a parsed configuration document, with its JSON pointer and source location.
 *
 * <p>Parsers of tier ladders, earn rules, tag rules, coupon templates and commission plans read
 * documents through this type only, so every error they raise names the pointer, the line and the
 * column of the value at fault and what was expected ({@link #error(String)}). Objects declare
 * the fields they allow with {@link #fields(String...)}; any other field is an error. Numbers are
 * exact decimals. Immutable and thread-safe.
 */
public final class ConfigNode {

    /** Integer digits and decimals a configuration number may have. */
    private static final int MAX_DIGITS = 30;

    private final JsonNode node;
    private final String pointer;
    private final Map<String, int[]> locations;

    ConfigNode(JsonNode node, String pointer, Map<String, int[]> locations) {
        this.node = node;
        this.pointer = pointer;
        this.locations = locations;
    }

    /**
     * Parses a configuration document with the hardened mapper.
     *
     * @throws ConfigException if the text is not one well-formed JSON value within the limits
     */
    public static ConfigNode parse(String json) {
        return SiyuJson.parse(json);
    }

    /** The JSON pointer of this value, {@code ""} for the document root. */
    public String pointer() {
        return pointer;
    }

    /** An error at this value: {@code problem} should say what was expected and what was found. */
    public ConfigException error(String problem) {
        int[] at = locations.getOrDefault(pointer, new int[] {0, 0});
        return new ConfigException(pointer, at[0], at[1], problem);
    }

    private ConfigException expected(String what) {
        return error("expected " + what + " but found " + describe());
    }

    private String describe() {
        if (node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + (text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean isText() {
        return node.isTextual();
    }

    public boolean isNumber() {
        return node.isNumber();
    }

    /**
     * Checks that this is an object whose fields are all among {@code allowed}.
     *
     * @return this node
     * @throws ConfigException at the first unknown field, listing the allowed ones
     */
    public ConfigNode fields(String... allowed) {
        if (!node.isObject()) {
            throw expected("an object");
        }
        Set<String> names = new LinkedHashSet<>(Arrays.asList(allowed));
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!names.contains(name)) {
                throw child(name).error("unknown field '" + name + "'; expected one of " + names);
            }
        }
        return this;
    }

    /** Whether this object has field {@code name} (with any value but null). */
    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** The value of field {@code name}. @throws ConfigException if absent or null */
    public ConfigNode required(String name) {
        if (!node.isObject()) {
            throw expected("an object");
        }
        if (!has(name)) {
            throw error("missing required field '" + name + "'");
        }
        return child(name);
    }

    /** The value of field {@code name}, if present and not null. */
    public Optional<ConfigNode> optional(String name) {
        if (!node.isObject()) {
            throw expected("an object");
        }
        return has(name) ? Optional.of(child(name)) : Optional.empty();
    }

    private ConfigNode child(String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return new ConfigNode(node.path(name), pointer + "/" + escaped, locations);
    }

    /** The elements of this array. @throws ConfigException if this is not an array */
    public List<ConfigNode> elements() {
        if (!node.isArray()) {
            throw expected("an array");
        }
        List<ConfigNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(node.get(i), pointer + "/" + i, locations));
        }
        return Collections.unmodifiableList(out);
    }

    /** The names of this object's fields, in document order. */
    public List<String> fieldNames() {
        if (!node.isObject()) {
            throw expected("an object");
        }
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return Collections.unmodifiableList(out);
    }

    /** This value as a string. */
    public String asText() {
        if (!node.isTextual()) {
            throw expected("a string");
        }
        return node.textValue();
    }

    /** This value as a non-blank string. */
    public String asNonBlankText() {
        String text = asText();
        if (text.isBlank()) {
            throw error("expected a non-blank string but found \"" + text + "\"");
        }
        return text;
    }

    /** This value as an exact decimal. */
    public BigDecimal asDecimal() {
        if (!node.isNumber()) {
            throw expected("a number");
        }
        BigDecimal value = node.decimalValue();
        // No business number is this large or this fine; refusing them keeps later arithmetic bounded.
        if (value.signum() != 0 && (value.precision() - value.scale() > MAX_DIGITS
                || value.stripTrailingZeros().scale() > MAX_DIGITS)) {
            throw error("expected a number below 10^" + MAX_DIGITS + " with at most " + MAX_DIGITS
                    + " decimals but found " + value);
        }
        return value;
    }

    /** This value as a whole number within {@code long}. */
    public long asLong() {
        BigDecimal value = asDecimal();
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw error("expected a whole number but found " + value.toPlainString());
        }
    }

    /** This value as a whole number within {@code int}. */
    public int asInt() {
        BigDecimal value = asDecimal();
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw error("expected a whole number within int range but found " + value.toPlainString());
        }
    }

    /** This value as a boolean. */
    public boolean asBoolean() {
        if (!node.isBoolean()) {
            throw expected("true or false");
        }
        return node.booleanValue();
    }

    /** This value as an ISO date {@code yyyy-MM-dd}. */
    public LocalDate asDate() {
        String text = asText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error("expected an ISO date like 2026-01-31 but found \"" + text + "\"");
        }
    }

    /** This value as an ISO 4217 currency code with minor units, e.g. {@code CNY}. */
    public Currency asCurrency() {
        String code = asText();
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the pointer
        }
        throw error("expected an ISO 4217 currency code with minor units like CNY but found \"" + code + "\"");
    }

    /** This value as a region-based zone id, e.g. {@code Asia/Shanghai}. */
    public ZoneId asZone() {
        String text = asText();
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw error("expected a zone id like Asia/Shanghai but found \"" + text + "\"");
        }
    }

    /**
     * This value as money: either {@code "CNY 12.30"} or a number of the given currency's units.
     *
     * @param currency the currency of a bare number
     */
    public Money asMoney(Currency currency) {
        try {
            if (node.isTextual()) {
                Money money = Money.parse(node.textValue());
                if (!money.currency().equals(currency)) {
                    throw error("expected an amount in " + currency.getCurrencyCode() + " but found " + money);
                }
                return money;
            }
            return Money.of(asDecimal(), currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw error("expected money like \"CNY 12.30\" or 12.30 but found " + describe());
        }
    }

    /**
     * This value as one of a closed list of names, matched exactly.
     *
     * @param choices the allowed names and what each stands for
     * @throws ConfigException naming the allowed names when the value is not one of them
     */
    public <T> T asOneOf(Map<String, T> choices) {
        String text = asText();
        T value = choices.get(text);
        if (value == null) {
            throw error("expected one of " + new java.util.TreeSet<>(choices.keySet()) + " but found \"" + text + "\"");
        }
        return value;
    }

    /** This value as a constant of {@code type}, written in lower case with dashes (e.g. {@code calendar-year}). */
    public <E extends Enum<E>> E asEnum(Class<E> type) {
        Map<String, E> choices = new java.util.HashMap<>();
        for (E constant : type.getEnumConstants()) {
            choices.put(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'), constant);
        }
        return asOneOf(choices);
    }

    /**
     * This value converted by {@code parse}; an {@link IllegalArgumentException} it throws becomes a
     * {@link ConfigException} at this value, carrying its message.
     */
    public <T> T as(Function<ConfigNode, T> parse) {
        Objects.requireNonNull(parse, "parse");
        try {
            return parse.apply(this);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName() + " for " + node.toString());
        }
    }

    /** The value as compact JSON text, for messages and hashing. */
    @Override
    public String toString() {
        return node.toString();
    }
}
