package dev.siyu.core.points;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Points that will expire at the start of one business date, for reminders (积分到期提醒).
 *
 * @param expiresOn the first date the points are no longer valid
 * @param points live points of lots expiring then, {@code > 0}
 */
public record ExpiringPoints(LocalDate expiresOn, long points) {
    public ExpiringPoints {
        Objects.requireNonNull(expiresOn, "expiresOn");
    }
}
