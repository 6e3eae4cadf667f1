package dev.siyu.examples.youmall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.commission.Statement;
import dev.siyu.attribution.commission.StatementLine;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributionMonthTest {

    @Test
    void a_distribution_month_pays_sharers_and_their_recruiter_with_a_tier_bonus_and_lines_that_sum_to_the_payout() {
        Map<GuideId, Statement> statements = DistributionMonth.run();
        Statement star = statements.get(GuideId.of("star"));
        // a good guide: 2,000–2,800 yuan, with a tier bonus and 10% of her recruit's commission
        assertThat(star.payout()).isBetween(Money.cny("2000.00"), Money.cny("2800.00"));
        assertThat(star.lines().get(0).explanation().fact("accruals")).contains("115");
        assertThat(star.lines().get(1).code()).isEqualTo("TIER_BONUS");
        assertThat(star.lines().get(1).amount().isPositive()).isTrue();
        Statement recruit = statements.get(GuideId.of("recruit"));
        assertThat(recruit.payout().isPositive()).isTrue();
        Statement casual = statements.get(GuideId.of("casual"));
        assertThat(casual.payout().isLessThan(recruit.payout())).isTrue();
        statements.values().forEach(s -> assertThat(s.lines().stream().map(StatementLine::amount)
                .reduce(Money.zero(Money.CNY), Money::plus)).isEqualTo(s.payout()));
    }
}
