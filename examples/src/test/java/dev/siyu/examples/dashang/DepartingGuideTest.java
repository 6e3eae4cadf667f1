package dev.siyu.examples.dashang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.commission.StatementLine;
import dev.siyu.core.id.GuideId;
import org.junit.jupiter.api.Test;

class DepartingGuideTest {

    @Test
    void a_departing_guides_customers_transfer_without_loss_and_no_commission_is_paid_twice() {
        DepartingGuide.Result r = DepartingGuide.run();
        assertThat(r.customers()).isEqualTo(60);
        assertThat(r.unboundAfter()).isZero();
        assertThat(r.movedToTakers()).isEqualTo(60);
        // every fen of commission on every order, after refunds, is in exactly one statement
        assertThat(r.paid()).isEqualTo(r.commissionOfOrders());
        assertThat(r.leaverPayout().isPositive()).isTrue();
        assertThat(r.statements().get(DepartingGuide.LEAVER).lines()).extracting(StatementLine::code)
                .containsExactly("ACCRUED", "REFUNDED");
        // same counter first: the counter colleagues took the customers, the other counter's guide none
        assertThat(r.statements()).containsKeys(GuideId.of("li"), GuideId.of("zhao")).doesNotContainKey(GuideId.of("chen"));
    }
}
