package dev.siyu.core.order;

/**
 * Units of one order line returned.
 *
 * @param lineNo the order line's number
 * @param quantity units returned, {@code >= 1}
 */
public record RefundLine(int lineNo, int quantity) {

    /** @throws IllegalArgumentException if a number is out of range */
    public RefundLine {
        if (lineNo < 1) {
            throw new IllegalArgumentException("lineNo must be >= 1: " + lineNo);
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1: " + quantity);
        }
    }
}
