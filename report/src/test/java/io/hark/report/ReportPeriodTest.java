// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
    private static final Instant NOW = Instant.parse("2026-12-06T04:30:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void timesAreReadInTheReportsZoneUnlessTheyCarryTheirOwn() {
        assertThat(ReportPeriod.parseTime("2026-11-01", PARIS, NOW))
                .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(ReportPeriod.parseTime("2026-11-01T08:00", PARIS, NOW))
                .isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(ReportPeriod.parseTime("2026-11-01T08:00:00Z", PARIS, NOW))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(ReportPeriod.parseTime("2026-11-01T08:00:00+02:00", ZoneOffset.UTC, NOW))
                .isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(ReportPeriod.parseTime("now", PARIS, NOW)).isEqualTo(NOW);
        assertThat(ReportPeriod.parseTime("now-7d", PARIS, NOW))
                .isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(ReportPeriod.parseTime("now-90m", PARIS, NOW))
                .isEqualTo(NOW.minus(Duration.ofMinutes(90)));
        assertThat(ReportPeriod.parseTime("now-2w", PARIS, NOW))
                .isEqualTo(NOW.minus(Duration.ofDays(14)));
    }

    @Test
    void aBadTimeOrAnEmptyPeriodSaysWhatIsExpected() {
        assertThatThrownBy(() -> ReportPeriod.parseTime("yesterday", PARIS, NOW))
                .hasMessageContaining("bad time 'yesterday'")
                .hasMessageContaining("now-7d");
        assertThatThrownBy(() -> ReportPeriod.parseTime("2026-13-01", PARIS, NOW))
                .hasMessageContaining("bad time '2026-13-01'");
        assertThatThrownBy(() -> new ReportPeriod(NOW, NOW, PARIS))
                .hasMessageContaining("the period is empty");
        assertThatThrownBy(() -> new ReportPeriod(NOW, NOW.minusSeconds(1), PARIS))
                .hasMessageContaining("is not before --to");
    }

    @Test
    void theTimelineHasAtMostTwoHundredRoundBuckets() {
        assertThat(period(Duration.ofHours(2)).bucket().interval()).isEqualTo("1m");
        assertThat(period(Duration.ofDays(1)).bucket().interval()).isEqualTo("10m");
        assertThat(period(Duration.ofDays(7)).bucket().interval()).isEqualTo("1h");
        assertThat(period(Duration.ofDays(30)).bucket().interval()).isEqualTo("6h");
        assertThat(period(Duration.ofDays(150)).bucket().interval()).isEqualTo("day");
        assertThat(period(Duration.ofDays(3650)).bucket().interval()).isEqualTo("month");
        for (long hours = 1; hours < 24 * 400; hours = hours * 3 / 2 + 1) {
            ReportPeriod period = period(Duration.ofHours(hours));
            if (!period.bucket().interval().equals("month")) {
                assertThat(period.length().dividedBy(period.bucket().length()))
                        .isLessThan(ReportPeriod.MAX_BUCKETS);
            }
        }
    }

    @Test
    void thePreviousPeriodHasTheSameLengthAndEndsWhereThisOneStarts() {
        ReportPeriod period = period(Duration.ofDays(7));
        assertThat(period.previous().to()).isEqualTo(period.from());
        assertThat(period.previous().length()).isEqualTo(period.length());
    }

    @Test
    void datesAreShownInTheReportsZone() {
        ReportPeriod period = new ReportPeriod(NOW.minus(Duration.ofDays(1)), NOW, PARIS);
        assertThat(period.format(NOW)).isEqualTo("2026-12-06 05:30");
        assertThat(period.bucketLabel(NOW)).isEqualTo("12-06 05:30");
        assertThat(period.zoneName()).isEqualTo("Europe/Paris");
        assertThat(
                        new ReportPeriod(NOW.minus(Duration.ofDays(1)), NOW, ZoneId.of("UTC"))
                                .zoneName())
                .isEqualTo("UTC");
    }

    private static ReportPeriod period(Duration length) {
        return new ReportPeriod(NOW.minus(length), NOW, ZoneOffset.UTC);
    }
}
