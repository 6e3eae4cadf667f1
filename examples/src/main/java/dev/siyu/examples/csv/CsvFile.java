package dev.siyu.examples.csv;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A comma-separated file as the command-line tools read it: RFC 4180 fields (a field in double
 * quotes may hold commas, line breaks and doubled quotes), LF or CRLF line ends, an optional UTF-8
 * byte-order mark (as spreadsheet exports write), blank lines skipped, cells trimmed of surrounding
 * spaces unless quoted. Every row knows the line it starts on, so each error reads
 * {@code FILE:LINE: problem}. The file must be UTF-8; a file that is not says so, with the first line
 * that is not.
 *
 * <p>Read whole; meant for analyst-sized files (up to some million rows). Immutable.
 */
public final class CsvFile {

    /**
     * One record of the file.
     *
     * @param line the line the record starts on, 1-based
     * @param cells the record's fields
     */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** Field {@code i}, 0-based. */
        public String cell(int i) {
            return cells.get(i);
        }

        /** The number of fields. */
        public int size() {
            return cells.size();
        }
    }

    private final String name;
    private final List<Row> rows;

    private CsvFile(String name, List<Row> rows) {
        this.name = name;
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException when the file is missing, not UTF-8, or a quoted field is not closed
     * @throws IOException when it cannot be read
     */
    public static CsvFile read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": file must exist");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ":" + firstBadLine(bytes) + ": file must be UTF-8 text", e);
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses {@code text} as the content of a file called {@code name} (used in error messages).
     *
     * @throws IllegalArgumentException {@code NAME:LINE: ...} when a quoted field is not closed or text follows a closing quote
     */
    public static CsvFile parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        int line = 1;
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int rowLine = 1;
        boolean quoted = false;
        boolean anyText = false;
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            boolean end = i == n;
            i++;
            if (c == '"' && !quoted && cell.toString().isBlank()) {
                // an opening quote: read to the closing one
                int opened = line;
                cell.setLength(0);
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "%s:%d: quoted field must end with a closing quote", name, opened));
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        if (q == '\n') {
                            line++;
                        }
                        cell.append(q);
                    }
                }
                quoted = true;
                anyText = true;
                continue;
            }
            if (c == ',' || c == '\n' || (c == '\r' && (i >= n || text.charAt(i) == '\n'))) {
                if (c == '\r') {
                    i++;
                    c = '\n';
                }
                cells.add(quoted ? cell.toString() : cell.toString().strip());
                anyText |= !cell.toString().isBlank();
                cell.setLength(0);
                quoted = false;
                if (c == '\n') {
                    if (anyText || cells.size() > 1) {
                        rows.add(new Row(rowLine, cells));
                    }
                    cells = new ArrayList<>();
                    anyText = false;
                    if (!end) {
                        line++;
                    }
                    rowLine = line;
                }
                continue;
            }
            if (quoted) {
                if (c == ' ' || c == '\t') {
                    continue;
                }
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s:%d: a quoted field must be followed by a comma or the end of the line: %s", name, line, c));
            }
            cell.append(c);
        }
        return new CsvFile(name, rows);
    }

    private static int firstBadLine(byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    /** The file's name as given. */
    public String name() {
        return name;
    }

    /** Every non-blank record, header included, in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** The error {@code NAME:LINE: problem} for a record. */
    public IllegalArgumentException error(int line, String problem) {
        return new IllegalArgumentException(name + ":" + line + ": " + problem);
    }

    /**
     * Checks the header (the first record) is {@code required} optionally followed by a prefix of
     * {@code optional}, and that every later record has as many fields as the header.
     *
     * @return the records after the header
     * @throws IllegalArgumentException {@code NAME:LINE: ...} naming the expected header or field count
     */
    public List<Row> body(List<String> required, List<String> optional) {
        List<String> allowed = new ArrayList<>(required);
        allowed.addAll(optional);
        String expected = "header must be " + String.join(",", required)
                + (optional.isEmpty() ? "" : " optionally followed by " + String.join(",", optional));
        if (rows.isEmpty()) {
            throw error(1, expected);
        }
        List<String> header = rows.get(0).cells();
        if (header.size() < required.size() || header.size() > allowed.size()
                || !header.equals(allowed.subList(0, header.size()))) {
            throw error(rows.get(0).line(), expected + ": " + String.join(",", header));
        }
        List<Row> body = rows.subList(1, rows.size());
        for (Row row : body) {
            if (row.size() != header.size()) {
                throw error(row.line(), String.format(Locale.ROOT, "row must have %d fields: %d", header.size(), row.size()));
            }
        }
        return body;
    }
}
