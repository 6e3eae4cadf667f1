package dev.siyu.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.event.TierChanged;
import dev.siyu.core.id.TierId;
import dev.siyu.core.points.PointsOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void the_quick_start_upgrades_at_once_and_credits_pending_points() {
        QuickStart.Result result = QuickStart.run();
        assertThat(result.tier().status().tier()).isEqualTo(TierId.of("GOLD"));
        TierChanged change = result.tier().events().get(0);
        assertThat(change.kind()).isEqualTo(TierChanged.Kind.UPGRADED);
        assertThat(change.explanation().fact("threshold")).contains("CNY 5000.00");
        assertThat(result.points().outcome()).isInstanceOf(PointsOutcome.Applied.class);
        assertThat(result.points().account().balance()).isEqualTo(5999);
    }

    @Test
    void the_readme_shows_exactly_this_code() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/siyu/examples/quickstart/QuickStart.java"),
                StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("// quick-start:begin") + "// quick-start:begin".length(),
                source.indexOf("// quick-start:end"));
        List<String> lines = Arrays.stream(snippet.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        List<String> readmeLines = Arrays.stream(readme.split("\n")).map(String::strip).toList();
        assertThat(readmeLines).containsSubsequence(lines);
        assertThat(lines.size()).isBetween(15, 30);
    }
}
