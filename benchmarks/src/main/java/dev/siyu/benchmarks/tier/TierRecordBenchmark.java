package dev.siyu.benchmarks.tier;

import dev.siyu.benchmarks.replay.YearReplay;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.testkit.member.MemberGenerators;
import java.time.Instant;
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
 * Records orders on members' tier statuses as the year replay does ({@link TierProgram#record} with
 * {@link YearReplay#TIERS}: 12 rolling months, a 30-day idempotency window): one operation is one
 * order. Members take turns, one order each per round, a round every 20 days, so each record
 * appends in date order and prunes the operation log; after {@value #ROUNDS} rounds every member
 * starts again from its enrolled status. The activities are made in setup, so
 * {@code gc.alloc.rate.norm} is what recording allocates. Per thread state; run with {@code -t 1}
 * or {@code -t 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TierRecordBenchmark {

    private static final int ROUNDS = 18;
    private static final TierProgram PROGRAM = TierProgram.fromJson(YearReplay.TIERS);

    /** One thread's members, their statuses and the orders they will record. */
    @State(Scope.Thread)
    public static class Members {
        /** How many members take turns: 8,192 fit in the caches, 131,072 (like a replay's million) do not. */
        @Param({"8192", "131072"})
        public int members;

        TierStatus[] enrolled;
        TierStatus[] statuses;
        QualifyingActivity[] orders;
        Instant[] recordedAt;
        int next;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(20_260_102L);
            enrolled = new TierStatus[members];
            for (int m = 0; m < members; m++) {
                MemberProfile profile = MemberGenerators.profile(random, MemberId.of("M" + m),
                        YearReplay.START.minusDays(1), 3 * 365);
                enrolled[m] = PROGRAM.enroll(profile, YearReplay.FROM).status();
            }
            statuses = enrolled.clone();
            orders = new QualifyingActivity[members * ROUNDS];
            recordedAt = new Instant[members * ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                for (int m = 0; m < members; m++) {
                    Instant at = YearReplay.FROM.plusSeconds(r * 20 * 86_400L + 36_000 + random.nextInt(11 * 3600));
                    orders[r * members + m] = QualifyingActivity.order(OperationId.of("M" + m + "-" + r + ":tier"), at,
                            Money.ofMinor(5_000 + random.nextInt(200_000), Money.CNY), random.nextInt(2_000));
                    recordedAt[r * members + m] = at;
                }
            }
        }
    }

    /** One order recorded on the next member's status. */
    @Benchmark
    public TierStatus record(Members s) {
        int i = s.next;
        if (i == s.orders.length) {
            System.arraycopy(s.enrolled, 0, s.statuses, 0, s.members);
            i = 0;
        }
        s.next = i + 1;
        int m = i % s.members;
        TierStatus after = PROGRAM.record(s.statuses[m], s.orders[i], s.recordedAt[i]).status();
        s.statuses[m] = after;
        return after;
    }
}
