package dev.siyu.benchmarks.tagging;

import com.googlecode.aviator.AviatorEvaluator;
import com.googlecode.aviator.AviatorEvaluatorInstance;
import com.googlecode.aviator.Expression;
import com.ql.util.express.DefaultContext;
import com.ql.util.express.ExpressRunner;
import com.ql.util.express.InstructionSet;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.engine.FeatureLayout;
import dev.siyu.tagging.engine.FeatureTable;
import dev.siyu.tagging.engine.TagEngine;
import dev.siyu.tagging.feature.FeatureCatalogue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The whole tag catalogue (about 3,000 rule tags in about 150 groups: RFM-style spend bands per
 * category and window, threshold ladders, region / city / tier / churn codes, birthday month,
 * combinations) over generated members; one operation is one member evaluated against every tag.
 * Siyu's compiled engine is run over all {@code members} feature rows; AviatorScript (compiled
 * expressions) and QLExpress (parsed instruction sets) evaluate the same rules, one expression per
 * tag, over a pool of members, as does a plain list of Java lambdas. Setup checks that all four give
 * the same tags to every tag of the first {@code agreement} members and prints the mean tags per
 * member. Target (DESIGN §6): Siyu ≥ 500,000 members/s with {@code -t 2}, ≥ 100× both script engines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
@Threads(2)
public class TagEngineBenchmark {

    private static final int POOL = 1 << 10;

    @Param({"1000000"})
    public int members;

    @Param({"200"})
    public int agreement;

    private BenchmarkCatalogue spec;
    private TagEngine engine;
    private FeatureTable table;
    private LocalDate asOf;
    private Expression[] aviator;
    private ExpressRunner runner;
    private InstructionSet[] qlexpress;
    private List<Predicate<Object[]>> lambdas;
    private List<Map<String, Object>> envs;
    private List<Object[]> rows;

    /** Per-thread scratch and cursors. */
    @State(Scope.Thread)
    public static class Worker {
        TagEngine.Evaluator evaluator;
        long[] bits;
        int next;
        DefaultContext<String, Object> context;

        @Setup(Level.Trial)
        public void setUp(TagEngineBenchmark b) {
            evaluator = b.engine.newEvaluator();
            bits = new long[(b.engine.tagCount() + 63) / 64];
            next = (int) (Thread.currentThread().getId() * 7919) % b.members;
            context = new DefaultContext<>();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        spec = new BenchmarkCatalogue(20_261_122L);
        TagCatalogue catalogue = TagCatalogue.parse(spec.json(), FeatureCatalogue.builtIn());
        engine = TagEngine.compile(catalogue);
        asOf = LocalDate.of(2026, 11, 22);
        FeatureLayout layout = engine.layout();
        int[] numSlot = new int[spec.nums.size()];
        for (int f = 0; f < numSlot.length; f++) {
            numSlot[f] = layout.slot(ref(spec.nums.get(f))).orElseThrow();
        }
        int[] codeSlot = new int[spec.codes.size()];
        for (int c = 0; c < codeSlot.length; c++) {
            codeSlot[c] = layout.slot(dev.siyu.tagging.feature.FeatureRef.of(spec.codes.get(c).feature())).orElseThrow();
        }
        table = FeatureTable.of(layout, members);
        SplittableRandom random = new SplittableRandom(7);
        long[] nv = new long[spec.nums.size()];
        int[] cv = new int[spec.codes.size()];
        envs = new ArrayList<>();
        rows = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            spec.member(random, nv, cv);
            for (int f = 0; f < nv.length; f++) {
                table.set(m, numSlot[f], nv[f]);
            }
            for (int c = 0; c < cv.length; c++) {
                String code = spec.codes.get(c).domain()[cv[c]];
                if (spec.codes.get(c).feature().equals("churn_level")) {
                    code = code.toUpperCase(Locale.ROOT).replace('-', '_');
                }
                table.set(m, codeSlot[c], layout.encode(codeSlot[c], code));
            }
            if (m < Math.max(POOL, agreement)) {
                Map<String, Object> env = new HashMap<>();
                for (int f = 0; f < nv.length; f++) {
                    env.put(spec.nums.get(f).var(), nv[f]);
                }
                for (int c = 0; c < cv.length; c++) {
                    env.put(spec.codes.get(c).var(), spec.codes.get(c).domain()[cv[c]]);
                }
                envs.add(env);
                rows.add(new Object[] {nv.clone(), cv.clone()});
            }
        }
        List<BenchmarkCatalogue.Tag> tags = new ArrayList<>();
        spec.groups.forEach(g -> tags.addAll(g.tags()));
        AviatorEvaluatorInstance av = AviatorEvaluator.newInstance();
        runner = new ExpressRunner();
        aviator = new Expression[engine.tagCount()];
        qlexpress = new InstructionSet[engine.tagCount()];
        lambdas = new ArrayList<>();
        for (int t = 0; t < engine.tagCount(); t++) {
            lambdas.add(null);
        }
        for (BenchmarkCatalogue.Tag tag : tags) {
            int t = engine.indexOf(TagId.of(tag.id()));
            aviator[t] = av.compile(spec.script(tag.rule(), '\''), true);
            qlexpress[t] = runner.parseInstructionSet(spec.script(tag.rule(), '"'));
            lambdas.set(t, spec.lambda(tag.rule()));
        }
        checkAgreement();
    }

