package dev.siyu.attribution.event;

import dev.siyu.core.id.GuideId;
import java.time.Instant;

/**
 * Events about a guide's commission ledger as a whole (not about one customer), so they are not
 * {@link dev.siyu.core.event.DomainEvent}s, whose subject is a member.
 */
public sealed interface GuideEvent permits CommissionSettled, PendingCommissionForfeited {

    /** The guide whose ledger changed. */
    GuideId guide();

    /** When. */
    Instant at();

    /** Stable type name in JSON. */
    String type();
}
