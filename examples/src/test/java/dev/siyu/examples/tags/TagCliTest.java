package dev.siyu.examples.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCliTest {

    private static final String DATA = "data/tags/";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TagCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writes_each_members_tags_and_counts_them() throws IOException {
        Path output = dir.resolve("tags.csv");
        int code = run("--catalogue", DATA + "catalogue.json", "--members", DATA + "members.csv",
                "--transactions", DATA + "transactions.csv", "--as-of", "2026-11-22", "--output", output.toString());
        assertThat(code).as(err()).isZero();
        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8)).containsExactly(
                "id,tags",
                "M1,snow-boots-target;spend-high",   // 沈阳, November, bought shoes; CNY 5,499.50 in a year
                "M2,spend-low",                      // shoes, but in the south
                "M3,spend-mid");                     // CNY 1,500 in February
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 members evaluated against 4 tags on 2026-11-22");
    }

    @Test
    void in_summer_nobody_is_targeted_for_snow_boots() {
        assertThat(run("--catalogue", DATA + "catalogue.json", "--members", DATA + "members.csv",
                "--transactions", DATA + "transactions.csv", "--as-of", "2027-07-01")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("snow-boots-target");
    }

    @Test
    void a_bad_member_row_names_the_file_and_line_and_fails() throws IOException {
        Path members = dir.resolve("members.csv");
        Files.write(members, List.of("id,joined,channel,birthday,city,region", "M1,2025-03-01,guide-card,,沈阳,东北",
                "M2,2025-13-01,sms,,,"), StandardCharsets.UTF_8);
        assertThat(run("--catalogue", DATA + "catalogue.json", "--members", members.toString(), "--as-of", "2026-11-22"))
                .isEqualTo(1);
        assertThat(err()).contains(members + ":3: joined must be yyyy-MM-dd (line 3): 2025-13-01");
    }

    @Test
    void quoted_cells_from_a_spreadsheet_export_are_read_whole() throws IOException {
        Path members = dir.resolve("members.csv");
        Files.writeString(members, "\uFEFFid,joined,channel,birthday,city,region\r\n"
                + "M1,2025-03-01,guide-card,,\"Shenyang, Liaoning\",东北\r\n", StandardCharsets.UTF_8);
        assertThat(run("--catalogue", DATA + "catalogue.json", "--members", members.toString(), "--as-of", "2026-11-22"))
                .as(err()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 members evaluated");
        Files.writeString(members, "id,joined,channel,birthday,city,region\nM1,2025-03-01,guide-card,,\"Shenyang,东北\n",
                StandardCharsets.UTF_8);
        assertThat(run("--catalogue", DATA + "catalogue.json", "--members", members.toString(), "--as-of", "2026-11-22"))
                .isEqualTo(1);
        assertThat(err()).contains(members + ":2: quoted field must end with a closing quote");
    }

    @Test
    void a_purchase_of_an_unknown_member_or_a_bad_amount_fails_with_its_line() throws IOException {
        Path tx = dir.resolve("tx.csv");
        Files.write(tx, List.of("customer_id,date,amount", "M1,2026-10-03,12.345"), StandardCharsets.UTF_8);
        assertThat(run("--catalogue", DATA + "catalogue.json", "--members", DATA + "members.csv",
                "--transactions", tx.toString(), "--as-of", "2026-11-22")).isEqualTo(1);
        assertThat(err()).contains(tx + ":2: amount must be yuan with at most 2 decimals: 12.345");
        Files.write(tx, List.of("customer_id,date,amount", "M9,2026-10-03,12.30"), StandardCharsets.UTF_8);
        err.reset();
        assertThat(run("--catalogue", DATA + "catalogue.json", "--members", DATA + "members.csv",
                "--transactions", tx.toString(), "--as-of", "2026-11-22")).isEqualTo(1);
        assertThat(err()).contains(tx + ":2: customer_id must be a member of the members file: M9");
    }

    @Test
    void a_wrong_header_a_missing_file_or_a_bad_catalogue_fail_clearly() throws IOException {
        Path members = dir.resolve("m.csv");
        Files.write(members, List.of("id,joined,city"), StandardCharsets.UTF_8);
        assertThat(run("--catalogue", DATA + "catalogue.json", "--members", members.toString(), "--as-of", "2026-11-22"))
                .isEqualTo(1);
        assertThat(err()).contains(members + ":1: header must be id,joined,channel,birthday,city,region");
        err.reset();
        assertThat(run("--catalogue", "nowhere.json", "--members", DATA + "members.csv", "--as-of", "2026-11-22")).isEqualTo(1);
        assertThat(err()).contains("nowhere.json: file must exist");
        Path catalogue = dir.resolve("c.json");
        Files.writeString(catalogue, "{\"schemaVersion\": 1, \"version\": 1, \"groups\": [{\"id\": \"g\", \"tags\": "
                + "[{\"id\": \"t\", \"rule\": {\"feature\": \"shoe_size\", \"op\": \"gte\", \"value\": 40}}]}]}");
        err.reset();
        assertThat(run("--catalogue", catalogue.toString(), "--members", DATA + "members.csv", "--as-of", "2026-11-22"))
                .isEqualTo(1);
        assertThat(err()).contains("error: catalogue /groups/0/tags/0/rule");
        err.reset();
        assertThat(run("--members", DATA + "members.csv")).isEqualTo(1);
        assertThat(err()).contains("--catalogue must be given");
    }
}
