package dev.siyu.testkit.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.money.Money;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.store.Versioned;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PointsLedgerTest {

    private static final MemberId M = PointsLedgerConcurrencyTest.M;

    private final InMemoryVersionedStore<MemberId, PointsAccount> store = new InMemoryVersionedStore<>();
    private final PointsLedger ledger = new PointsLedger(PointsEngine.of(PointsProgram.builder().build()), store);

    @Nested
    class Writing {

        @Test
        void stores_each_applied_or_rejected_command_and_not_replays_or_conflicts() {
            ledger.apply(M, PointsLedgerConcurrencyTest.earn("e1", 100));
            PointsCommand.RedeemForReward tooMuch = new PointsCommand.RedeemForReward(OperationId.of("r1"),
                    PointsGenerators.START.plus(Duration.ofDays(1)), "GIFT", 500);
            assertThat(ledger.apply(M, tooMuch).outcome()).isInstanceOf(PointsOutcome.Rejected.class);
            assertThat(store.load(M).map(Versioned::version)).contains(2L);
            PointsResult replay = ledger.apply(M, tooMuch);
            assertThat(replay.outcome()).isInstanceOf(PointsOutcome.Duplicate.class);
            PointsResult conflict = ledger.apply(M, new PointsCommand.RedeemForReward(OperationId.of("r1"),
                    tooMuch.at(), "GIFT", 50));
            assertThat(conflict.outcome()).isInstanceOf(PointsOutcome.Conflict.class);
            assertThat(store.load(M).map(Versioned::version)).contains(2L);
            assertThat(ledger.account(M).balance()).isEqualTo(100);
        }
    }

    @Nested
    class BadInput {

        @Test
        void a_currency_mismatch_is_refused_by_exception_and_nothing_is_written() {
            ledger.apply(M, PointsLedgerConcurrencyTest.earn("e1", 100));
            PointsCommand.RedeemForPayment usd = new PointsCommand.RedeemForPayment(OperationId.of("p1"),
                    PointsGenerators.START, OrderId.of("O9"), Money.ofMinor(1000, Currency.getInstance("USD")), 100);
            assertThatThrownBy(() -> ledger.apply(M, usd)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("orderAmount must be CNY: USD");
            assertThat(store.load(M).map(Versioned::version)).contains(1L);
            assertThat(store.isApplied(M, OperationId.of("p1"))).isFalse();
        }

        @Test
        void an_order_of_another_member_is_refused_and_nothing_is_written() {
            assertThatThrownBy(() -> ledger.apply(MemberId.of("M2"), PointsLedgerConcurrencyTest.earn("e1", 100)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order member must be");
            assertThat(store.size()).isZero();
        }

        @Test
        void too_few_attempts_are_refused() {
            assertThatThrownBy(() -> new PointsLedger(PointsEngine.of(PointsProgram.builder().build()), store, 0))
                    .hasMessage("maxAttempts must be >= 1: 0");
        }
    }
}
