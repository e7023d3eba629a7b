// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reports every {@code every}, over periods aligned to UTC: a whole number of hours that divides a
 * day gives periods that start at UTC midnight and follow each other through the day (24h: one UTC
 * day each), 7d gives weeks from Monday 00:00 UTC. Aligned periods make a replay write the same
 * files as the live job did.
 */
public record ReportSchedule(Duration every) implements Serializable {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);

    /** 1970-01-05, the epoch's first Monday: weeks start there. */
    private static final long FIRST_MONDAY_MILLIS = Duration.ofDays(4).toMillis();

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH'Z'").withZone(ZoneOffset.UTC);

    public ReportSchedule {
        boolean wholeHoursOfADay =
                every.compareTo(Duration.ZERO) > 0
                        && every.compareTo(DAY) <= 0
                        && every.toMillis() % Duration.ofHours(1).toMillis() == 0
                        && DAY.toMillis() % every.toMillis() == 0;
        if (!wholeHoursOfADay && !every.equals(WEEK)) {
            throw new IllegalArgumentException(
                    "reports can be made every 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h (one UTC day) or 7d"
                            + " (a week from Monday), not every "
                            + every);
        }
    }

    /** The start of the period that holds {@code epochMillis}. */
    public long periodStart(long epochMillis) {
        long offset = every.equals(WEEK) ? FIRST_MONDAY_MILLIS : 0;
        long length = every.toMillis();
        return Math.floorDiv(epochMillis - offset, length) * length + offset;
    }

    public long periodEnd(long periodStart) {
        return periodStart + every.toMillis();
    }

    /** The period that starts at {@code periodStart}, its dates shown in UTC. */
    public ReportPeriod period(long periodStart) {
        return new ReportPeriod(
                Instant.ofEpochMilli(periodStart),
                Instant.ofEpochMilli(periodEnd(periodStart)),
                ZoneOffset.UTC);
    }

    /**
     * The report file of {@code period} in {@code directory}, named after the period: {@code
     * report-2026-12-05T00Z-2026-12-06T00Z.html}.
     */
    public static Path file(Path directory, ReportPeriod period) {
        return directory.resolve(
                "report-"
                        + FILE_TIME.format(period.from())
                        + "-"
                        + FILE_TIME.format(period.to())
                        + ".html");
    }
}
