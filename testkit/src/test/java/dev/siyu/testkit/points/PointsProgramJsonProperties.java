package dev.siyu.testkit.points;

import static dev.siyu.testkit.Generators.gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.points.PointsProgram;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Fuzzed programme documents: each either reads into a program or fails with a located ConfigException. */
class PointsProgramJsonProperties {

    private static final String VALID = """
            {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai",
             "earn": {"rate": 1, "tierMultipliers": {"GOLD": 1.5}, "categoryMultipliers": {"COS": 2},
                      "brandMultipliers": {"LUX": 1.2}, "birthdayMultiplier": 2,
                      "campaigns": [{"code": "D11", "from": "2026-11-01", "to": "2026-11-11", "multiplier": 2}],
                      "maxPerOrder": 5000, "maxPerDay": 10000},
             "lots": {"pendingDays": 7, "expiry": {"policy": "rolling-months", "months": 12}},
             "redemption": {"rate": 100, "maxSharePercent": 50, "minimumBalance": 100, "step": 100},
             "negativeBalance": "clamp"}
            """;

    private static final String[] REPLACEMENTS = {"-1", "0", "\"x\"", "null", "[]", "{}", "1e400", "2.5", "true",
        "\"2026-13-01\"", "\"bogus\": 1, \"y\"", "99999999999999999999"};

    /** The valid document with a few random edits: a token replaced, a character deleted or duplicated. */
    static String mutate(RandomGenerator r) {
        StringBuilder doc = new StringBuilder(VALID);
        int edits = r.nextInt(1, 4);
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(doc.length());
            switch (r.nextInt(3)) {
                case 0 -> doc.deleteCharAt(at);
                case 1 -> doc.insert(at, doc.charAt(at));
                default -> {
                    int colon = doc.indexOf(":", at);
                    if (colon > 0) {
                        int end = colon + 1;
                        while (end < doc.length() && ",}]".indexOf(doc.charAt(end)) < 0) {
                            end++;
                        }
                        doc.replace(colon + 1, end, " " + REPLACEMENTS[r.nextInt(REPLACEMENTS.length)]);
                    }
                }
            }
        }
        return doc.toString();
    }

    @Test
    void a_fuzzed_document_reads_or_fails_with_a_located_config_exception() {
        assertThat(PointsProgram.fromJson(VALID).redeemStep()).isEqualTo(100);
        qt().withExamples(500).forAll(gen(PointsProgramJsonProperties::mutate)).checkAssert(json -> {
            try {
                PointsProgram program = PointsProgram.fromJson(json);
                assertThat(program.redeemRate()).isPositive();
                assertThat(program.earnRate().signum()).isGreaterThanOrEqualTo(0);
            } catch (ConfigException e) {
                assertThat(e.pointer()).isNotNull();
                assertThat(e.problem()).isNotBlank();
            }
        });
    }
}
