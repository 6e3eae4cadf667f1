package dev.siyu.tagging.feature;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A typed member feature rules can read. Immutable.
 *
 * @param name snake-case name, e.g. {@code spend}
 * @param type the value type
 * @param sources what the value is computed from
 * @param required parameters every reference must give
 * @param optional parameters a reference may give
 * @param sensitive whether the feature is sensitive personal information (PIPL art. 28); audiences
 *     built on it are marked so
 * @param host whether the host computes it (values come in {@code MemberFacts#hostValues})
 */
public record FeatureDefinition(String name, FeatureType type, Set<FeatureSource> sources,
        Set<FeatureParameter> required, Set<FeatureParameter> optional, boolean sensitive, boolean host) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** @throws IllegalArgumentException if the name is not snake case or a parameter is both required and optional */
    public FeatureDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        sources = Set.copyOf(sources);
        required = Set.copyOf(required);
        optional = Set.copyOf(optional);
        if (name.length() > 64 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feature name must be snake_case of at most 64 chars: " + name);
        }
        for (FeatureParameter p : required) {
            if (optional.contains(p)) {
                throw new IllegalArgumentException("parameter must not be both required and optional: " + p);
            }
        }
    }

    /** A feature the host computes and hands in by name; it takes no parameters. */
    public static FeatureDefinition host(String name, FeatureType type, boolean sensitive) {
        return new FeatureDefinition(name, type, Set.of(FeatureSource.HOST), Set.of(), Set.of(), sensitive, true);
    }

    /** Whether a reference may carry {@code parameter}. */
    public boolean accepts(FeatureParameter parameter) {
        return required.contains(parameter) || optional.contains(parameter);
    }
}