    private static dev.siyu.tagging.feature.FeatureRef ref(BenchmarkCatalogue.Num num) {
        // parse the JSON fields back into a reference: "feature": "x"[, "days": n][, "category": "c"]
        String[] parts = num.json().replace("\"", "").split(", ");
        String feature = parts[0].split(": ")[1];
        int days = 0;
        String category = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split(": ");
            if (kv[0].equals("days")) {
                days = Integer.parseInt(kv[1]);
            } else {
                category = kv[1];
            }
        }
        return category == null ? (days == 0 ? dev.siyu.tagging.feature.FeatureRef.of(feature)
                : dev.siyu.tagging.feature.FeatureRef.window(feature, days))
                : dev.siyu.tagging.feature.FeatureRef.scoped(feature, days, "category", category);
    }

    private void checkAgreement() throws Exception {
        TagEngine.Evaluator evaluator = engine.newEvaluator();
        long[] bits = new long[(engine.tagCount() + 63) / 64];
        DefaultContext<String, Object> context = new DefaultContext<>();
        long total = 0;
        for (int m = 0; m < agreement; m++) {
            total += evaluator.evaluate(table, m, asOf, bits);
            context.clear();
            context.putAll(envs.get(m));
            for (int t = 0; t < engine.tagCount(); t++) {
                boolean siyu = (bits[t >> 6] & (1L << t)) != 0;
                boolean av = (Boolean) aviator[t].execute(envs.get(m));
                boolean ql = (Boolean) runner.execute(qlexpress[t], context, null, false, false);
                boolean java = lambdas.get(t).test(rows.get(m));
                if (siyu != av || siyu != ql || siyu != java) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "disagreement on member %d tag %s: siyu=%s aviator=%s qlexpress=%s lambdas=%s", m,
                            engine.tagAt(t), siyu, av, ql, java));
                }
            }
        }
        long sample = 0;
        int n = Math.min(members, 20_000);
        for (int m = 0; m < n; m++) {
            sample += evaluator.evaluate(table, m, asOf, bits);
        }
        System.out.printf(Locale.ROOT, "%n[tagging] %d tags, %d groups, %d feature columns; Siyu, Aviator, QLExpress"
                + " and lambdas agree on every tag of %d members; mean %.1f tags/member (first %d: %.1f)%n",
                engine.tagCount(), spec.groups.size(), engine.layout().width(), agreement, (double) sample / n,
                agreement, agreement == 0 ? 0.0 : (double) total / agreement);
    }

    /** Siyu: one member's full catalogue, over all generated members. */
    @Benchmark
    public int siyu(Worker w) {
        int m = w.next;
        w.next = m + 1 == members ? 0 : m + 1;
        return w.evaluator.evaluate(table, m, asOf, w.bits);
    }

    /** AviatorScript, compiled: one expression per tag, over a pool of members. */
    @Benchmark
    public int aviator(Worker w) {
        Map<String, Object> env = envs.get(w.next++ & (POOL - 1));
        int n = 0;
        for (Expression e : aviator) {
            if ((Boolean) e.execute(env)) {
                n++;
            }
        }
        return n;
    }

    /** QLExpress: one parsed instruction set per tag, over a pool of members. */
    @Benchmark
    public int qlexpress(Worker w) throws Exception {
        DefaultContext<String, Object> context = w.context;
        context.clear();
        context.putAll(envs.get(w.next++ & (POOL - 1)));
        int n = 0;
        for (InstructionSet is : qlexpress) {
            if ((Boolean) runner.execute(is, context, null, false, false)) {
                n++;
            }
        }
        return n;
    }

    /** A plain list of Java lambdas, one per tag, over a pool of members. */
    @Benchmark
    public int lambdas(Worker w) {
        Object[] row = rows.get(w.next++ & (POOL - 1));
        int n = 0;
        for (Predicate<Object[]> p : lambdas) {
            if (p.test(row)) {
                n++;
            }
        }
        return n;
    }
}
