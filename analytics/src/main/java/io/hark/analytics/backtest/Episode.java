// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert episode a rule setting would have fired during the replay.
 *
 * @param resolved when it resolved, or null if it was still open when the replay ended
 * @param severity its final severity, as the episode steps name it
 */
public record Episode(String queryId, Instant opened, Instant resolved, String severity) {
    public Episode {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(opened, "opened");
        if (resolved != null && resolved.isBefore(opened)) {
            throw new IllegalArgumentException(
                    "episode resolved " + resolved + " before it opened " + opened);
        }
    }
}
