// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.time.Duration;

/**
 * A silence opened or ended.
 *
 * @param kind {@link Kind#OPENED} once the silence is news, {@link Kind#RESOLVED} when mentions
 *     come again
 * @param silentSince the start of the first step without mentions: with the series' key, the
 *     silence's id
 * @param silentUntil the end of the last step without mentions so far
 * @param expected the mentions normal for the silent stretch so far, at the rate normal as it began
 */
public record SilenceStep(Kind kind, long silentSince, long silentUntil, double expected) {
    public enum Kind {
        OPENED,
        RESOLVED
    }

    public Duration duration() {
        return Duration.ofMillis(silentUntil - silentSince);
    }
}
