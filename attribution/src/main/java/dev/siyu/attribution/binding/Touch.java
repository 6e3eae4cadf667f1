package dev.siyu.attribution.binding;

import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import java.time.Instant;
import java.util.Objects;

/**
 * A contact between a guide and a customer that may bind them.
 *
 * @param member the customer
 * @param guide the guide
 * @param scope the store or brand the contact happened in
 * @param kind what kind of contact
 * @param at when
 */
public record Touch(MemberId member, GuideId guide, BindingScope scope, TouchKind kind, Instant at) {
    public Touch {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
