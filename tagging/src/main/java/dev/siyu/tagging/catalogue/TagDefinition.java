package dev.siyu.tagging.catalogue;

import dev.siyu.tagging.rule.Rule;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One tag of a catalogue. Immutable.
 *
 * @param id the tag's id
 * @param name the display name
 * @param group the id of its group
 * @param kind rule, manual or imported
 * @param rule the rule of a rule tag; empty for the others
 * @param priority the precedence inside an exclusive group (higher wins)
 * @param validFrom the first business date the tag applies, if limited
 * @param validUntil the last business date the tag applies, if limited
 */
public record TagDefinition(TagId id, String name, String group, TagKind kind, Optional<Rule> rule, int priority,
        Optional<LocalDate> validFrom, Optional<LocalDate> validUntil) {

    /** @throws IllegalArgumentException if a rule tag has no rule, another kind has one, or the validity is empty */
    public TagDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if ((kind == TagKind.RULE) != rule.isPresent()) {
            throw new IllegalArgumentException("rule must be given exactly for rule tags: " + id + " is " + kind);
        }
        if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
            throw new IllegalArgumentException("validUntil must not be before validFrom: " + id + " "
                    + validFrom.get() + ".." + validUntil.get());
        }
    }

    /** A rule tag valid forever with priority 0. */
    public static TagDefinition rule(String id, String group, Rule rule) {
        return new TagDefinition(TagId.of(id), id, group, TagKind.RULE, Optional.of(rule), 0, Optional.empty(),
                Optional.empty());
    }

    /** A manual tag valid forever. */
    public static TagDefinition manual(String id, String group) {
        return new TagDefinition(TagId.of(id), id, group, TagKind.MANUAL, Optional.empty(), 0, Optional.empty(),
                Optional.empty());
    }

    /** This tag with another priority. */
    public TagDefinition withPriority(int p) {
        return new TagDefinition(id, name, group, kind, rule, p, validFrom, validUntil);
    }

    /** Whether the tag applies on {@code date}. */
    public boolean validOn(LocalDate date) {
        return validFrom.map(f -> !date.isBefore(f)).orElse(true) && validUntil.map(u -> !date.isAfter(u)).orElse(true);
    }
}
