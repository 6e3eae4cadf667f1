package dev.siyu.core.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PersistentMapTest {

    /** A key whose hash collides often, to exercise collision nodes. */
    private record Key(int id) {
        @Override
        public int hashCode() {
            return id % 7 == 0 ? 42 : id * 0x9E3779B9;
        }
    }

    @Test
    void behaves_like_a_hash_map_and_old_versions_stay_unchanged() {
        SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 20; run++) {
            PersistentMap<Key, Integer> map = PersistentMap.empty();
            Map<Key, Integer> model = new HashMap<>();
            PersistentMap<Key, Integer> snapshot = map;
            Map<Key, Integer> snapshotModel = Map.of();
            for (int i = 0; i < 2000; i++) {
                Key k = new Key(random.nextInt(1500));
                int v = random.nextInt(100);
                map = map.put(k, v);
                model.put(k, v);
                if (i == 1000) {
                    snapshot = map;
                    snapshotModel = Map.copyOf(model);
                }
            }
            assertThat(map.size()).isEqualTo(model.size());
            for (int id = 0; id < 1500; id++) {
                assertThat(map.get(new Key(id))).isEqualTo(model.get(new Key(id)));
                assertThat(snapshot.get(new Key(id))).isEqualTo(snapshotModel.get(new Key(id)));
            }
            Map<Key, Integer> seen = new HashMap<>();
            map.forEach(seen::put);
            assertThat(seen).isEqualTo(model);
        }
    }
}
