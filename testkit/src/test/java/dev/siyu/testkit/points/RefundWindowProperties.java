package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.points.RejectReason;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * A program with a refund window against the same program without one, on the same random command
 * sequences: a refund inside the window behaves exactly as without a window (outcome, balance, debt,
 * lots, totals), however many old order records the windowed account has dropped; a refund outside
 * it is refused with {@link RejectReason#REFUND_WINDOW_CLOSED} and changes nothing (it is then not
 * applied to the unwindowed account either, so both stay comparable).
 */
class RefundWindowProperties {

    private static final MemberId M = MemberId.of("M1");

    @Test
    void inside_the_window_a_refund_is_as_without_one_outside_it_is_refused_and_changes_nothing() {
        qt().withExamples(300).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 60)),
                SourceDSL.integers().between(0, 40)).checkAssert((program, commands, window) -> {
                    PointsEngine open = PointsEngine.of(program);
                    PointsEngine windowed = PointsEngine.of(program.toBuilder().refundWindowDays(window).build());
                    PointsAccount a = PointsAccount.empty(M);
                    PointsAccount b = PointsAccount.empty(M);
                    for (PointsCommand c : commands) {
                        String where = c.operation() + " window " + window;
                        PointsResult rb = windowed.apply(b, c);
                        if (c instanceof PointsCommand.RefundOrder r && b.outcomeOf(c.operation()).isEmpty()) {
                            LocalDate placed = LocalDate.ofInstant(r.order().placedAt(), program.zone());
                            LocalDate on = LocalDate.ofInstant(r.at(), program.zone());
                            if (placed.isBefore(on.minusDays(window))) {
                                assertThat(rb.outcome()).as(where).isInstanceOfSatisfying(PointsOutcome.Rejected.class,
                                        x -> assertThat(x.reason()).isEqualTo(RejectReason.REFUND_WINDOW_CLOSED));
                                assertThat(rb.events()).isEmpty();
                                SameAccounts.assertSameState(rb.account(), b, where);
                                b = rb.account();
                                continue;
                            }
                        }
                        if (c instanceof PointsCommand.RefundOrder && refusedBefore(b, c)) {
                            // a replay of a refund the windowed program refused: a Duplicate of that refusal
                            assertThat(rb.outcome()).as(where).isInstanceOf(PointsOutcome.Duplicate.class);
                            b = rb.account();
                            continue;
                        }
                        PointsResult ra = open.apply(a, c);
                        SameAccounts.assertSameOutcome(rb, ra, where);
                        a = ra.account();
                        b = rb.account();
                        SameAccounts.assertSameState(b, a, where);
                    }
                });
    }

    private static boolean refusedBefore(PointsAccount b, PointsCommand c) {
        return b.outcomeOf(c.operation()).map(o -> o instanceof PointsOutcome.Rejected x
                && x.reason() == RejectReason.REFUND_WINDOW_CLOSED).orElse(false);
    }
}
