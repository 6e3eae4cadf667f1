package dev.siyu.testkit.points;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsResult;

/** Assertions shared by the properties that run one command sequence through two programs. */
final class SameAccounts {

    private SameAccounts() {
    }

    /** {@code b} holds what {@code a} holds: lots, totals, balance and debt. */
    static void assertSameState(PointsAccount b, PointsAccount a, String where) {
        assertThat(b.lots()).as(where).isEqualTo(a.lots());
        assertThat(b.totals()).as(where).isEqualTo(a.totals());
        assertThat(b.balance()).as(where).isEqualTo(a.balance());
        assertThat(b.debt()).as(where).isEqualTo(a.debt());
    }

    /** {@code rb} came out as {@code ra}: the same kind of outcome, balance change or reason. */
    static void assertSameOutcome(PointsResult rb, PointsResult ra, String where) {
        assertThat(rb.outcome().getClass()).as(where).isEqualTo(ra.outcome().getClass());
        if (ra.outcome() instanceof PointsOutcome.Applied x) {
            assertThat(((PointsOutcome.Applied) rb.outcome()).balanceChange()).as(where).isEqualTo(x.balanceChange());
        } else if (ra.outcome() instanceof PointsOutcome.Rejected x) {
            assertThat(((PointsOutcome.Rejected) rb.outcome()).reason()).as(where).isEqualTo(x.reason());
        }
    }
}
