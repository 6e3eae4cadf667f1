package dev.siyu.core.json;

import java.util.Locale;
import java.util.Objects;

/**
 * A configuration or JSON document Siyu was handed is wrong. The message names the JSON pointer of
 * the offending value, its line and column where known, and what was expected. Nothing built from
 * a document that failed escapes: parsing either returns a complete, valid object or throws this.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param pointer the JSON pointer of the offending value ({@code ""} for the whole document)
     * @param line 1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown
     * @param problem what was expected and what was found
     */
    public ConfigException(String pointer, int line, int column, String problem) {
        this(pointer, line, column, problem, null);
    }

    ConfigException(String pointer, int line, int column, String problem, Throwable cause) {
        super(render(pointer, line, column, problem), cause);
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.line = line;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String render(String pointer, int line, int column, String problem) {
        String where = pointer.isEmpty() ? "(document root)" : pointer;
        return line > 0
                ? String.format(Locale.ROOT, "%s (line %d, column %d): %s", where, line, column, problem)
                : where + ": " + problem;
    }

    /** The JSON pointer of the offending value, e.g. {@code /tiers/2/threshold}. */
    public String pointer() {
        return pointer;
    }

    /** The 1-based line of the offending value, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the offending value, or 0 if unknown. */
    public int column() {
        return column;
    }

    /** What was expected and what was found, without the location. */
    public String problem() {
        return problem;
    }
}
