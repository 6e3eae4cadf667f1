package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLot;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Random command sequences (earn, pay, redeem, partial refunds, expiry, replays, conflicts) against {@link PointsModel}. */
class PointsAccountStateMachineProperties {

    private static final MemberId M = MemberId.of("M1");

    @Test
    void every_step_matches_the_reference_model() {
        qt().withExamples(300).forAll(gen(PointsGenerators::program), gen(r -> PointsGenerators.commands(r, M, 60)))
                .checkAssert((program, commands) -> {
                    PointsEngine engine = PointsEngine.of(program);
                    PointsModel model = new PointsModel(program);
                    PointsAccount account = PointsAccount.empty(M);
                    int step = 0;
                    for (PointsCommand c : commands) {
                        String where = "step " + step++ + " " + c.operation();
                        PointsModel.Expect expect = model.apply(c);
                        PointsResult result = engine.apply(account, c);
                        PointsOutcome outcome = result.outcome();
                        switch (expect.kind()) {
                            case APPLIED -> assertThat(outcome).as(where).isInstanceOfSatisfying(PointsOutcome.Applied.class,
                                    a -> assertThat(a.balanceChange()).as(where).isEqualTo(expect.balanceChange()));
                            case REJECTED -> assertThat(outcome).as(where).isInstanceOfSatisfying(PointsOutcome.Rejected.class,
                                    x -> assertThat(x.reason()).as(where).isEqualTo(expect.reason()));
                            case DUPLICATE -> {
                                assertThat(outcome).as(where).isInstanceOf(PointsOutcome.Duplicate.class);
                                assertThat(result.account()).isSameAs(account);
                            }
                            case CONFLICT -> {
                                assertThat(outcome).as(where).isInstanceOf(PointsOutcome.Conflict.class);
                                assertThat(result.account()).isSameAs(account);
                            }
                        }
                        account = result.account();
                        assertThat(account.balance()).as(where).isEqualTo(model.balance());
                        assertThat(account.debt()).as(where).isEqualTo(model.debt);
                        assertThat(account.balance()).as(where).isEqualTo(account.totals().net());
                        assertThat(engine.available(account, c.at())).as(where).isEqualTo(model.available(c.at()));
                        assertThat(lots(account.lots())).as(where).isEqualTo(modelLots(model.liveLots()));
                    }
                });
    }

    private record LotView(long seq, long remaining, LocalDate availableOn, LocalDate expiresOn) {
    }

    private static List<LotView> lots(List<PointsLot> lots) {
        return lots.stream().map(l -> new LotView(l.sequence(), l.remaining(), l.availableOn(), l.expiresOn().orElse(null)))
                .toList();
    }

    private static List<LotView> modelLots(List<PointsModel.Lot> lots) {
        return lots.stream().map(l -> new LotView(l.seq, l.remaining, l.availableOn, l.expiresOn)).toList();
    }
}
