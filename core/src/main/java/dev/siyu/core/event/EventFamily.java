package dev.siyu.core.event;

import dev.siyu.core.id.TypedId;
import dev.siyu.core.json.ConfigException;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.json.SiyuJson;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sealed family of event records and the closed map of their JSON type names, which reads the
 * family's events back from the JSON {@link Events#toJson} writes. The record class is chosen by
 * the document's {@code type} field from this map only, never from a class name in the document.
 *
 * <p>{@link #of} checks that the map names every record permitted (directly or through nested sealed
 * interfaces) by the family's sealed interface, each once, so a new event cannot be forgotten.
 * Immutable and thread-safe.
 *
 * @param <E> the family's sealed interface
 */
public final class EventFamily<E extends Event> {

    private final Class<E> root;
    private final Map<String, Class<? extends E>> types;

    private EventFamily(Class<E> root, Map<String, Class<? extends E>> types) {
        this.root = root;
        this.types = types;
    }

    /**
     * The family of sealed interface {@code root} with these type names.
     *
     * @throws IllegalArgumentException if {@code root} is not a sealed interface whose permitted
     *     subtypes are records or sealed interfaces, if a type name is blank, or if the map does not
     *     name each permitted record exactly once
     */
    public static <E extends Event> EventFamily<E> of(Class<E> root, Map<String, Class<? extends E>> types) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(types, "types");
        Set<Class<?>> records = recordsOf(root);
        Set<Class<?>> named = new HashSet<>();
        for (Map.Entry<String, Class<? extends E>> entry : types.entrySet()) {
            if (entry.getKey().isBlank()) {
                throw new IllegalArgumentException("type names must not be blank: " + types);
            }
            if (!records.contains(entry.getValue())) {
                throw new IllegalArgumentException(entry.getValue().getName() + " is not a record permitted by "
                        + root.getName());
            }
            if (!named.add(entry.getValue())) {
                throw new IllegalArgumentException(entry.getValue().getName() + " has two type names in " + types);
            }
        }
        records.removeAll(named);
        if (!records.isEmpty()) {
            throw new IllegalArgumentException("no type name for " + records + " in the family of " + root.getName());
        }
        return new EventFamily<>(root, Map.copyOf(new TreeMap<>(types)));
    }

    /** The records permitted by sealed interface {@code root}, through nested sealed interfaces. */
    private static Set<Class<?>> recordsOf(Class<?> root) {
        if (!root.isInterface() || !root.isSealed()) {
            throw new IllegalArgumentException("family root must be a sealed interface: " + root.getName());
        }
        Set<Class<?>> records = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(root.getPermittedSubclasses()));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (type.isRecord()) {
                records.add(type);
            } else if (type.isInterface() && type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                throw new IllegalArgumentException("events must be records or sealed interfaces: " + type.getName());
            }
        }
        return records;
    }

    /** The family's sealed interface. */
    public Class<E> root() {
        return root;
    }

    /** The type names and their record classes, unmodifiable. */
    public Map<String, Class<? extends E>> types() {
        return types;
    }

    /** The record classes of the family. */
    public Collection<Class<? extends E>> records() {
        return types.values();
    }

    /** The event as JSON, as {@link Events#toJson} writes it. */
    public String toJson(E event) {
        return Events.toJson(event);
    }

    /**
     * Reads an event of this family written by {@link Events#toJson}.
     *
     * @throws ConfigException naming the JSON pointer and what was expected, if the document is not
     *     an object, its {@code type} is missing or not one of this family's, a field is missing or
     *     null (except optional ones), unknown, or of the wrong shape, or its value is refused by the
     *     record's constructor
     */
    public E fromJson(String json) {
        Objects.requireNonNull(json, "json");
        ConfigNode document = SiyuJson.parse(json);
        if (!document.isObject()) {
            throw document.error("expected an object with a \"type\" field");
        }
        Class<? extends E> type = types.get(document.required("type").asText());
        if (type != null) {
            requireFields(document, type);
        }
        return SiyuJson.readTyped(json, types);
    }

    /**
     * Checks that every component of record {@code type} that is not an {@code Optional} is present
     * and not null in {@code object}, in nested records too. The mapper would otherwise pass null
     * (or 0 and false for primitives) to the record's constructor.
     */
    private static void requireFields(ConfigNode object, Class<?> type) {
        if (!object.isObject()) {
            return; // the mapper reports the wrong shape with its pointer
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (component.getType() == Optional.class) {
                Optional<ConfigNode> value = object.optional(name);
                if (value.isPresent()) {
                    descend(value.get(), typeArgument(component.getGenericType()));
                }
                continue;
            }
            if (!object.has(name)) {
                throw new ConfigException(object.pointer() + "/" + name, 0, 0,
                        "expected " + describe(component.getGenericType()) + " but found nothing");
            }
            descend(object.required(name), component.getGenericType());
        }
    }

    private static void descend(ConfigNode value, Type type) {
        if (type instanceof Class<?> raw) {
            if (raw.isRecord() && !TypedId.class.isAssignableFrom(raw)) {
                requireFields(value, raw);
            }
        } else if (type instanceof ParameterizedType generic) {
            Type raw = generic.getRawType();
            if ((raw == List.class || raw == Set.class) && value.isArray()) {
                for (ConfigNode element : value.elements()) {
                    descend(element, typeArgument(generic));
                }
            } else if (raw == Optional.class) {
                descend(value, typeArgument(generic));
            }
        }
    }

    private static Type typeArgument(Type type) {
        return type instanceof ParameterizedType generic ? generic.getActualTypeArguments()[0] : Object.class;
    }

    private static String describe(Type type) {
        if (type instanceof Class<?> raw) {
            return "a value of type " + raw.getSimpleName();
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            return "a value of type " + raw.getSimpleName();
        }
        return "a value";
    }

    @Override
    public String toString() {
        return "EventFamily[" + root.getSimpleName() + ": " + types.keySet() + "]";
    }
}
