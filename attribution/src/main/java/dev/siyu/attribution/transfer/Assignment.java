package dev.siyu.attribution.transfer;

import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import java.util.Objects;

/**
 * One customer of a departing guide and the taker chosen for them.
 *
 * @param member the customer
 * @param scope the scope the leaver held them in
 * @param taker the new guide
 * @param explanation the rule, the candidates considered and the loads that decided
 */
public record Assignment(MemberId member, BindingScope scope, GuideId taker, Explanation explanation) {
    public Assignment {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(taker, "taker");
        Objects.requireNonNull(explanation, "explanation");
    }
}
