package dev.siyu.core.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** {@link OrderBook} against a map per version (the reference model), with branching and window cutoffs. */
class OrderBookProperties {

    private static String text(OrderRecord r) {
        return r == null ? "null" : r.placedDay + "/" + r.earned + "/" + r.earnLot + "/" + r.earnExpiry + "/"
                + Arrays.toString(r.earnedByLine) + "/" + Arrays.toString(r.returnedCopy()) + "/" + r.redeemed + "/"
                + r.returnedPaid + "/" + r.refundedNet;
    }

    private static OrderRecord record(SplittableRandom r) {
        int lines = r.nextInt(0, 6);
        long[] earned = lines == 0 && r.nextBoolean() ? null : new long[lines];
        int[] returned = earned != null && r.nextBoolean() ? new int[lines] : null;
        for (int i = 0; i < lines && earned != null; i++) {
            earned[i] = r.nextInt(4) == 0 ? r.nextLong() : r.nextLong(0, 10_000);
            if (returned != null) {
                returned[i] = r.nextInt(4) == 0 ? Integer.MAX_VALUE - r.nextInt(3) : r.nextInt(0, 5);
            }
        }
        boolean earnedFlag = r.nextBoolean();
        long lot = !earnedFlag ? -1 : r.nextInt(5) == 0 ? r.nextLong() : r.nextLong(-1, 100);
        long expiry = !earnedFlag || r.nextInt(3) == 0 ? OrderRecord.NEVER
                : r.nextInt(5) == 0 ? r.nextLong() : r.nextLong(-100_000, 100_000);
        long money = r.nextInt(3) == 0 ? r.nextLong(1, 1_000_000) : 0;
        return new OrderRecord(r.nextInt(3) == 0 ? OrderRecord.UNKNOWN_DAY : r.nextInt(20_000, 20_400), earnedFlag,
                lot, expiry, earned, returned, money, money / 2, money * 3);
    }

    @Test
    void a_book_behaves_like_a_map_of_latest_records_per_version_old_versions_unchanged() {
        qt().withExamples(200).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<OrderBook> versions = new ArrayList<>(List.of(OrderBook.empty()));
            List<Map<Long, String>> models = new ArrayList<>(List.of(Map.of()));
            int steps = r.nextInt(1, 150);
            for (int i = 0; i < steps; i++) {
                int from = r.nextInt(4) == 0 ? r.nextInt(versions.size()) : versions.size() - 1;
                long key = r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(0, 30);
                OrderRecord rec = record(r);
                versions.add(versions.get(from).with(key, rec, Integer.MIN_VALUE));
                Map<Long, String> model = new HashMap<>(models.get(from));
                model.put(key, text(rec));
                models.add(model);
            }
            for (int v = 0; v < versions.size(); v++) {
                OrderBook book = versions.get(v);
                for (var e : models.get(v).entrySet()) {
                    assertThat(text(book.get(e.getKey()))).isEqualTo(e.getValue());
                }
                for (long k = 0; k < 30; k++) {
                    if (!models.get(v).containsKey(k)) {
                        assertThat(book.get(k)).isNull();
                    }
                }
            }
        });
    }

    @Test
    void with_a_window_records_placed_since_the_horizon_stay_and_others_are_latest_or_dropped() {
        qt().withExamples(200).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            OrderBook book = OrderBook.empty();
            Map<Long, OrderRecord> model = new HashMap<>();
            int today = 20_000;
            int window = r.nextInt(0, 60);
            int maxWords = 0;
            for (int i = 0; i < 400; i++) {
                today += r.nextInt(0, 3);
                long key = r.nextInt(0, 60);
                OrderRecord rec = record(r);
                rec = new OrderRecord(today - r.nextInt(0, window + 1), rec.earned, rec.earnLot, rec.earnExpiry,
                        rec.earnedByLine, rec.returnedByLine, rec.redeemed, rec.returnedPaid, rec.refundedNet);
                book = book.with(key, rec, today - window);
                model.put(key, rec);
                maxWords = Math.max(maxWords, book.words());
                assertThat(book.horizon()).isLessThanOrEqualTo(today - window);
                for (var e : model.entrySet()) {
                    OrderRecord got = book.get(e.getKey());
                    if (e.getValue().placedDay >= book.horizon()) {
                        assertThat(text(got)).isEqualTo(text(e.getValue()));
                    } else {
                        assertThat(got == null || text(got).equals(text(e.getValue()))).isTrue();
                    }
                }
            }
            // bounded by the records in the window (60 keys at most), not by the 400 appends
            assertThat(maxWords).isLessThan(60 * 2 * 15);
        });
    }

    @Test
    void the_points_earned_on_a_day_sum_the_latest_earned_record_of_each_order_placed_that_day() {
        qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<OrderBook> versions = new ArrayList<>(List.of(OrderBook.empty()));
            List<Map<Long, OrderRecord>> models = new ArrayList<>(List.of(Map.of()));
            int steps = r.nextInt(1, 80);
            for (int i = 0; i < steps; i++) {
                int from = r.nextInt(4) == 0 ? r.nextInt(versions.size()) : versions.size() - 1;
                long key = r.nextInt(0, 12);
                int lines = r.nextInt(0, 4);
                long[] earned = lines == 0 && r.nextBoolean() ? null : new long[lines];
                for (int l = 0; l < lines && earned != null; l++) {
                    earned[l] = r.nextLong(0, 10_000);
                }
                long money = r.nextInt(3) == 0 ? r.nextLong(1, 1_000) : 0;
                boolean wide = r.nextInt(5) == 0;
                OrderRecord rec = new OrderRecord(r.nextInt(20_000, 20_004), r.nextBoolean(),
                        wide ? 1L << 40 : r.nextLong(-1, 100), OrderRecord.NEVER, earned, null, money, 0, 0);
                versions.add(versions.get(from).with(key, rec, Integer.MIN_VALUE));
                Map<Long, OrderRecord> model = new HashMap<>(models.get(from));
                model.put(key, rec);
                models.add(model);
            }
            for (int v = 0; v < versions.size(); v++) {
                for (int day = 19_999; day <= 20_004; day++) {
                    long expected = 0;
                    for (OrderRecord rec : models.get(v).values()) {
                        if (rec.earned && rec.placedDay == day && rec.earnedByLine != null) {
                            expected += Arrays.stream(rec.earnedByLine).sum();
                        }
                    }
                    assertThat(versions.get(v).earnedOn(day)).as("version %d, day %d", v, day).isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void a_book_lists_the_latest_record_of_each_key_once_in_the_order_they_were_last_written() {
        qt().withExamples(200).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            OrderBook book = OrderBook.empty();
            java.util.LinkedHashMap<Long, String> model = new java.util.LinkedHashMap<>();
            // up to 150 keys: past 64 records the latest versions are found through a set
            int keys = r.nextInt(1, 150);
            int steps = r.nextInt(1, 400);
            for (int i = 0; i < steps; i++) {
                long key = r.nextInt(0, keys);
                OrderRecord rec = record(r);
                book = book.with(key, rec, Integer.MIN_VALUE);
                model.remove(key);
                model.put(key, text(rec));
            }
            List<String> listed = new ArrayList<>();
            book.forEachLatest((key, rec) -> listed.add(key + "=" + text(rec)));
            List<String> expected = new ArrayList<>();
            model.forEach((key, rec) -> expected.add(key + "=" + rec));
            assertThat(listed).isEqualTo(expected);
        });
    }
}
