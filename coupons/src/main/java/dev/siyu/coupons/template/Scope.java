package dev.siyu.coupons.template;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An include / exclude list of one kind of id (stores, counters, brands, categories, SKUs). An
 * empty include list admits every id; an excluded id is never admitted. Immutable.
 *
 * @param <T> the id type
 */
public record Scope<T>(Set<T> include, Set<T> exclude) {

    /** @throws IllegalArgumentException if an id is both included and excluded */
    public Scope {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
        for (T id : include) {
            if (exclude.contains(id)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "scope must not both include and exclude an id: %s", id));
            }
        }
    }

    /** The scope admitting everything. */
    public static <T> Scope<T> any() {
        return new Scope<>(Set.of(), Set.of());
    }

    /** The scope admitting only {@code ids}. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> Scope<T> only(T... ids) {
        return new Scope<>(Set.of(ids), Set.of());
    }

    /** The scope admitting everything but {@code ids}. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> Scope<T> except(T... ids) {
        return new Scope<>(Set.of(), Set.of(ids));
    }

    /** Whether {@code id} is admitted. */
    public boolean admits(T id) {
        Objects.requireNonNull(id, "id");
        return !exclude.contains(id) && (include.isEmpty() || include.contains(id));
    }

    /** Whether this scope admits everything. */
    public boolean isAny() {
        return include.isEmpty() && exclude.isEmpty();
    }

    @Override
    public String toString() {
        return "include=" + new TreeSet<>(include.stream().map(String::valueOf).toList())
                + " exclude=" + new TreeSet<>(exclude.stream().map(String::valueOf).toList());
    }
}
