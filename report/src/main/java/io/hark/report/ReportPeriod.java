// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reported period [from, to), the zone its dates are shown in, and the timeline's bucket: the
 * smallest of a few round intervals that gives at most {@value #MAX_BUCKETS} buckets.
 */
public record ReportPeriod(Instant from, Instant to, ZoneId zone) {
    static final int MAX_BUCKETS = 200;

    /** A timeline bucket: an Elasticsearch date_histogram interval and its length. */
    public record Bucket(String intervalKind, String interval, Duration length) {}

    private static final List<Bucket> BUCKETS =
            List.of(
                    fixed("1m", Duration.ofMinutes(1)),
                    fixed("5m", Duration.ofMinutes(5)),
                    fixed("10m", Duration.ofMinutes(10)),
                    fixed("30m", Duration.ofMinutes(30)),
                    fixed("1h", Duration.ofHours(1)),
                    fixed("3h", Duration.ofHours(3)),
                    fixed("6h", Duration.ofHours(6)),
                    fixed("12h", Duration.ofHours(12)),
                    new Bucket("calendar_interval", "day", Duration.ofDays(1)),
                    new Bucket("calendar_interval", "week", Duration.ofDays(7)),
                    new Bucket("calendar_interval", "month", Duration.ofDays(31)));

    private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d+)([mhdw]))?");

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "the period is empty: --from " + from + " is not before --to " + to);
        }
    }

    private static Bucket fixed(String interval, Duration length) {
        return new Bucket("fixed_interval", interval, length);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The period of the same length just before this one. */
    public ReportPeriod previous() {
        return new ReportPeriod(from.minus(length()), from, zone);
    }

    public Bucket bucket() {
        for (Bucket bucket : BUCKETS) {
            if (length().dividedBy(bucket.length()) < MAX_BUCKETS) {
                return bucket;
            }
        }
        return BUCKETS.get(BUCKETS.size() - 1);
    }

    /** A bucket's label on the timeline: the time of day only when buckets are under a day. */
    public String bucketLabel(Instant start) {
        String pattern =
                bucket().length().compareTo(Duration.ofDays(1)) < 0 ? "MM-dd HH:mm" : "yyyy-MM-dd";
        return DateTimeFormatter.ofPattern(pattern).withZone(zone).format(start);
    }

    /** A moment as the report shows it: minutes, in the report's zone. */
    public String format(Instant moment) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(moment);
    }

    /** The zone's name as the report shows it, UTC for UTC. */
    public String zoneName() {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /**
     * Reads a time given on the command line: {@code now} or {@code now-7d} (m, h, d, w), an
     * instant ({@code 2026-11-01T08:00:00Z}, or with an offset), or a date or date-time in {@code
     * zone} ({@code 2026-11-01}, {@code 2026-11-01T08:00}).
     */
    public static Instant parseTime(String text, ZoneId zone, Instant now) {
        String trimmed = text.trim();
        Matcher relative = RELATIVE.matcher(trimmed);
        if (relative.matches()) {
            if (relative.group(1) == null) {
                return now;
            }
            long amount = Long.parseLong(relative.group(1));
            Duration unit =
                    switch (relative.group(2)) {
                        case "m" -> Duration.ofMinutes(1);
                        case "h" -> Duration.ofHours(1);
                        case "d" -> Duration.ofDays(1);
                        default -> Duration.ofDays(7);
                    };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            if (trimmed.length() == 10) {
                return LocalDate.parse(trimmed).atStartOfDay(zone).toInstant();
            }
            if (trimmed.endsWith("Z") || trimmed.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(trimmed).toInstant();
            }
            return LocalDateTime.parse(trimmed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "bad time '"
                            + text
                            + "': use a date (2026-11-01), a date and time (2026-11-01T08:00, in --zone),"
                            + " an instant (2026-11-01T08:00:00Z) or now-7d (m, h, d, w)",
                    e);
        }
    }
}
