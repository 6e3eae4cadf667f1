package dev.siyu.tagging.contact;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} contacts of one member on one channel within any {@code window}.
 *
 * @param channel the channel
 * @param max the most contacts, at least 1
 * @param window the sliding window, positive
 */
public record FrequencyCap(Channel channel, int max, Duration window) {
    public FrequencyCap {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(window, "window");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }
}
