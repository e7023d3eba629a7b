// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import java.time.Instant;
import java.util.Objects;

/** A known incident on one query: the ground truth a backtest scores alert rules against. */
public record Incident(String queryId, Instant start, Instant end) {
    public Incident {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "incident end " + end + " is before its start " + start);
        }
    }

    /** How reports name a missed incident: enough to find it in the incident file again. */
    public String describe() {
        return queryId + " " + start + ".." + end;
    }
}
