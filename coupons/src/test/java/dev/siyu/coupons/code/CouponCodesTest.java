package dev.siyu.coupons.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CouponCodesTest {

    final CouponCodes codes = CouponCodes.of(20261111L, 8, "YM");

    @Test
    void codes_read_back_to_their_sequence_number_in_any_case_and_spacing() {
        String code = codes.code(12_345);
        assertThat(code).matches("YM-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}[2-9A-HJ-NP-Z]");
        assertThat(codes.parse(code)).contains(12_345L);
        assertThat(codes.parse(code.toLowerCase(Locale.ROOT).replace("-", " "))).contains(12_345L);
    }

    @Test
    void every_single_symbol_error_and_adjacent_swap_is_caught() {
        for (long n = 0; n < 2_000; n++) {
            String code = codes.code(n).replace("-", "");
            for (int i = 2; i < code.length(); i++) {
                for (char c : CouponCodes.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String typo = code.substring(0, i) + c + code.substring(i + 1);
                        assertThat(codes.parse(typo)).as(typo).isEmpty();
                    }
                }
                if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)) {
                    String swap = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                    assertThat(codes.parse(swap)).as(swap).isEmpty();
                }
            }
        }
    }

    @Test
    void the_whole_space_of_four_symbol_codes_is_a_permutation() {
        CouponCodes small = CouponCodes.of(7, 4, "");
        BitSet seen = new BitSet((int) small.capacity());
        for (long n = 0; n < small.capacity(); n++) {
            long back = small.parse(small.code(n)).orElseThrow();
            assertThat(back).isEqualTo(n);
            String body = small.code(n).replace("-", "").substring(0, 4);
            int v = 0;
            for (char c : body.toCharArray()) {
                v = v << 5 | CouponCodes.ALPHABET.indexOf(c);
            }
            assertThat(seen.get(v)).isFalse();
            seen.set(v);
        }
    }

    @Test
    void ten_million_codes_are_collision_free() {
        int n = 10_000_000;
        long[] bodies = new long[n];
        for (int i = 0; i < n; i++) {
            String code = codes.code(i);
            long v = 0;
            for (int k = 2; k < code.length() - 1; k++) {
                char c = code.charAt(k);
                if (c != '-') {
                    v = v << 5 | CouponCodes.ALPHABET.indexOf(c);
                }
            }
            bodies[i] = v;
        }
        Arrays.sort(bodies);
        for (int i = 1; i < n; i++) {
            assertThat(bodies[i]).isNotEqualTo(bodies[i - 1]);
        }
    }

    @Test
    void readable_symbols_only_and_bad_settings_refused() {
        assertThat(CouponCodes.ALPHABET).doesNotContain("0", "O", "1", "I").hasSize(32);
        assertThatThrownBy(() -> CouponCodes.of(1, 7, "")).hasMessage("bodyLength must be even and between 4 and 12: 7");
        assertThatThrownBy(() -> codes.code(-1)).hasMessageStartingWith("n must be in [0, ");
    }
}
