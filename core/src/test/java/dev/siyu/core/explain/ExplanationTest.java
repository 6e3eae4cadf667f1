package dev.siyu.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.SiyuJson;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    @Test
    void keeps_facts_in_the_order_they_were_considered() {
        Explanation why = Explanation.builder("TIER_KEPT").fact("spend", "CNY 3000.00").fact("retention", "CNY 2000.00")
                .fact("graceUntil", null).because(Explanation.of("WINDOW_CALENDAR_YEAR")).build();
        assertThat(why.facts().keySet()).containsExactly("spend", "retention", "graceUntil");
        assertThat(why.fact("graceUntil")).contains("null");
        assertThat(why).hasToString("TIER_KEPT(spend=CNY 3000.00, retention=CNY 2000.00, graceUntil=null)"
                + "[WINDOW_CALENDAR_YEAR()]");
    }

    @Test
    void is_a_value() {
        assertThat(Explanation.builder("A").fact("x", 1).build()).isEqualTo(Explanation.builder("A").fact("x", "1").build());
    }

    @Test
    void refuses_codes_that_are_not_upper_snake_case() {
        assertThatThrownBy(() -> Explanation.of("tier kept")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("code must be UPPER_SNAKE_CASE: 'tier kept'");
    }

    @Test
    void checks_codes_exactly_as_the_upper_snake_case_pattern_does() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
        String[] samples = {"", "A", "a", "_", "A_", "_A", "A__B", "A_B", "A1_2B", "1A", "AB_C_D9", "A-B", "A B",
            "TIER_KEPT", "POINTS_EARNED", "Ab", "A_b", "A_1", "Ä"};
        for (String code : samples) {
            assertThat(Explanation.isUpperSnakeCase(code)).as(code).isEqualTo(pattern.matcher(code).matches());
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        char[] alphabet = {'A', 'Z', 'a', '0', '9', '_', '-', ' '};
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(0, 7)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String code = new String(chars);
            assertThat(Explanation.isUpperSnakeCase(code)).as(code).isEqualTo(pattern.matcher(code).matches());
        }
    }

    @Test
    void a_builder_used_again_after_build_leaves_the_built_explanation_unchanged() {
        Explanation.Builder builder = Explanation.builder("A").fact("x", 1);
        Explanation first = builder.build();
        Explanation second = builder.fact("y", 2).build();
        assertThat(first.facts()).containsExactly(java.util.Map.entry("x", "1"));
        assertThat(second.facts()).containsExactly(java.util.Map.entry("x", "1"), java.util.Map.entry("y", "2"));
        assertThat(first).isEqualTo(Explanation.builder("A").fact("x", "1").build())
                .hasSameHashCodeAs(new Explanation("A", java.util.Map.of("x", "1"), java.util.List.of()));
        assertThat(first.facts()).hasToString("{x=1}");
        assertThatThrownBy(() -> first.facts().put("z", "3")).isInstanceOf(UnsupportedOperationException.class);
        Explanation third = builder.fact("x", 9).build();
        assertThat(second.facts()).containsExactly(java.util.Map.entry("x", "1"), java.util.Map.entry("y", "2"));
        assertThat(third.facts()).containsExactly(java.util.Map.entry("x", "9"), java.util.Map.entry("y", "2"));
    }

    @Test
    void facts_of_another_explanation_are_recorded_in_order_as_one_by_one() {
        Explanation inner = Explanation.builder("INNER").fact("a", 1L).fact("b", "two").build();
        Explanation copied = Explanation.builder("OUTER").fact("b", "first").factsOf(inner)
                .factsOf(new Explanation("X", java.util.Map.of("c", "3"), java.util.List.of())).build();
        assertThat(copied.facts()).containsExactly(java.util.Map.entry("b", "two"), java.util.Map.entry("a", "1"),
                java.util.Map.entry("c", "3"));
    }

    @Test
    void values_kept_until_read_render_as_they_would_have_when_recorded() {
        java.math.BigDecimal rate = new java.math.BigDecimal("1.50");
        Explanation why = Explanation.builder("A").fact("rate", rate).fact("on", java.time.Instant.EPOCH)
                .fact("flag", true).fact("mode", java.math.RoundingMode.HALF_EVEN).build();
        assertThat(why.facts()).containsExactly(java.util.Map.entry("rate", "1.50"),
                java.util.Map.entry("on", "1970-01-01T00:00:00Z"), java.util.Map.entry("flag", "true"),
                java.util.Map.entry("mode", "HALF_EVEN"));
    }

    @Test
    void a_fact_recorded_again_keeps_its_place_and_takes_the_new_value_as_a_map_would() {
        Explanation why = Explanation.builder("A").fact("x", 1).fact("y", 2).fact("x", 3).build();
        assertThat(why.facts()).containsExactly(java.util.Map.entry("x", "3"), java.util.Map.entry("y", "2"));
        java.util.Map<String, String> same = new java.util.LinkedHashMap<>();
        same.put("x", "3");
        same.put("y", "2");
        Explanation copied = new Explanation("A", same, java.util.List.of());
        assertThat(why).isEqualTo(copied).hasSameHashCodeAs(copied).hasToString(copied.toString());
        assertThat(copied).isEqualTo(why);
        assertThat(why.facts()).isEqualTo(same).hasSameHashCodeAs(same).hasToString(same.toString());
        assertThat(why.fact("y")).contains("2");
        assertThat(why.fact("z")).isEmpty();
        assertThat(why.facts().containsKey("x")).isTrue();
        assertThatThrownBy(() -> why.facts().keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> why.facts().entrySet().iterator().next().setValue("9"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void values_rendered_when_read_equal_the_same_facts_recorded_as_text() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 11);
        dev.siyu.core.money.Money amount = dev.siyu.core.money.Money.cnyMinor(12_345);
        dev.siyu.core.id.OrderId order = dev.siyu.core.id.OrderId.of("O-1");
        StringBuilder mutable = new StringBuilder("before");
        Explanation kept = Explanation.builder("A").fact("points", 12L).fact("lineNo", 3).fact("on", day)
                .fact("net", amount).fact("order", order).fact("text", mutable).build();
        mutable.append("-after");
        Explanation text = Explanation.builder("A").fact("points", "12").fact("lineNo", "3").fact("on", "2026-11-11")
                .fact("net", "CNY 123.45").fact("order", "O-1").fact("text", "before").build();
        assertThat(kept).isEqualTo(text).hasSameHashCodeAs(text).hasToString(text.toString());
        assertThat(kept.facts()).containsExactlyEntriesOf(text.facts());
        assertThat(kept.fact("net")).contains("CNY 123.45");
        assertThat(SiyuJson.write(kept)).isEqualTo(SiyuJson.write(text));
    }

    @Test
    void serializes_to_json_for_staff_screens() {
        assertThat(SiyuJson.write(Explanation.builder("EARNED").fact("points", 12).build()))
                .isEqualTo("{\"code\":\"EARNED\",\"facts\":{\"points\":\"12\"},\"because\":[]}");
    }

    @Test
    void a_deferred_explanation_is_made_once_when_first_read_and_reads_as_the_one_made() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        Explanation.Builder source = Explanation.builder("POINTS_EARNED").fact("order", "O1").fact("points", 12L)
                .because(Explanation.builder("LINE_POINTS").fact("lineNo", 1).build());
        Explanation eager = source.build();
        Explanation deferred = Explanation.deferred("POINTS_EARNED", () -> {
            made.incrementAndGet();
            return source.build();
        });
        assertThat(made).hasValue(0);
        assertThat(deferred.code()).isEqualTo("POINTS_EARNED");
        assertThat(made).hasValue(0);
        assertThat(deferred).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
        assertThat(eager).isEqualTo(deferred);
        assertThat(deferred.facts()).containsExactlyEntriesOf(eager.facts()).hasToString(eager.facts().toString());
        assertThat(deferred.because()).containsExactlyElementsOf(eager.because()).isEqualTo(eager.because());
        assertThat(deferred.fact("points")).contains("12");
        assertThat(deferred.fact("none")).isEmpty();
        assertThat(deferred.facts().containsKey("order")).isTrue();
        assertThat(Explanation.builder("X").factsOf(deferred).build().facts()).isEqualTo(eager.facts());
        assertThat(SiyuJson.write(deferred)).isEqualTo(SiyuJson.write(eager));
        assertThat(made).hasValue(1);
        assertThatThrownBy(() -> deferred.facts().put("z", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> deferred.because().add(Explanation.of("Z")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> deferred.because().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_deferred_explanation_must_make_its_own_code() {
        Explanation deferred = Explanation.deferred("A", () -> Explanation.of("B"));
        assertThatThrownBy(deferred::toString).isInstanceOf(IllegalStateException.class)
                .hasMessage("made explanation must have code A: B");
        assertThatThrownBy(() -> Explanation.deferred("a b", () -> Explanation.of("A")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_deferred_explanation_read_by_several_threads_is_made_once() throws Exception {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        for (int round = 0; round < 50; round++) {
            Explanation deferred = Explanation.deferred("A", () -> {
                made.incrementAndGet();
                return Explanation.builder("A").fact("x", 1).build();
            });
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.CompletableFuture<String>> reads = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reads.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return deferred.toString();
                }));
            }
            go.countDown();
            for (var read : reads) {
                assertThat(read.get()).isEqualTo("A(x=1)");
            }
        }
        assertThat(made).hasValue(50);
    }
}
