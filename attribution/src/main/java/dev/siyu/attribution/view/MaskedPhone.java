package dev.siyu.attribution.view;

import java.util.Objects;

/**
 * A phone number as a guide may see it: {@code 138****5678} for an 11-digit mainland mobile,
 * otherwise every digit but the last two masked. The raw number is not kept, so no accessor,
 * {@code toString} or JSON form of this type can reveal it. Immutable and thread-safe.
 */
public final class MaskedPhone {

    private final String masked;

    private MaskedPhone(String masked) {
        this.masked = masked;
    }

    /**
     * Masks {@code raw}; non-digits other than a leading {@code +} and separators are dropped first.
     *
     * @throws IllegalArgumentException if the number has fewer than 3 digits
     */
    public static MaskedPhone of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() > 11 && digits.startsWith("86")) {
            digits = digits.substring(digits.length() - 11);
        }
        if (digits.length() < 3) {
            throw new IllegalArgumentException("phone must have at least 3 digits: " + digits.length() + " digits");
        }
        String masked = digits.length() == 11
                ? digits.substring(0, 3) + "****" + digits.substring(7)
                : "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
        return new MaskedPhone(masked);
    }

    /** The masked form, e.g. {@code 138****5678}. */
    public String value() {
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskedPhone m && m.masked.equals(masked);
    }

    @Override
    public int hashCode() {
        return masked.hashCode();
    }

    @Override
    public String toString() {
        return masked;
    }
}
