package dev.siyu.benchmarks.churn;

import dev.siyu.core.churn.BetaGeo;
import dev.siyu.core.churn.ChurnModels;
import dev.siyu.core.churn.FitOptions;
import dev.siyu.core.churn.FitResult;
import dev.siyu.core.churn.GammaGamma;
import dev.siyu.core.churn.ModifiedBetaGeo;
import dev.siyu.core.churn.ParetoNbd;
import dev.siyu.core.churn.PeriodUnit;
import dev.siyu.core.churn.SummaryTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fit time on CDNOW (2,357 members) and on CDNOW × 1000 (2.357 M rows, compressed to 1,016
 * weighted patterns inside the fit; the compression is part of the measured time).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChurnFitBenchmark {

    private SummaryTable cdnow;
    private SummaryTable cdnowTimes1000;

    @Setup
    public void setUp() {
        CdnowData one = CdnowData.load(1);
        cdnow = SummaryTable.ofColumns(PeriodUnit.WEEKS, one.frequency, one.recency, one.age, one.spend, null);
        CdnowData many = CdnowData.load(1000);
        cdnowTimes1000 = SummaryTable.ofColumns(PeriodUnit.WEEKS, many.frequency, many.recency, many.age, many.spend,
                null);
    }

    @Benchmark
    public FitResult<BetaGeo> fitBetaGeoCdnow() {
        return ChurnModels.fitBetaGeo(cdnow, FitOptions.defaults());
    }

    @Benchmark
    public FitResult<BetaGeo> fitBetaGeoCdnowTimes1000() {
        return ChurnModels.fitBetaGeo(cdnowTimes1000, FitOptions.defaults());
    }

    @Benchmark
    public FitResult<ModifiedBetaGeo> fitModifiedBetaGeoCdnow() {
        return ChurnModels.fitModifiedBetaGeo(cdnow, FitOptions.defaults());
    }

    @Benchmark
    public FitResult<ParetoNbd> fitParetoNbdCdnow() {
        return ChurnModels.fitParetoNbd(cdnow, FitOptions.defaults());
    }

    @Benchmark
    public FitResult<GammaGamma> fitGammaGammaCdnow() {
        return ChurnModels.fitGammaGamma(cdnow, FitOptions.defaults());
    }
}
