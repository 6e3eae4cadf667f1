package dev.siyu.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    @Test
    void reads_business_dates_in_the_program_zone_not_utc() {
        // 2026-12-31T17:30Z is already New Year's Day in Shanghai
        BusinessClock clock = BusinessClock.fixed(Instant.parse("2026-12-31T17:30:00Z"), BusinessClock.SHANGHAI);
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(clock.startOf(LocalDate.of(2027, 1, 1))).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(clock.endOf(LocalDate.of(2027, 1, 1))).isEqualTo(Instant.parse("2027-01-01T16:00:00Z"));
    }

    @Test
    void two_programs_in_two_zones_disagree_on_the_date() {
        Instant at = Instant.parse("2026-06-30T20:00:00Z");
        assertThat(BusinessClock.fixed(at, BusinessClock.SHANGHAI).today()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(BusinessClock.fixed(at, java.time.ZoneId.of("Europe/Paris")).today()).isEqualTo(LocalDate.of(2026, 6, 30));
    }
}
