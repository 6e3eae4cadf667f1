package dev.siyu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class OperationDigestTest {

    @Test
    void is_guavas_murmur3_128_of_the_utf16_units_for_every_length() {
        StringBuilder id = new StringBuilder();
        for (int n = 0; n < 40; n++) {
            assertThat(OperationDigest.of(id)).as("length %d", n).isEqualTo(guava(id.toString()));
            id.append((char) ('a' + n % 26));
        }
        assertThat(OperationDigest.of("订单-1001:earn")).isEqualTo(guava("订单-1001:earn"));
    }

    @Test
    void matches_guava_on_any_text() {
        qt().withExamples(500).forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(s -> assertThat(OperationDigest.of(s)).isEqualTo(guava(s)));
    }

    @Test
    void its_text_form_reads_back() {
        qt().withExamples(200).forAll(SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 30))
                .checkAssert(s -> {
                    OperationDigest d = OperationDigest.of(s);
                    assertThat(d.toString()).hasSize(32);
                    assertThat(OperationDigest.parse(d.toString())).isEqualTo(d);
                });
        assertThatThrownBy(() -> OperationDigest.parse("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("digest must be 32 hex digits: 'abc'");
    }

    private static OperationDigest guava(String s) {
        HashCode code = Hashing.murmur3_128().hashUnencodedChars(s);
        ByteBuffer bytes = ByteBuffer.wrap(code.asBytes()).order(ByteOrder.LITTLE_ENDIAN);
        return new OperationDigest(bytes.getLong(), bytes.getLong());
    }
}
