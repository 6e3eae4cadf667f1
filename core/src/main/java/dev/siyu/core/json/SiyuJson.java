package dev.siyu.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Siyu's JSON edge: parses configuration documents into {@link ConfigNode}s and writes and reads
 * domain values (events, explanations, results) with the one hardened mapper. No Jackson type
 * appears in its signatures; the class a document is read into is always chosen by the caller from
 * a closed list, never by the document. Thread-safe.
 */
public final class SiyuJson {

    private SiyuJson() {
    }

    /**
     * Parses {@code json} as a configuration document.
     *
     * @throws ConfigException naming the pointer, line and column of the first syntax error or
     *     exceeded limit (depth 64, 4 MiB, strings of 64 KiB, numbers of 64 digits, duplicate keys)
     */
    public static ConfigNode parse(String json) {
        Objects.requireNonNull(json, "json");
        Map<String, int[]> locations = new HashMap<>();
        JsonNode tree;
        try (JsonParser parser = HardenedMapper.MAPPER.createParser(json)) {
            while (parser.nextToken() != null) {
                JsonToken token = parser.currentToken();
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    JsonLocation at = parser.currentTokenLocation();
                    String pointer = parser.getParsingContext().pathAsPointer(false).toString();
                    locations.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                    if (token.isNumeric()) {
                        try {
                            parser.getDecimalValue();
                        } catch (NumberFormatException e) {
                            throw new ConfigException(pointer, at.getLineNr(), at.getColumnNr(),
                                    "expected a number within range but found " + parser.getText(), e);
                        }
                    }
                }
            }
            tree = HardenedMapper.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ConfigException("", 0, 0, "expected a JSON document but found nothing");
        }
        return new ConfigNode(tree, "", Map.copyOf(locations));
    }

    private static ConfigException syntaxError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String pointer = "";
        if (e.getProcessor() instanceof JsonParser parser) {
            pointer = parser.getParsingContext().pathAsPointer(false).toString();
        } else if (e instanceof JsonMappingException m) {
            pointer = m.getPathReference() == null ? "" : pointerOf(m);
        }
        String problem = e instanceof StreamConstraintsException
                ? "document exceeds a limit: " + e.getOriginalMessage()
                : "malformed JSON: " + e.getOriginalMessage();
        return new ConfigException(pointer, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                problem, e);
    }

    private static String pointerOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getFieldName() != null
                    ? ref.getFieldName().replace("~", "~0").replace("/", "~1")
                    : Integer.toString(ref.getIndex()));
        }
        return pointer.toString();
    }

    /**
     * Writes {@code value} (a record of Siyu values, an event, an explanation …) as compact JSON.
     * Ids are written as their text, money as {@code {"amount":"12.30","currency":"CNY"}}, instants
     * and dates in ISO form.
     */
    public static String write(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return HardenedMapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value must be serializable: " + value.getClass().getName(), e);
        }
    }

    /**
     * Writes {@code value} as a JSON object whose first field is {@code "type": typeName}.
     *
     * @throws IllegalArgumentException if the value does not serialize to an object or has a field named type
     */
    public static String writeTyped(String typeName, Record value) {
        Objects.requireNonNull(typeName, "typeName");
        JsonNode body = HardenedMapper.MAPPER.valueToTree(value);
        if (!body.isObject() || body.has("type")) {
            throw new IllegalArgumentException("value must serialize to an object without a 'type' field: " + value);
        }
        ObjectNode typed = HardenedMapper.MAPPER.createObjectNode();
        typed.put("type", typeName);
        typed.setAll((ObjectNode) body);
        return typed.toString();
    }

    /**
     * Reads {@code json} into {@code type}, chosen by the caller.
     *
     * @throws ConfigException naming the pointer and what was expected when the document does not fit
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        parse(json); // syntax and limits, with locations
        try {
            return HardenedMapper.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
    }

    /**
     * Reads a document written by {@link #writeTyped}: the {@code type} field picks the class from
     * the closed map {@code types}, and the rest of the object is read into it.
     *
     * @throws ConfigException if the type is missing or unknown, or the body does not fit the class
     */
    public static <T> T readTyped(String json, Map<String, Class<? extends T>> types) {
        ConfigNode root = parse(json);
        String typeName = root.required("type").asText();
        Class<? extends T> type = types.get(typeName);
        if (type == null) {
            throw root.required("type").error("expected one of " + new TreeSet<>(types.keySet())
                    + " but found \"" + typeName + "\"");
        }
        try {
            ObjectNode body = (ObjectNode) HardenedMapper.MAPPER.readTree(json);
            body.remove("type");
            return HardenedMapper.MAPPER.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        }
    }
}
