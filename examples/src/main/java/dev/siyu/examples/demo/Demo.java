package dev.siyu.examples.demo;

import dev.siyu.core.event.PointsEarned;
import dev.siyu.core.event.PointsReversed;
import dev.siyu.core.event.TierChanged;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.points.ExpiringPoints;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.Tier;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierResult;
import dev.siyu.core.tier.TierStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Member cards: a department store's five-tier card program (普卡, 银卡, 金卡, 白金卡,
 * 钻石卡) and its points program, read from the JSON documents beside this class, replaying two
 * years of generated purchases, returns and redemptions for a handful of members. Tiers are
 * evaluated and expired points swept on the first of every month. Prints each member's tier,
 * balance, expiring points and the explanation of every tier decision.
 *
 * <p>{@link StoreYear}, the main job, uses this class for tiers and points over thousands of members;
 * {@link #main} runs the store year. {@link #run} runs the member cards alone.
 */
public final class Demo {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final int DAYS = 730;
    static final long SEED = 20_250_101L;
    static final int MEMBERS = 6;

    private final TierProgram tiers;
    private final PointsLedger ledger;
    private final PointsEngine engine;
    private final ZoneId zone;
    private final Map<MemberId, MemberProfile> profiles = new LinkedHashMap<>();
    private final Map<MemberId, TierStatus> statuses = new HashMap<>();
    private final Map<MemberId, List<TierChanged>> decisions = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> returnedUnits = new HashMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    Demo(TierProgram tiers, PointsProgram points) {
        this.tiers = tiers;
        this.engine = PointsEngine.of(points);
        this.ledger = new PointsLedger(engine, new InMemoryVersionedStore<MemberId, PointsAccount>());
        this.zone = tiers.zone();
    }

    /**
     * Runs the year of a department store ({@link StoreYear}): prints its report and writes the HTML
     * report to the path given as the first argument, or under {@code examples/target/}.
     */
    public static void main(String[] args) {
        StoreYear.main(args);
    }

    /** Builds the tier and points programs from the JSON documents beside this class. */
    static Demo fromResources() {
        TierProgram tiers = TierProgram.fromJson(resource("tiers.json"));
        PointsProgram.Builder points = PointsProgram.fromJson(resource("points.json")).toBuilder();
        // the tier's earn multiplier is the points program's multiplier for that tier
        for (Tier tier : tiers.tiers()) {
            points.tierMultiplier(tier.id(), tier.benefits().earnMultiplier());
        }
        return new Demo(tiers, points.build());
    }

    /** Runs the member-card demo and prints its report to {@code out}; returns the demo for inspection. */
    static Demo run(PrintStream out) {
        Demo demo = fromResources();
        Scenario scenario = Scenario.generate(SEED, MEMBERS, START, DAYS, demo.zone);
        demo.replay(scenario);
        demo.report(out, START.plusDays(DAYS).atStartOfDay(demo.zone).toInstant());
        return demo;
    }

    static String resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enrols a member who joins at {@code at}. */
    void join(MemberProfile profile, Instant at) {
        profiles.put(profile.id(), profile);
        TierResult enrolled = tiers.enroll(profile, at);
        statuses.put(profile.id(), enrolled.status());
        decisions.computeIfAbsent(profile.id(), m -> new ArrayList<>()).addAll(enrolled.events());
    }

    void replay(Scenario scenario) {
        Instant begin = START.atStartOfDay(zone).toInstant();
        for (MemberProfile profile : scenario.members()) {
            profiles.put(profile.id(), profile);
            TierResult enrolled = tiers.enroll(profile, begin);
            statuses.put(profile.id(), enrolled.status());
            decisions.computeIfAbsent(profile.id(), m -> new ArrayList<>()).addAll(enrolled.events());
        }
        LocalDate nextMonth = START.plusMonths(1);
        for (Scenario.Happening happening : scenario.happenings()) {
            while (!happening.at().isBefore(nextMonth.atStartOfDay(zone).toInstant())) {
                monthEnd(nextMonth);
                nextMonth = nextMonth.plusMonths(1);
            }
            if (happening instanceof Scenario.Purchase purchase) {
                purchase(purchase.order());
            } else if (happening instanceof Scenario.Return ret) {
                refund(ret.order(), ret.refund());
            } else if (happening instanceof Scenario.Redemption redemption) {
                redeem(redemption);
            }
        }
        LocalDate end = START.plusDays(DAYS);
        while (!nextMonth.isAfter(end)) {
            monthEnd(nextMonth);
            nextMonth = nextMonth.plusMonths(1);
        }
    }

    void monthEnd(LocalDate firstOfMonth) {
        Instant at = firstOfMonth.atStartOfDay(zone).toInstant();
        for (MemberId member : profiles.keySet()) {
            TierResult evaluated = tiers.evaluate(statuses.get(member), OperationId.of("tier-eval:" + firstOfMonth), at);
            apply(member, evaluated);
            PointsResult expired = ledger.apply(member, new PointsCommand.Expire(OperationId.of("expire:" + firstOfMonth), at));
            count("points expiry sweeps", 1);
            count("points expired", -((PointsOutcome.Applied) expired.outcome()).balanceChange());
        }
    }

    void purchase(Order order) {
        MemberId member = order.member();
        TierStatus status = statuses.get(member);
        PointsResult earned = ledger.apply(member, new PointsCommand.Earn(OperationId.of(order.id().value() + ":earn"),
                order.placedAt(), order, profiles.get(member), Optional.of(status.tier())));
        long points = earned.events().stream().filter(PointsEarned.class::isInstance)
                .mapToLong(e -> ((PointsEarned) e).points()).sum();
        apply(member, tiers.record(status, QualifyingActivity.of(order, points), order.placedAt()));
        count("purchases", 1);
        count("points earned", points);
    }

    /** Books a refund for points and tiers; returns the net amount of the units it returned. */
    Money refund(Order order, Refund refund) {
        MemberId member = order.member();
        PointsResult result = ledger.apply(member, PointsCommand.RefundOrder.of(order, refund));
        long reversed = result.events().stream().filter(PointsReversed.class::isInstance)
                .mapToLong(e -> ((PointsReversed) e).points() + ((PointsReversed) e).debt()).sum();
        Map<Integer, Integer> returned = returnedUnits.computeIfAbsent(order.id().value(), o -> new HashMap<>());
        Money amount = Money.zero(order.currency());
        for (RefundLine line : refund.lines()) {
            OrderLine sold = order.line(line.lineNo()).orElseThrow();
            int before = returned.getOrDefault(line.lineNo(), 0);
            amount = amount.plus(sold.netForUnits(before, line.quantity()));
            returned.put(line.lineNo(), before + line.quantity());
        }
        boolean whole = order.lines().stream().allMatch(l -> returned.getOrDefault(l.lineNo(), 0) == l.quantity());
        apply(member, tiers.record(statuses.get(member), QualifyingActivity.refund(OperationId.of(refund.id().value() + ":tier"),
                order.placedAt(), refund.at(), amount, reversed, whole), refund.at()));
        count("refunds", 1);
        count("points reversed", reversed);
        return amount;
    }

    void redeem(Scenario.Redemption redemption) {
        PointsResult result = ledger.apply(redemption.member(), new PointsCommand.RedeemForReward(
                OperationId.of(redemption.member().value() + ":reward:" + redemption.at()), redemption.at(),
                redemption.reward(), redemption.points()));
        if (result.outcome() instanceof PointsOutcome.Rejected rejected) {
            count("redemptions refused (" + rejected.reason() + ")", 1);
        } else {
            count("redemptions", 1);
            count("points redeemed", redemption.points());
        }
    }

    private void apply(MemberId member, TierResult result) {
        statuses.put(member, result.status());
        decisions.get(member).addAll(result.events());
    }

    private void count(String what, long n) {
        counts.merge(what, (int) n, Integer::sum);
    }

    void report(PrintStream out, Instant asOf) {
        LocalDate today = asOf.atZone(zone).toLocalDate();
        out.printf(Locale.ROOT, "Siyu demo: %d members, %s to %s (%s)%n", profiles.size(), START, today, zone);
        counts.forEach((what, n) -> out.printf(Locale.ROOT, "  %-40s %,12d%n", what, n));
        for (MemberProfile profile : profiles.values()) {
            MemberId member = profile.id();
            TierStatus status = statuses.get(member);
            PointsAccount account = ledger.account(member);
            Tier tier = tiers.tier(status.tier()).orElseThrow();
            out.printf(Locale.ROOT, "%n%s  joined %s via %s%s%n", member, profile.joinedOn(), profile.channel().code(),
                    profile.birthday().map(b -> ", birthday " + b.toString().substring(2)).orElse(""));
            out.printf(Locale.ROOT, "  tier       %s %s (since %s)%n", tier.id(), tier.name(), status.since().atZone(zone).toLocalDate());
            out.printf(Locale.ROOT, "  points     balance %,d  available %,d  pending %,d  debt %,d%n", account.balance(),
                    engine.available(account, asOf), engine.pending(account, asOf), account.debt());
            out.printf(Locale.ROOT, "  totals     earned %,d  redeemed %,d  reversed %,d  returned %,d  expired %,d%n",
                    account.totals().earned(), account.totals().redeemed(), account.totals().reversed(),
                    account.totals().returned(), account.totals().expired());
            List<ExpiringPoints> expiring = engine.expiringWithin(account, asOf, 400);
            out.printf(Locale.ROOT, "  expiring   %s%n", expiring.isEmpty() ? "nothing within 400 days"
                    : expiring.stream().map(e -> String.format(Locale.ROOT, "%,d on %s", e.points(), e.expiresOn()))
                            .reduce((a, b) -> a + ", " + b).orElseThrow());
            out.printf(Locale.ROOT, "  tier decisions:%n");
            for (TierChanged change : decisions.get(member)) {
                out.printf(Locale.ROOT, "    %s %-16s %-9s -> %s%n", change.at().atZone(zone).toLocalDate(), change.kind(),
                        change.from().map(Object::toString).orElse("-"), change.to());
                out.printf(Locale.ROOT, "      why: %s%n", change.explanation());
            }
        }
    }

    TierProgram tiers() {
        return tiers;
    }

    PointsEngine engine() {
        return engine;
    }

    ZoneId zone() {
        return zone;
    }

    Map<MemberId, MemberProfile> profiles() {
        return profiles;
    }

    Map<MemberId, TierStatus> statuses() {
        return statuses;
    }

    PointsLedger ledger() {
        return ledger;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    Map<MemberId, List<TierChanged>> decisions() {
        return decisions;
    }
}
