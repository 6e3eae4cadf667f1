package dev.siyu.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneDaysProperties {

    /** Zones of each kind: past transitions only (China), recurring rules, a fixed offset, UTC. */
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Asia/Hong_Kong"),
            ZoneId.of("Europe/London"), ZoneId.of("America/New_York"), ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.UTC);

    @Test
    void the_offset_and_day_are_the_zone_rules_ones_before_during_and_after_the_last_transition() {
        // from 1900 to 2200, in seconds, with the days around China's 1986-1991 daylight saving densest
        qt().forAll(integers().between(0, ZONES.size() - 1), longs().between(-2_208_988_800L, 7_258_118_400L),
                longs().between(504_921_600L, 694_224_000L), integers().between(0, 1))
                .checkAssert((z, anySecond, dstYears, pick) -> {
                    ZoneId zone = ZONES.get(z);
                    Instant at = Instant.ofEpochSecond(pick == 0 ? anySecond : dstYears);
                    ZoneDays days = ZoneDays.of(zone);
                    assertThat(days.offsetSeconds(at)).isEqualTo(zone.getRules().getOffset(at).getTotalSeconds());
                    assertThat(days.epochDay(at)).isEqualTo(at.atZone(zone).toLocalDate().toEpochDay());
                });
    }

    @Test
    void the_last_transition_of_china_is_where_the_offset_stops_changing() {
        ZoneDays shanghai = ZoneDays.of(ZoneId.of("Asia/Shanghai"));
        // 1991-09-15 02:00 +09:00 back to +08:00 (the last daylight saving ended)
        Instant last = Instant.parse("1991-09-14T17:00:00Z");
        assertThat(shanghai.offsetSeconds(last.minusSeconds(1))).isEqualTo(9 * 3600);
        assertThat(shanghai.offsetSeconds(last)).isEqualTo(8 * 3600);
        assertThat(shanghai.epochDay(Instant.parse("2026-01-01T15:59:59Z"))).isEqualTo(20_454);
        assertThat(shanghai.epochDay(Instant.parse("2026-01-01T16:00:00Z"))).isEqualTo(20_455);
    }
}
