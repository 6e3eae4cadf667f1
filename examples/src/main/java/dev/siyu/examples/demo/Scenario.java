package dev.siyu.examples.demo;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.Refund;
import dev.siyu.testkit.member.MemberGenerators;
import dev.siyu.testkit.order.OrderGenerators;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated history of a handful of members over two years: purchases, some returned in part
 * or in full, and points redemptions for rewards, in time order. The same seed gives the same
 * history.
 *
 * @param members the members, each with a profile
 * @param happenings what happened, in time order
 */
record Scenario(List<MemberProfile> members, List<Happening> happenings) {

    private static final int[] MEAN_GAP_DAYS = {6, 14, 30, 60, 120, 5};

    /** One thing that happened. */
    sealed interface Happening {
        Instant at();
    }

    /** A member paid for an order. */
    record Purchase(Order order) implements Happening {
        @Override
        public Instant at() {
            return order.placedAt();
        }
    }

    /** A member returned units of an earlier order. */
    record Return(Order order, Refund refund) implements Happening {
        @Override
        public Instant at() {
            return refund.at();
        }
    }

    /** A member asked to exchange points for a reward. */
    record Redemption(MemberId member, Instant at, String reward, long points) implements Happening {
    }

    static Scenario generate(long seed, int memberCount, LocalDate start, int days, ZoneId zone) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MemberProfile> members = new ArrayList<>();
        List<Happening> happenings = new ArrayList<>();
        Instant begin = start.atStartOfDay(zone).toInstant();
        for (int m = 0; m < memberCount; m++) {
            MemberId id = MemberId.of("M" + (1001 + m));
            MemberProfile profile = MemberGenerators.profile(random, id, start, 1);
            members.add(profile);
            // members differ in how often they shop, from weekly to twice a year; the last one stops
            // shopping after ten months, so the report shows a downgrade after the grace period
            int meanGapDays = MEAN_GAP_DAYS[m % MEAN_GAP_DAYS.length];
            Instant stop = begin.plus(Duration.ofDays(m == memberCount - 1 ? 300 : days));
            Instant at = begin.plus(Duration.ofHours(10 + random.nextInt(24 * 20)));
            int orderNo = 0;
            while (at.isBefore(stop)) {
                Order order = OrderGenerators.order(random, OrderId.of(id.value() + "-O" + (++orderNo)), id, at, 4);
                happenings.add(new Purchase(order));
                if (random.nextInt(8) == 0) {
                    for (Refund refund : OrderGenerators.refunds(random, order, random.nextInt(3) == 0)) {
                        happenings.add(new Return(order, refund));
                    }
                }
                if (random.nextInt(6) == 0) {
                    Instant redeemAt = at.plus(Duration.ofDays(10 + random.nextInt(20)));
                    long points = 500L * (1 + random.nextInt(6));
                    happenings.add(new Redemption(id, redeemAt, random.nextBoolean() ? "coffee-voucher" : "parking-2h", points));
                }
                long gapHours = 12L + random.nextLong(2L * 24 * meanGapDays);
                at = at.plus(Duration.ofHours(gapHours));
            }
        }
        happenings.sort(Comparator.comparing(Happening::at));
        return new Scenario(List.copyOf(members), List.copyOf(happenings));
    }
}
