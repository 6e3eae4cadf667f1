package dev.siyu.benchmarks.tier;

import dev.siyu.core.id.TierId;
import dev.siyu.core.tier.DowngradeRule;
import dev.siyu.core.tier.QualificationWindow;
import dev.siyu.core.tier.Tier;
import dev.siyu.core.tier.TierBenefits;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.testkit.tier.TierGenerators;
import java.time.Instant;
import java.time.Period;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluates members' tiers over two years of history (200 to 400 facts each): one operation is one
 * member. Target (DESIGN §6): at least 2M members/s on 2 cores, i.e. run with {@code -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class TierEvaluationBenchmark {

    private static final int MEMBERS = 4096;

    @Param({"rolling-12-months", "calendar-year"})
    public String window;

    private TierProgram program;
    private TierStatus[] statuses;
    private Instant asOf;

    /** Per-thread cursor over the members. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() {
        program = TierProgram.builder()
                .window(window.equals("calendar-year") ? QualificationWindow.calendarYear()
                        : QualificationWindow.rollingMonths(12))
                .grace(Period.ofDays(30))
                .downgrade(DowngradeRule.ONE_TIER)
                .tier(new Tier(TierId.of("BASIC"), "普卡", 0, 0, TierBenefits.none()))
                .tier(new Tier(TierId.of("SILVER"), "银卡", 100_000, 80_000, TierBenefits.none()))
                .tier(new Tier(TierId.of("GOLD"), "金卡", 500_000, 300_000, TierBenefits.none()))
                .tier(new Tier(TierId.of("PLATINUM"), "白金卡", 2_000_000, 1_500_000, TierBenefits.none()))
                .tier(new Tier(TierId.of("DIAMOND"), "钻石卡", 5_000_000, 4_000_000, TierBenefits.none()))
                .build();
        SplittableRandom random = new SplittableRandom(20_260_101L);
        asOf = TierGenerators.at(731, 0);
        statuses = new TierStatus[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            statuses[i] = program.enroll(TierGenerators.member(random), asOf,
                    TierGenerators.history(random, 730, 200, 400)).status();
        }
    }

    /** The tier an evaluation would give: retention, grace and downgrade rule included. */
    @Benchmark
    public TierId projectedTier(Cursor cursor) {
        TierStatus status = statuses[cursor.next++ & (MEMBERS - 1)];
        return program.projectedTier(status, asOf);
    }

    /** The tier the current window's activity earns. */
    @Benchmark
    public TierId earnedTier(Cursor cursor) {
        TierStatus status = statuses[cursor.next++ & (MEMBERS - 1)];
        return program.earnedTier(status, asOf);
    }
}
