package dev.siyu.coupons.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.money.Money;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.coupons.redemption.CouponLedger;
import dev.siyu.coupons.redemption.CouponOutcome;
import dev.siyu.coupons.template.Benefit;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.Eligibility;
import dev.siyu.coupons.template.Limits;
import dev.siyu.coupons.template.MemberKind;
import dev.siyu.coupons.template.Validity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** C.banner's new-customer coupon with its expiry reminder; Miniso's coupons on first add. */
class JourneysTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CouponTemplateId NEW = CouponTemplateId.of("cbanner-new-30");
    static final MemberId ANN = MemberId.of("ann");
    final CouponTemplate newcomer = CouponTemplate.builder(NEW, Benefit.AmountOff.over(Money.cny("199"), Money.cny("30")))
            .eligibility(Eligibility.everyone().withMembers(MemberKind.NEW)).validity(Validity.daysAfterIssue(7, ZONE))
            .limits(new Limits(3, 0, 0, Optional.empty())).build();
    final Journeys journeys = Journeys.of(List.of(newcomer), List.of(
            new JourneyRule.IssueOn(JourneyRule.Trigger.JOINED, NEW, 1),
            new JourneyRule.IssueOn(JourneyRule.Trigger.FIRST_ADD, NEW, 2),
            new JourneyRule.RemindBeforeExpiry(NEW, 2),
            new JourneyRule.ReissueExpired(NEW, 1)));
    final CouponLedger ledger = new CouponLedger(List.of(newcomer), new InMemoryVersionedStore<>(),
            new InMemoryVersionedStore<>());

    void carryOut(List<Journeys.Issue> issues, Instant at) {
        for (Journeys.Issue i : issues) {
            ledger.issue(i.operation(), i.member(), i.coupon(), i.template(), at);
        }
    }

    @Test
    void joining_issues_once_however_often_the_journey_runs() {
        Instant joined = Instant.parse("2026-11-20T02:00:00Z");
        carryOut(journeys.on(JourneyRule.Trigger.JOINED, ANN), joined);
        carryOut(journeys.on(JourneyRule.Trigger.JOINED, ANN), joined);
        assertThat(ledger.wallet(ANN).coupons()).hasSize(1);
        carryOut(journeys.on(JourneyRule.Trigger.FIRST_ADD, ANN), joined);
        assertThat(ledger.wallet(ANN).coupons()).hasSize(3);
    }

    @Test
    void reminds_two_days_before_the_last_valid_day_in_the_mall_zone_then_reissues_once() {
        Instant joined = Instant.parse("2026-11-20T02:00:00Z");
        carryOut(journeys.on(JourneyRule.Trigger.JOINED, ANN), joined);
        // valid 20 Nov .. 26 Nov (7 business days): reminder on 24 Nov
        assertThat(journeys.remindersDue(ledger.wallet(ANN), LocalDate.of(2026, 11, 23))).isEmpty();
        assertThat(journeys.remindersDue(ledger.wallet(ANN), LocalDate.of(2026, 11, 24))).singleElement()
                .satisfies(r -> assertThat(r.lastDay()).isEqualTo(LocalDate.of(2026, 11, 26)));
        Instant after = Instant.parse("2026-11-27T01:00:00Z");
        List<Journeys.Issue> reissues = journeys.reissuesDue(ledger.wallet(ANN), after);
        assertThat(reissues).hasSize(1);
        carryOut(reissues, after);
        Instant later = Instant.parse("2026-12-10T01:00:00Z");
        assertThat(journeys.reissuesDue(ledger.wallet(ANN), later)).isEmpty();
        assertThat(ledger.issue(reissues.get(0).operation(), ANN, reissues.get(0).coupon(), NEW, after).outcome())
                .isInstanceOf(CouponOutcome.Duplicate.class);
    }
}
