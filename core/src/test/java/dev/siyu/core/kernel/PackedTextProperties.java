package dev.siyu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class PackedTextProperties {

    /** Texts of 0 to 10 characters from a small alphabet with Latin-1 and wider characters, so that equal texts and misfits both occur. */
    private static final String ALPHABET = "ab9-\u00e9\u00ff\u4f1a";

    private static String text(int seed) {
        int length = Math.floorMod(seed, 11);
        StringBuilder b = new StringBuilder();
        int s = seed >>> 4;
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(Math.floorMod(s, i < 2 ? 3 : ALPHABET.length())));
            s = s / 7 + i;
        }
        return b.toString();
    }

    /** The packing written plainly: one to eight characters, each in 1..255, as bytes from the high end of a long; 0 for any other text. */
    private static long plain(String text) {
        if (text.isEmpty() || text.length() > 8 || text.chars().anyMatch(c -> c == 0 || c > 0xFF)) {
            return 0;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = key << 8 | (i < bytes.length ? bytes[i] & 0xFF : 0);
        }
        return key;
    }

    @Test
    void texts_that_fit_have_equal_keys_exactly_when_they_are_equal_and_others_have_none() {
        qt().withExamples(5000).forAll(SourceDSL.integers().all(), SourceDSL.integers().all()).checkAssert((x, y) -> {
            String a = text(x);
            String b = text(y);
            long ka = PackedText.of(a);
            long kb = PackedText.of(b);
            assertThat(ka).isEqualTo(plain(a));
            boolean fits = !a.isEmpty() && a.length() <= 8 && a.chars().allMatch(c -> c > 0 && c <= 0xFF);
            assertThat(ka != 0).isEqualTo(fits);
            if (fits) {
                assertThat(ka >>> 56).isNotZero();
            }
            if (ka != 0 && kb != 0) {
                assertThat(ka == kb).isEqualTo(a.equals(b));
            }
        });
    }
}
