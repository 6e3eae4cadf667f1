package dev.siyu.benchmarks.churn;

import dev.siyu.core.churn.BetaGeo;
import dev.siyu.core.churn.ChurnPolicy;
import dev.siyu.core.churn.ChurnScorer;
import dev.siyu.core.churn.GammaGamma;
import dev.siyu.core.churn.ModifiedBetaGeo;
import dev.siyu.core.churn.PeriodUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch scoring throughput in members per second (one operation = one member), over CDNOW × 100
 * (235,700 members). Run with {@code -t 2} to use two cores: each thread scores the whole batch
 * into its own output columns.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChurnScoreBenchmark {

    static final int TIMES = 100;
    static final int MEMBERS = 2357 * TIMES;

    @State(Scope.Benchmark)
    public static class Data {
        CdnowData data;
        ChurnScorer bgScorer;
        ChurnScorer mbgScorer;

        @Setup
        public void setUp() {
            data = CdnowData.load(TIMES);
            GammaGamma spend = new GammaGamma(6.2488, 3.7446, 15.4477);
            bgScorer = ChurnScorer.of(new BetaGeo(0.242593, 4.413532, 0.792886, 2.425753, PeriodUnit.WEEKS), spend,
                    ChurnPolicy.defaults());
            mbgScorer = ChurnScorer.of(new ModifiedBetaGeo(0.524838, 6.182992, 0.891356, 1.613999, PeriodUnit.WEEKS),
                    spend, ChurnPolicy.defaults());
        }
    }

    @State(Scope.Thread)
    public static class Output {
        double[] alive = new double[MEMBERS];
        double[] expected = new double[MEMBERS];
        double[] clv = new double[MEMBERS];
        byte[] level = new byte[MEMBERS];
    }

    /** P(alive) and sleeping level: the nightly churn scan. */
    @Benchmark
    @OperationsPerInvocation(MEMBERS)
    public byte[] aliveAndLevelBetaGeo(Data d, Output o) {
        CdnowData c = d.data;
        d.bgScorer.scoreBatch(c.frequency, c.recency, c.age, null, 0, MEMBERS, o.alive, null, null, o.level);
        return o.level;
    }

    @Benchmark
    @OperationsPerInvocation(MEMBERS)
    public byte[] aliveAndLevelModifiedBetaGeo(Data d, Output o) {
        CdnowData c = d.data;
        d.mbgScorer.scoreBatch(c.frequency, c.recency, c.age, null, 0, MEMBERS, o.alive, null, null, o.level);
        return o.level;
    }

    /** Plus expected purchases over 90 days (one ₂F₁ per member). */
    @Benchmark
    @OperationsPerInvocation(MEMBERS)
    public double[] withExpectedPurchasesBetaGeo(Data d, Output o) {
        CdnowData c = d.data;
        d.bgScorer.scoreBatch(c.frequency, c.recency, c.age, null, 0, MEMBERS, o.alive, o.expected, null, o.level);
        return o.expected;
    }

    /** Everything: P(alive), expected purchases, 12-month discounted CLV and level. */
    @Benchmark
    @OperationsPerInvocation(MEMBERS)
    public double[] fullWithClvBetaGeo(Data d, Output o) {
        CdnowData c = d.data;
        d.bgScorer.scoreBatch(c.frequency, c.recency, c.age, c.spend, 0, MEMBERS, o.alive, o.expected, o.clv, o.level);
        return o.clv;
    }
}
