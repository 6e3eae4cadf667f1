package dev.siyu.attribution.commission;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link IdTable} against {@link HashMap#get}, the reference: ids with equal hashes ("Aa" and
 * "BB" and their concatenations), short and long, Latin-1 and wider, empty tables and full ones,
 * looked up by the stored instances, by equal fresh instances and by absent ids.
 */
class IdTableProperties {

    /** An id text, often one of a few whose hashes collide. */
    static String id(RandomGenerator r) {
        return switch (r.nextInt(5)) {
            case 0 -> List.of("Aa", "BB").get(r.nextInt(2)) + List.of("Aa", "BB").get(r.nextInt(2));
            case 1 -> List.of("Aa", "BB", "C#").get(r.nextInt(3));
            case 2 -> "B" + r.nextInt(20);
            case 3 -> "品牌" + r.nextInt(5);
            default -> "category-with-a-long-name-" + r.nextInt(10);
        };
    }

    record Case(Map<String, Integer> entries, List<String> probes) {
    }

    static final org.quicktheories.core.Gen<Case> CASES = gen(r -> {
        Map<String, Integer> entries = new HashMap<>();
        int n = r.nextInt(4) == 0 ? 0 : r.nextInt(12);
        for (int i = 0; i < n; i++) {
            entries.put(id(r), r.nextInt(1000));
        }
        List<String> probes = new ArrayList<>(entries.keySet());
        for (int i = 0; i < 20; i++) {
            // a fresh instance: equal texts, not the same string
            probes.add(new String(id(r).toCharArray()));
        }
        return new Case(entries, probes);
    });

    @Test
    void the_table_answers_every_id_as_the_map_it_was_made_from() {
        qt().withExamples(2000).forAll(CASES).checkAssert(c -> {
            IdTable<Integer> table = new IdTable<>(c.entries());
            assertThat(table.isEmpty()).isEqualTo(c.entries().isEmpty());
            for (String probe : c.probes()) {
                assertThat(table.get(probe)).as(probe).isEqualTo(c.entries().get(probe));
            }
        });
    }
}
