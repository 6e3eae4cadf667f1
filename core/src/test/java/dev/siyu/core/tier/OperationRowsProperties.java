package dev.siyu.core.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.OperationDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

class OperationRowsProperties {

    /** Steps as (kind: 0-6 append, 7-9 forget; which version to start from; a day; a lag). */
    private static final Gen<int[][]> STEPS = in -> {
        int[][] steps = new int[(int) in.next(Constraint.between(1, 80))][];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new int[] {(int) in.next(Constraint.between(0, 9)), (int) in.next(Constraint.between(0, 1_000_000)),
                (int) in.next(Constraint.between(0, 40)), (int) in.next(Constraint.between(1, 6))};
        }
        return steps;
    };

    /** One entry of the reference model: the digest's words, the fingerprint, the code word. */
    private record Entry(long hi, long lo, long fingerprint, long codeWord) {
        int day() {
            return IdempotencyWindow.day(codeWord);
        }
    }

    private static Entry entry(int id, int day) {
        return new Entry(id * 0x9E3779B97F4A7C15L, ~(long) id, id * 31L + 7, IdempotencyWindow.codeWord(id % 19, day));
    }

    /**
     * What {@link OperationRows#forget} must leave of {@code model} under a window of {@code days}
     * when the latest day is {@code latest}: the kernel's rule written out plainly. The leading
     * entries dated before the first accepted day go; if an entry behind a kept one is a quarter
     * window (at least a day) older than that day, every entry dated before it goes.
     */
    private static List<Entry> forget(List<Entry> model, int days, int latest) {
        int first = latest - days;
        long stale = (long) first - Math.max(1, days / 4);
        int leading = 0;
        while (leading < model.size() && model.get(leading).day() < first) {
            leading++;
        }
        boolean rewrite = false;
        for (Entry e : model.subList(leading, model.size())) {
            rewrite |= e.day() <= stale;
        }
        if (!rewrite) {
            return leading == 0 ? model : List.copyOf(model.subList(leading, model.size()));
        }
        List<Entry> kept = new ArrayList<>();
        for (Entry e : model) {
            if (e.day() >= first) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static void assertMatches(OperationRows rows, List<Entry> model) {
        assertThat(rows.size()).isEqualTo(model.size());
        for (int i = 0; i < model.size(); i++) {
            Entry e = model.get(i);
            OperationDigest digest = new OperationDigest(e.hi(), e.lo());
            assertThat(rows.digest(i)).isEqualTo(digest);
            assertThat(rows.fingerprint(i)).isEqualTo(e.fingerprint());
            assertThat(rows.codeWord(i)).isEqualTo(e.codeWord());
            assertThat(rows.indexOf(digest)).isEqualTo(i);
        }
        assertThat(rows.indexOf(new OperationDigest(1, 2))).isEqualTo(-1);
    }

    @Test
    void appends_and_forgetting_on_any_version_match_a_list_and_leave_every_other_version_as_it_was() {
        qt().withExamples(400).forAll(STEPS).checkAssert(steps -> {
            List<OperationRows> versions = new ArrayList<>(List.of(OperationRows.EMPTY));
            List<List<Entry>> models = new ArrayList<>(List.of(List.of()));
            int ids = 0;
            for (int i = 0; i < steps.length; i++) {
                int[] s = steps[i];
                // mostly the newest version, sometimes an older one
                int from = s[1] % 3 == 0 ? s[1] % versions.size() : versions.size() - 1;
                OperationRows version = versions.get(from);
                List<Entry> model = models.get(from);
                if (s[0] <= 6) {
                    // days mostly rising; kind 6 is an operation kept always
                    int day = s[0] == 6 ? IdempotencyWindow.KEEP : s[1] % 5 == 0 ? s[2] : i + s[2] % 4;
                    Entry e = entry(++ids, day);
                    versions.add(version.with(new OperationDigest(e.hi(), e.lo()), e.fingerprint(), e.codeWord()));
                    List<Entry> next = new ArrayList<>(model);
                    next.add(e);
                    models.add(next);
                } else {
                    int days = 1 + s[2] % 20;
                    int latest = i + s[3] % 3;
                    OperationRows forgotten = version.forget(IdempotencyWindow.ofDays(days), latest);
                    List<Entry> kept = forget(model, days, latest);
                    if (kept == model) {
                        assertThat(forgotten).isSameAs(version);
                    }
                    versions.add(forgotten);
                    models.add(kept);
                }
            }
            for (int v = 0; v < versions.size(); v++) {
                assertMatches(versions.get(v), models.get(v));
            }
        });
    }

    @Test
    void a_recorded_digest_cannot_be_recorded_again() {
        Entry e = entry(1, 10);
        OperationDigest digest = new OperationDigest(e.hi(), e.lo());
        OperationRows rows = OperationRows.EMPTY.with(digest, 1, e.codeWord());
        assertThatThrownBy(() -> rows.with(digest, 2, e.codeWord())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digest must not be recorded yet");
    }

    @Test
    void forgetting_a_prefix_of_a_small_array_copies_nothing_and_appending_after_it_writes_in_place() {
        OperationRows rows = OperationRows.EMPTY;
        for (int id = 1; id <= 3; id++) {
            Entry e = entry(id, id * 10);
            rows = rows.with(new OperationDigest(e.hi(), e.lo()), e.fingerprint(), e.codeWord());
        }
        OperationRows forgotten = rows.forget(IdempotencyWindow.ofDays(10), 35); // first accepted day 25
        assertThat(forgotten.size()).isEqualTo(1);
        assertThat(forgotten.data()).isSameAs(rows.data());
        Entry e = entry(4, 40);
        OperationRows appended = forgotten.with(new OperationDigest(e.hi(), e.lo()), e.fingerprint(), e.codeWord());
        assertThat(appended.data()).isSameAs(rows.data());
        assertMatches(appended, List.of(entry(3, 30), e));
        assertMatches(rows, List.of(entry(1, 10), entry(2, 20), entry(3, 30)));
    }

    @Test
    void forgetting_most_of_a_large_array_copies_the_few_kept_into_a_small_one() {
        OperationRows rows = OperationRows.EMPTY;
        List<Entry> model = new ArrayList<>();
        for (int id = 1; id <= 100; id++) {
            Entry e = entry(id, id);
            rows = rows.with(new OperationDigest(e.hi(), e.lo()), e.fingerprint(), e.codeWord());
            model.add(e);
        }
        OperationRows forgotten = rows.forget(IdempotencyWindow.ofDays(10), 109); // first accepted day 99
        assertThat(forgotten.data()).isNotSameAs(rows.data());
        assertThat(forgotten.data().length).isLessThan(20);
        assertMatches(forgotten, model.subList(98, 100));
        assertMatches(rows, model);
    }

    @Test
    void versions_appended_and_pruned_on_many_threads_each_see_exactly_their_own_entries() throws Exception {
        Entry base0 = entry(1, 0);
        OperationRows base = OperationRows.EMPTY.with(new OperationDigest(base0.hi(), base0.lo()), base0.fingerprint(),
                base0.codeWord());
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Object>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    OperationRows rows = base;
                    List<Entry> model = List.of(base0);
                    for (int i = 1; i <= 2_000; i++) {
                        Entry e = entry(1_000_000 * (thread + 1) + i, i);
                        rows = rows.with(new OperationDigest(e.hi(), e.lo()), e.fingerprint(), e.codeWord());
                        List<Entry> next = new ArrayList<>(model);
                        next.add(e);
                        model = next;
                        if (i % 7 == 0) {
                            rows = rows.forget(IdempotencyWindow.ofDays(10), i);
                            model = forget(model, 10, i);
                        }
                    }
                    return List.of(rows, model);
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<Object> done = futures.get(t).get();
                @SuppressWarnings("unchecked")
                List<Entry> model = (List<Entry>) done.get(1);
                assertMatches((OperationRows) done.get(0), model);
            }
            assertMatches(base, List.of(base0));
        } finally {
            pool.shutdownNow();
        }
    }
}
