package dev.siyu.examples.maoye;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.churn.ChurnLevel;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.tier.Tier;
import dev.siyu.core.tier.TierBenefits;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.tagging.community.Communities;
import dev.siyu.tagging.community.CommunityGroup;
import dev.siyu.tagging.community.CommunityType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Maoye pilot's outcome against the program's goals (DESIGN §5) and its invariants. */
class MaoyePilotTest {

    private static MaoyePilot.Outcome outcome;

    @BeforeAll
    static void run() {
        outcome = MaoyePilot.run();
    }

    @Test
    void fifty_thousand_customers_come_through_the_nine_channels_and_the_channels_sum_to_the_total() {
        assertThat(outcome.total()).isEqualTo(50_000);
        assertThat(outcome.byChannel().keySet()).containsExactlyInAnyOrder(AcquisitionChannel.GUIDE_CARD,
                AcquisitionChannel.ELEVATOR_STICKER, AcquisitionChannel.COUNTER_TAG, AcquisitionChannel.BANNER,
                AcquisitionChannel.PRIZE_DESK, AcquisitionChannel.OFFICIAL_ACCOUNT, AcquisitionChannel.MINI_PROGRAM,
                AcquisitionChannel.VIDEO_CHANNEL, AcquisitionChannel.SMS);
        assertThat(outcome.byChannel().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(outcome.total());
        Map<AcquisitionChannel, Integer> counted = new HashMap<>();
        outcome.customers().forEach(c -> counted.merge(c.profile().channel(), 1, Integer::sum));
        assertThat(counted).isEqualTo(outcome.byChannel());
        assertThat(outcome.byChannel().values()).allSatisfy(n -> assertThat(n).isPositive());
        // all joined within the 90 days, from zero
        assertThat(outcome.customers()).allSatisfy(c -> assertThat(c.profile().joinedOn())
                .isBetween(MaoyePilot.START, MaoyePilot.END.minusDays(1)));
        assertThat(outcome.customers().stream().map(c -> c.profile().id()).distinct().count()).isEqualTo(50_000);
    }

    @Test
    void every_customer_is_bound_to_a_guide_at_the_store_through_the_end() {
        Instant end = MaoyePilot.END.atStartOfDay(MaoyePilot.SHENZHEN).toInstant();
        assertThat(outcome.customers()).allSatisfy(c -> {
            assertThat(c.guide()).isNotNull();
            assertThat(c.binding().member()).isEqualTo(c.profile().id());
            assertThat(c.binding().guideAt(MaoyePilot.STORE, end)).contains(c.guide());
        });
        // counter channels bind to a counter guide, the others to the mall's service accounts
        assertThat(outcome.customers()).allSatisfy(c -> {
            boolean counter = c.profile().channel().equals(AcquisitionChannel.GUIDE_CARD)
                    || c.profile().channel().equals(AcquisitionChannel.COUNTER_TAG);
            assertThat(c.guide().equals(MaoyePilot.M_DI) || c.guide().equals(MaoyePilot.M_MEI)).isNotEqualTo(counter);
        });
    }

    @Test
    void attributed_sales_are_the_orders_net_of_refunds_and_exceed_ten_million_yuan() {
        Map<OrderId, Order> orders = outcome.orders().stream().collect(Collectors.toMap(Order::id, Function.identity()));
        Money sales = outcome.orders().stream().map(Order::net).reduce(Money.zero(Money.CNY), Money::plus);
        Money refunded = Money.zero(Money.CNY);
        Set<OrderId> refundedOrders = new HashSet<>();
        for (Refund r : outcome.refunds()) {
            Order o = orders.get(r.order());
            assertThat(o).isNotNull();
            assertThat(r.at()).isAfter(o.placedAt());
            assertThat(refundedOrders.add(r.order())).isTrue();
            for (RefundLine l : r.lines()) {
                refunded = refunded.plus(o.line(l.lineNo()).orElseThrow().netForUnits(0, l.quantity()));
            }
        }
        assertThat(outcome.sales()).isEqualTo(sales);
        assertThat(outcome.refunded()).isEqualTo(refunded);
        assertThat(outcome.attributed()).isEqualTo(sales.minus(refunded));
        assertThat(outcome.attributed().isGreaterThan(MaoyePilot.TARGET)).isTrue();
        assertThat(outcome.byGuide().values().stream().reduce(Money.zero(Money.CNY), Money::plus))
                .isEqualTo(outcome.attributed());
        assertThat(outcome.refunds()).isNotEmpty();
        // every order is a customer's, placed after they joined and within the 90 days
        Map<MemberId, MemberProfile> profiles = outcome.customers().stream()
                .collect(Collectors.toMap(c -> c.profile().id(), MaoyePilot.Customer::profile));
        Instant start = MaoyePilot.START.atStartOfDay(MaoyePilot.SHENZHEN).toInstant();
        Instant end = MaoyePilot.END.atStartOfDay(MaoyePilot.SHENZHEN).toInstant();
        assertThat(outcome.orders()).allSatisfy(o -> {
            assertThat(profiles).containsKey(o.member());
            assertThat(o.placedAt()).isBetween(start, end);
            assertThat(o.placedAt().atZone(MaoyePilot.SHENZHEN).toLocalDate())
                    .isAfterOrEqualTo(profiles.get(o.member()).joinedOn());
        });
    }

    @Test
    void five_community_types_of_at_most_500_a_group_admit_only_whom_their_rule_allows() {
        Communities program = MaoyePilot.communities();
        assertThat(outcome.groups().keySet()).containsExactlyElementsOf(MaoyePilot.COMMUNITY_TYPES);
        Map<String, Integer> admittedByType = new HashMap<>();
        outcome.admissions().forEach(a -> admittedByType.merge(a.type(), 1, Integer::sum));
        for (String type : MaoyePilot.COMMUNITY_TYPES) {
            List<CommunityGroup> groups = outcome.groups().get(type);
            assertThat(groups).as(type).isNotEmpty();
            assertThat(groups).allSatisfy(g -> assertThat(g.members().size()).isBetween(1, CommunityType.WECOM_CAPACITY));
            for (int i = 0; i < groups.size(); i++) {
                assertThat(groups.get(i).number()).isEqualTo(i + 1);
                if (i < groups.size() - 1) {
                    assertThat(groups.get(i).members()).as("a full group before the next opens").hasSize(500);
                }
            }
            Set<MemberId> seen = new HashSet<>();
            groups.forEach(g -> g.members().forEach(m -> assertThat(seen.add(m)).as("one group per type").isTrue()));
            assertThat(seen).hasSize(admittedByType.get(type));
        }
        assertThat(outcome.admissions())
                .allSatisfy(a -> assertThat(program.types().get(a.type()).admits(a.tags())).isTrue());
        // the luxury group is for 金卡 and up only, so some who asked were refused
        assertThat(outcome.refusedAdmissions()).isPositive();
        assertThat(outcome.admissions()).filteredOn(a -> a.type().equals(MaoyePilot.LUXURY_GROUP))
                .allSatisfy(a -> assertThat(a.tags()).contains(MaoyePilot.GOLD_PLUS, MaoyePilot.LUXURY));
    }

    @Test
    void replaying_admissions_through_the_library_gives_the_same_groups() {
        Communities program = MaoyePilot.communities();
        for (String type : List.of(MaoyePilot.MEMBERS, MaoyePilot.PICKS, MaoyePilot.LUXURY_GROUP)) {
            List<CommunityGroup> groups = List.of();
            for (MaoyePilot.Admission a : outcome.admissions()) {
                if (a.type().equals(type)) {
                    groups = program.admit(groups, type, a.member(), a.tags());
                }
            }
            assertThat(groups).as(type).isEqualTo(outcome.groups().get(type));
        }
    }

    @Test
    void five_tiers_and_each_tier_gives_its_birthday_gift_only_in_the_birthday_month() {
        TierProgram tiers = MaoyePilot.tiers();
        assertThat(tiers.tiers()).extracting(Tier::name).containsExactly("普卡", "银卡", "金卡", "白金卡", "钻石卡");
        assertThat(outcome.byTier().keySet()).containsExactlyElementsOf(tiers.tiers().stream().map(Tier::id).toList());
        assertThat(outcome.byTier().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(outcome.total());
        assertThat(tiers.tiers()).allSatisfy(t -> assertThat(t.benefits().birthdayPoints()).isPositive());

        Map<MemberId, MemberProfile> profiles = outcome.customers().stream()
                .collect(Collectors.toMap(c -> c.profile().id(), MaoyePilot.Customer::profile));
        Set<String> once = new HashSet<>();
        for (MaoyePilot.BirthdayGift g : outcome.gifts()) {
            MemberProfile p = profiles.get(g.member());
            assertThat(p.isBirthdayMonth(g.issuedOn())).as(g.toString()).isTrue();
            assertThat(g.issuedOn()).isAfterOrEqualTo(p.joinedOn()).isBefore(MaoyePilot.END);
            TierBenefits b = tiers.benefits(g.tier());
            assertThat(g.points()).isEqualTo(b.birthdayPoints());
            assertThat(g.coupon()).isEqualTo(b.birthdayCoupon());
            assertThat(once.add(g.member() + "@" + YearMonth.from(g.issuedOn()))).as("once a month").isTrue();
        }
        // and everyone whose birthday month came while they were a customer got it
        long due = outcome.customers().stream().mapToLong(c -> {
            MemberProfile p = c.profile();
            int month = p.birthday().orElseThrow().getMonthValue();
            LocalDate end = MaoyePilot.END.minusDays(1);
            YearMonth joined = YearMonth.from(p.joinedOn());
            return month >= joined.getMonthValue() && month <= end.getMonthValue() ? 1 : 0;
        }).sum();
        assertThat(outcome.gifts()).hasSize((int) due);
        Set<TierId> giftTiers = outcome.gifts().stream().map(MaoyePilot.BirthdayGift::tier).collect(Collectors.toSet());
        assertThat(giftTiers).containsExactlyInAnyOrderElementsOf(outcome.byTier().keySet());
    }

    @Test
    void weekly_wednesday_activities_bring_prize_claims_to_the_store() {
        int wednesdays = 0;
        for (LocalDate d = MaoyePilot.START; d.isBefore(MaoyePilot.END); d = d.plusDays(1)) {
            wednesdays += d.getDayOfWeek() == DayOfWeek.WEDNESDAY ? 1 : 0;
        }
        assertThat(outcome.activities()).isEqualTo(wednesdays).isEqualTo(13);
        assertThat(outcome.prizesClaimed()).isPositive().isLessThan(outcome.participations());
        // about 60% of community members take part each week (the case's participation rate)
        long inCommunity = outcome.customers().stream().filter(MaoyePilot.Customer::inCommunity).count();
        assertThat(outcome.participations()).isLessThan((int) (inCommunity * 13 * 0.6));
    }

    @Test
    void the_sleeping_rate_at_day_90_is_lower_in_the_communities() {
        int measured = outcome.levels().values().stream().mapToInt(Integer::intValue).sum();
        long acquiredBy60 = outcome.customers().stream()
                .filter(c -> !c.profile().joinedOn().isAfter(MaoyePilot.END.minusDays(30))).count();
        assertThat(measured).isEqualTo((int) acquiredBy60);
        int asleep = outcome.levels().getOrDefault(ChurnLevel.SLEEPING, 0) + outcome.levels().getOrDefault(ChurnLevel.LOST, 0);
        assertThat(outcome.sleepingRate()).isEqualTo((double) asleep / measured);
        assertThat(outcome.sleepingInCommunity()).isLessThan(outcome.sleepingOutside());
        assertThat(outcome.sleepingRate()).isBetween(outcome.sleepingInCommunity(), outcome.sleepingOutside());
        // the level follows the documented recency rule
        assertThat(outcome.customers()).allSatisfy(c -> {
            long since = java.time.temporal.ChronoUnit.DAYS.between(c.lastStoreContact(), MaoyePilot.END);
            ChurnLevel expected = since < 15 ? ChurnLevel.ACTIVE : since < 30 ? ChurnLevel.AT_RISK
                    : since < 60 ? ChurnLevel.SLEEPING : ChurnLevel.LOST;
            assertThat(c.level()).isEqualTo(expected);
        });
    }

    @Test
    void the_same_seed_gives_the_same_outcome() {
        MaoyePilot.Outcome again = MaoyePilot.run();
        assertThat(again.attributed()).isEqualTo(outcome.attributed());
        assertThat(again.byChannel()).isEqualTo(outcome.byChannel());
        assertThat(again.byTier()).isEqualTo(outcome.byTier());
        assertThat(again.levels()).isEqualTo(outcome.levels());
        assertThat(again.gifts()).isEqualTo(outcome.gifts());
    }
}
