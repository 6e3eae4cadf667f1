package dev.siyu.attribution.binding;

import dev.siyu.core.id.GuideId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's guide in one scope.
 *
 * @param guide the guide
 * @param scope the scope
 * @param since when this guide got the customer
 * @param protectedUntil until when (exclusive) no other guide can take the customer by a touch
 * @param validUntil when (exclusive) the binding lapses, if it lapses at all
 * @param via the touch (or transfer) that bound
 */
public record Binding(GuideId guide, BindingScope scope, Instant since, Instant protectedUntil,
        Optional<Instant> validUntil, String via) {
    public Binding {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(protectedUntil, "protectedUntil");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(via, "via");
    }

    /** Whether the binding holds at {@code at} (it has not lapsed). */
    public boolean isValidAt(Instant at) {
        return validUntil.isEmpty() || at.isBefore(validUntil.get());
    }

    /** Whether the binding is protected against other guides' touches at {@code at}. */
    public boolean isProtectedAt(Instant at) {
        return at.isBefore(protectedUntil);
    }
}
