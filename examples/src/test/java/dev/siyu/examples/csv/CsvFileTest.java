package dev.siyu.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

class CsvFileTest {

    private static final String ALPHABET = "a1 ,\"\n\r\t中-";
    private static final Gen<String> CELL = lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 6)
            .map(cs -> cs.stream().map(c -> String.valueOf(ALPHABET.charAt(c))).collect(Collectors.joining()));
    private static final Gen<List<List<String>>> TABLE = lists().of(lists().of(CELL).ofSizeBetween(1, 4)).ofSizeBetween(1, 6);

    private static String write(List<List<String>> table, boolean crlf, boolean minimal) {
        return table.stream().map(row -> row.stream().map(cell -> quote(cell, minimal, row.size()))
                .collect(Collectors.joining(","))).collect(Collectors.joining(crlf ? "\r\n" : "\n")) + (crlf ? "\r\n" : "\n");
    }

    private static String quote(String cell, boolean minimal, int rowSize) {
        boolean plain = !cell.isEmpty() && cell.strip().equals(cell) && cell.chars().noneMatch(c -> ",\"\n\r".indexOf(c) >= 0);
        if (minimal && (plain || cell.isEmpty() && rowSize > 1)) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Test
    void any_table_written_with_quotes_reads_back_cell_for_cell() {
        qt().forAll(TABLE, booleans().all(), booleans().all()).checkAssert((table, crlf, minimal) -> {
            CsvFile file = CsvFile.parse("t.csv", write(table, crlf, minimal));
            assertThat(file.rows().stream().map(CsvFile.Row::cells).toList()).isEqualTo(table);
        });
    }

    @Test
    void rows_know_the_line_they_start_on() {
        CsvFile file = CsvFile.parse("t.csv", "id,note\r\nM1,\"two\nlines\"\n\nM2,\"say \"\"hi\"\"\"\n");
        assertThat(file.rows()).extracting(CsvFile.Row::line).containsExactly(1, 2, 5);
        assertThat(file.rows().get(1).cells()).containsExactly("M1", "two\nlines");
        assertThat(file.rows().get(2).cells()).containsExactly("M2", "say \"hi\"");
    }

    @Test
    void a_byte_order_mark_and_spaces_around_plain_cells_are_dropped() {
        CsvFile file = CsvFile.parse("t.csv", "\uFEFFid , city\n M1 , \" 沈阳 \"\n");
        assertThat(file.body(List.of("id", "city"), List.of())).singleElement()
                .extracting(CsvFile.Row::cells).isEqualTo(List.of("M1", " 沈阳 "));
    }

    @Test
    void an_unclosed_quote_names_the_line_it_opened_on() {
        assertThatThrownBy(() -> CsvFile.parse("t.csv", "id,note\nM1,ok\nM2,\"never\nclosed\n"))
                .hasMessage("t.csv:3: quoted field must end with a closing quote");
        assertThatThrownBy(() -> CsvFile.parse("t.csv", "id,note\nM1,\"x\"y\n"))
                .hasMessage("t.csv:2: a quoted field must be followed by a comma or the end of the line: y");
    }

    @Test
    void the_header_and_the_field_count_are_checked() {
        CsvFile file = CsvFile.parse("t.csv", "id,joined\nM1,2026-01-01\nM2\n");
        assertThatThrownBy(() -> file.body(List.of("id", "joined"), List.of()))
                .hasMessage("t.csv:3: row must have 2 fields: 1");
        assertThatThrownBy(() -> file.body(List.of("id", "city"), List.of("tier")))
                .hasMessage("t.csv:1: header must be id,city optionally followed by tier: id,joined");
        assertThatThrownBy(() -> CsvFile.parse("e.csv", "\n\n").body(List.of("id"), List.of()))
                .hasMessage("e.csv:1: header must be id");
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_with_its_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gbk.csv");
        byte[] gbk = "id,city\nM1,沈阳\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        Files.write(file, gbk);
        assertThatThrownBy(() -> CsvFile.read(file)).hasMessage(file + ":2: file must be UTF-8 text");
        assertThatThrownBy(() -> CsvFile.read(dir.resolve("missing.csv"))).hasMessage(dir.resolve("missing.csv") + ": file must exist");
        Files.writeString(file, "id\nM1\n", StandardCharsets.UTF_8);
        assertThat(CsvFile.read(file).rows()).hasSize(2);
    }
}
