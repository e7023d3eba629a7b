// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A new brand report, as the notifiers with {@code reports: true} announce it.
 *
 * @param from the period's start
 * @param to the period's end, excluded
 * @param link where the report is: a URL, or the file's path when no URL prefix was given
 */
public record ReportAnnouncement(Instant from, Instant to, String link) {
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** The period as people read it: {@code 2026-12-05 00:00 to 2026-12-06 00:00 UTC}. */
    public String period() {
        return MINUTE.format(from) + " to " + MINUTE.format(to) + " UTC";
    }

    /** The announcement in one line: {@code Brand report for <period>: <link>}. */
    public String text() {
        return "Brand report for " + period() + ": " + link;
    }
}
