// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportScheduleTest {
    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aDailyPeriodIsOneUtcDay() {
        ReportSchedule daily = new ReportSchedule(Duration.ofHours(24));
        long start = daily.periodStart(at("2026-12-05T17:42:10Z"));
        assertThat(Instant.ofEpochMilli(start)).isEqualTo("2026-12-05T00:00:00Z");
        assertThat(Instant.ofEpochMilli(daily.periodEnd(start))).isEqualTo("2026-12-06T00:00:00Z");
        assertThat(daily.periodStart(at("2026-12-06T00:00:00Z")))
                .isEqualTo(at("2026-12-06T00:00:00Z"));
    }

    @Test
    void aWeeklyPeriodStartsOnMonday() {
        ReportSchedule weekly = new ReportSchedule(Duration.ofDays(7));
        // 2026-12-06 is a Sunday, 2026-12-07 a Monday
        assertThat(Instant.ofEpochMilli(weekly.periodStart(at("2026-12-06T23:59:59Z"))))
                .isEqualTo("2026-11-30T00:00:00Z");
        assertThat(Instant.ofEpochMilli(weekly.periodStart(at("2026-12-07T00:00:00Z"))))
                .isEqualTo("2026-12-07T00:00:00Z");
        // before the epoch's first Monday
        assertThat(Instant.ofEpochMilli(weekly.periodStart(at("1970-01-02T00:00:00Z"))))
                .isEqualTo("1969-12-29T00:00:00Z");
    }

    @Test
    void hoursThatDivideADayStartAtMidnight() {
        ReportSchedule sixHours = new ReportSchedule(Duration.ofHours(6));
        assertThat(Instant.ofEpochMilli(sixHours.periodStart(at("2026-12-05T13:00:00Z"))))
                .isEqualTo("2026-12-05T12:00:00Z");
    }

    @Test
    void otherLengthsAreRefusedWithTheChoices() {
        for (Duration wrong :
                new Duration[] {
                    Duration.ofHours(5), Duration.ofMinutes(30), Duration.ofDays(2), Duration.ZERO
                }) {
            assertThatThrownBy(() -> new ReportSchedule(wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("24h (one UTC day) or 7d");
        }
    }

    @Test
    void theFileIsNamedAfterThePeriod() {
        ReportSchedule daily = new ReportSchedule(Duration.ofDays(1));
        ReportPeriod period = daily.period(at("2026-12-05T00:00:00Z"));
        assertThat(ReportSchedule.file(Path.of("reports"), period))
                .isEqualTo(Path.of("reports/report-2026-12-05T00Z-2026-12-06T00Z.html"));
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/report.html");
        ReportFile.writeAtomically(out, "first");
        ReportFile.writeAtomically(out, "second");
        assertThat(out).hasContent("second");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }
}
