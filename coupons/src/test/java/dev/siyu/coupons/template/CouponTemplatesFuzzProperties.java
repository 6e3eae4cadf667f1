package dev.siyu.coupons.template;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.json.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mutated template documents either parse into valid templates or fail with a ConfigException, nothing else. */
class CouponTemplatesFuzzProperties {

    static final String[] VALUES = {"-1", "0", "101", "1e400", "-0.001", "\"\"", "null", "true", "[]", "{}",
        "\"CNY -5\"", "\"USD 5\"", "99999999999999999999", "\"2026-13-40\"", "\"25:00\"", "\"nope\"", "0.001"};

    static String mutate(java.util.random.RandomGenerator r, String doc) {
        StringBuilder s = new StringBuilder(doc);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, "\"x\": 1, ");
                case 2 -> {
                    // replace the value after a colon
                    int colon = s.indexOf(":", at);
                    if (colon > 0) {
                        int end = colon + 1;
                        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
                            end++;
                        }
                        s.replace(colon + 1, end, " " + VALUES[r.nextInt(VALUES.length)]);
                    }
                }
                default -> s.insert(at, VALUES[r.nextInt(VALUES.length)]);
            }
        }
        return s.toString();
    }

    @Test
    void mutated_documents_parse_or_fail_with_a_config_exception_naming_a_pointer() {
        qt().withExamples(2_000).forAll(gen(r -> mutate(r, CouponTemplatesTest.YOHO))).checkAssert(doc -> {
            try {
                List<CouponTemplate> parsed = CouponTemplates.parse(doc);
                assertThat(parsed).isNotEmpty();
            } catch (ConfigException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }
}
