package dev.siyu.core.id;

import java.util.Locale;

/** The validation every typed id shares. */
final class IdText {

    static final int MAX_LENGTH = 128;

    private IdText() {
    }

    static String check(String kind, String value) {
        if (value == null) {
            throw new NullPointerException(kind);
        }
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be 1 to %d characters and not blank: '%s'", kind, MAX_LENGTH, value));
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s must not contain control characters: '%s'", kind, value.replaceAll("\\p{Cntrl}", "?")));
            }
        }
        return value;
    }
}
