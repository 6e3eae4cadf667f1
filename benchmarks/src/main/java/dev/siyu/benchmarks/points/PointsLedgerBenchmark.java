package dev.siyu.benchmarks.points;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.points.ExpiryPolicy;
import dev.siyu.core.points.NegativeBalancePolicy;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.points.PointsCommand;
import dev.siyu.core.points.PointsEngine;
import dev.siyu.core.points.PointsLedger;
import dev.siyu.core.points.PointsOutcome;
import dev.siyu.core.points.PointsProgram;
import dev.siyu.core.points.PointsResult;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.testkit.points.PointsGenerators;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Earn + redeem throughput of the points ledger on in-memory accounts, idempotency (operation
 * records with payload fingerprints) and conservation checks on, as they always are. One invocation
 * is one member's round: earn on a generated order (1 to 3 lines, a third partly paid by points),
 * then a redemption for a reward of half the points then available; the score counts both, so it is
 * ledger operations per second (per thread with {@code -t 1}; both threads summed with {@code -t 2}).
 *
 * <p>Members, orders, operation ids and redemption amounts are made in setup, so only the ledger is
 * measured. Each thread has its own 10,000 accounts (another number with {@code -Dplb.members=N} in
 * the fork's JVM arguments) and, for {@link #ledger}, its own {@link InMemoryVersionedStore}, and
 * walks them round-robin, one business day per round; every
 * command carries an operation id new to its account. After {@value #ROUNDS} rounds a thread starts
 * again on empty accounts, so accounts hold 0 to {@value #ROUNDS} days of lots and up to
 * {@code 2 × ROUNDS} operation records. Target (issue): at least 1M operations/s per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PointsLedgerBenchmark {

    /** Accounts per thread: 10,000, or the system property {@code plb.members} (e.g. 100 to see the engine with everything in cache). */
    static final int MEMBERS = Integer.getInteger("plb.members", 10_000);
    static final int ROUNDS = 16;

    private PointsEngine engine;
    private MemberId[] members;
    /** {@code [round][member]}. */
    private PointsCommand.Earn[][] earns;
    private PointsCommand.RedeemForReward[][] redeems;
    /** Each member's account after rounds {@code 0..MID-1}: {@link #engineSteadyState} applies round MID to it. */
    private PointsAccount[] steady;
    static final int MID = ROUNDS / 2;

    /** One thread's accounts and cursor. */
    @State(Scope.Thread)
    public static class Accounts {
        PointsAccount[] accounts;
        PointsLedger ledger;
        int member;
        int round;

        @Setup
        public void setUp(PointsLedgerBenchmark b) {
            accounts = new PointsAccount[MEMBERS];
            reset(b);
        }

        void reset(PointsLedgerBenchmark b) {
            for (int i = 0; i < MEMBERS; i++) {
                accounts[i] = PointsAccount.empty(b.members[i]);
            }
            ledger = new PointsLedger(b.engine, new InMemoryVersionedStore<>());
            member = 0;
            round = 0;
        }

        /** Moves to the next member, and to the next round (day) after the last one. */
        void advance(PointsLedgerBenchmark b) {
            if (++member == MEMBERS) {
                member = 0;
                if (++round == ROUNDS) {
                    reset(b);
                }
            }
        }
    }

    @Setup
    public void setUp() {
        PointsProgram program = PointsProgram.builder()
                .earnRate(BigDecimal.ONE)
                .tierMultiplier(TierId.of("GOLD"), new BigDecimal("1.5"))
                .categoryMultiplier(CategoryId.of("COS"), BigDecimal.valueOf(2))
                .brandMultiplier(BrandId.of("B2"), new BigDecimal("1.2"))
                .maxPerOrder(5_000)
                .maxPerDay(10_000)
                .pendingDays(0)
                .expiry(ExpiryPolicy.rollingMonths(12))
                .redeemRate(100)
                .maxSharePercent(BigDecimal.valueOf(50))
                .redeemStep(1)
                .negativeBalance(NegativeBalancePolicy.CLAMP)
                .build();
        engine = PointsEngine.of(program);
        SplittableRandom random = new SplittableRandom(20_260_310L);
        members = new MemberId[MEMBERS];
        MemberProfile[] profiles = new MemberProfile[MEMBERS];
        List<Optional<TierId>> tiers = new ArrayList<>(MEMBERS);
        for (int i = 0; i < MEMBERS; i++) {
            members[i] = MemberId.of(String.format(Locale.ROOT, "M%06d", i));
            profiles[i] = PointsGenerators.profile(random, members[i]);
            tiers.add(PointsGenerators.tier(random));
        }
        earns = new PointsCommand.Earn[ROUNDS][MEMBERS];
        redeems = new PointsCommand.RedeemForReward[ROUNDS][MEMBERS];
        PointsAccount[] accounts = new PointsAccount[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            accounts[i] = PointsAccount.empty(members[i]);
        }
        steady = new PointsAccount[MEMBERS];
        for (int round = 0; round < ROUNDS; round++) {
            if (round == MID) {
                steady = accounts.clone();
            }
            Instant day = PointsGenerators.START.plus(Duration.ofDays(round));
            for (int i = 0; i < MEMBERS; i++) {
                String key = String.format(Locale.ROOT, "%s-%02d", members[i].value(), round);
                Instant at = day.plusSeconds(i % 36_000);
                earns[round][i] = new PointsCommand.Earn(OperationId.of(key + ":earn"), at,
                        PointsGenerators.order(random, members[i], OrderId.of("O" + key), at), profiles[i], tiers.get(i));
                accounts[i] = engine.apply(accounts[i], earns[round][i]).account();
                // Half of what is available then; a member with nothing gets a (recorded) refusal.
                long points = Math.max(1, engine.available(accounts[i], at) / 2);
                redeems[round][i] = new PointsCommand.RedeemForReward(OperationId.of(key + ":redeem"),
                        at.plusSeconds(1), "COUPON-10", points);
                PointsResult redeemed = engine.apply(accounts[i], redeems[round][i]);
                if (!(redeemed.outcome() instanceof PointsOutcome.Applied) && points > 1) {
                    throw new IllegalStateException("setup redemption must apply: " + redeemed.outcome());
                }
                accounts[i] = redeemed.account();
            }
        }
        // The fixtures stay for the whole run: settle them (and drop setup's accounts) before measuring.
        System.gc();
    }

    /** {@link PointsEngine#apply} on immutable accounts: earn then redeem. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void engine(Accounts a, Blackhole bh) {
        int m = a.member;
        int r = a.round;
        PointsResult earned = engine.apply(a.accounts[m], earns[r][m]);
        PointsResult redeemed = engine.apply(earned.account(), redeems[r][m]);
        a.accounts[m] = redeemed.account();
        bh.consume(earned.outcome());
        bh.consume(redeemed.outcome());
        a.advance(this);
    }

    /**
     * Round {@value #MID}'s earn then redeem on each member's account as of the round before, results
     * dropped: the engine's cost per command at a steady account size, without the retained history
     * (operation records, explanations) that makes {@link #engine} and {@link #ledger} pay for
     * garbage collection as accounts grow. A diagnostic, not the target.
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public void engineSteadyState(Accounts a, Blackhole bh) {
        int m = a.member;
        PointsResult earned = engine.apply(steady[m], earns[MID][m]);
        PointsResult redeemed = engine.apply(earned.account(), redeems[MID][m]);
        bh.consume(earned.outcome());
        bh.consume(redeemed.outcome());
        bh.consume(redeemed.account());
        if (++a.member == MEMBERS) {
            a.member = 0;
        }
    }

    /** {@link PointsLedger#apply} over an {@link InMemoryVersionedStore}: load, apply, conditional write. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void ledger(Accounts a, Blackhole bh) {
        int m = a.member;
        int r = a.round;
        bh.consume(a.ledger.apply(members[m], earns[r][m]).outcome());
        bh.consume(a.ledger.apply(members[m], redeems[r][m]).outcome());
        a.advance(this);
    }
}
