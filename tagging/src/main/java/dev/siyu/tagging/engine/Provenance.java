package dev.siyu.tagging.engine;

import dev.siyu.core.id.GuideId;
import dev.siyu.tagging.catalogue.TagKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a member's tag came from.
 *
 * @param kind rule, manual or imported
 * @param catalogueVersion the catalogue version whose rule assigned it (rule tags), else 0
 * @param guide the guide who set it (manual tags)
 * @param source the import's source name (imported tags), e.g. {@code wecom}
 * @param since when it was assigned
 * @param until when a manual or imported tag lapses, if it does
 */
public record Provenance(TagKind kind, long catalogueVersion, Optional<GuideId> guide, Optional<String> source,
        Instant since, Optional<Instant> until) {

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    /** Assigned by the rule of catalogue {@code version} at {@code since}. */
    public static Provenance rule(long version, Instant since) {
        return new Provenance(TagKind.RULE, version, Optional.empty(), Optional.empty(), since, Optional.empty());
    }

    /** Set by {@code guide} at {@code since}, lapsing at {@code until} if given. */
    public static Provenance manual(GuideId guide, Instant since, Optional<Instant> until) {
        return new Provenance(TagKind.MANUAL, 0, Optional.of(guide), Optional.empty(), since, until);
    }

    /** Imported from {@code source} at {@code since}, lapsing at {@code until} if given. */
    public static Provenance imported(String source, Instant since, Optional<Instant> until) {
        return new Provenance(TagKind.IMPORTED, 0, Optional.empty(), Optional.of(source), since, until);
    }

    /** Whether a manual or imported tag still holds at {@code asOf}. */
    public boolean holdsAt(Instant asOf) {
        return !since.isAfter(asOf) && until.map(asOf::isBefore).orElse(true);
    }
}
