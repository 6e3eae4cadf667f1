package dev.siyu.attribution.view;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as shown to a guide: the member id, a display name, the masked phone, and the guide
 * serving them in the scope. There is no field for a raw phone number; build it with
 * {@link #of}, which masks. Immutable.
 *
 * @param member the customer
 * @param displayName the name the guide sees (a WeCom remark or nickname)
 * @param phone the masked phone, if the customer gave one
 * @param guide the customer's guide in the scope at the time of the view
 * @param boundSince since when that guide serves them
 */
public record CustomerCard(MemberId member, String displayName, Optional<MaskedPhone> phone, Optional<GuideId> guide,
        Optional<Instant> boundSince) {
    public CustomerCard {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(boundSince, "boundSince");
    }

    /**
     * The card of a customer for a guide's screen.
     *
     * @param rawPhone the phone number from the host's member record, masked here and not kept
     */
    public static CustomerCard of(CustomerBinding binding, String displayName, Optional<String> rawPhone,
            BindingScope scope, Instant at) {
        Objects.requireNonNull(binding, "binding");
        var bound = binding.bindingAt(scope, at);
        return new CustomerCard(binding.member(), displayName, rawPhone.map(MaskedPhone::of),
                bound.map(b -> b.guide()), bound.map(b -> b.since()));
    }
}
