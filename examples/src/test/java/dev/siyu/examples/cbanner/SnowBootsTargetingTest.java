package dev.siyu.examples.cbanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.core.id.MemberId;
import dev.siyu.tagging.audience.Selection;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnowBootsTargetingTest {

    @Test
    void in_november_shoe_buyers_of_the_north_who_consented_get_the_snow_boots_sms() {
        Selection s = SnowBootsTargeting.select(Instant.parse("2026-11-10T02:00:00Z"));
        assertThat(s.selected()).containsExactly(MemberId.of("M1"), MemberId.of("M2"));
        assertThat(s.matched()).isEqualTo(3);
        assertThat(s.excluded()).isEqualTo(Map.of("NO_PERSONALIZED_CONSENT", 1));
    }

    @Test
    void the_south_never_gets_it_and_nobody_does_in_july() {
        Selection nov = SnowBootsTargeting.select(Instant.parse("2026-11-10T02:00:00Z"));
        assertThat(nov.selected()).doesNotContain(MemberId.of("M3"), MemberId.of("M4"));
        Selection july = SnowBootsTargeting.select(Instant.parse("2026-07-10T02:00:00Z"));
        assertThat(july.matched()).isZero();
        assertThat(july.selected()).isEmpty();
    }
}
