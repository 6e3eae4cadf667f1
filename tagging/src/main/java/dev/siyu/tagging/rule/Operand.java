package dev.siyu.tagging.rule;

import java.time.LocalDate;
import java.util.Objects;

/** A constant in a comparison, typed by the feature it is compared with. */
public sealed interface Operand {

    /** A whole number, or money in minor units. */
    record Num(long value) implements Operand {
    }

    /** A code: a city, a tier id, a channel. */
    record Code(String value) implements Operand {
        public Code {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A flag. */
    record Flag(boolean value) implements Operand {
    }

    /** An absolute business date. */
    record Date(LocalDate value) implements Operand {
        public Date {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The business date {@code days} days before the as-of date ({@code 0} is the as-of date itself). */
    record DaysAgo(int days) implements Operand {
        public DaysAgo {
            if (days < -36_600 || days > 36_600) {
                throw new IllegalArgumentException("daysAgo must be within -36600..36600: " + days);
            }
        }
    }
}
