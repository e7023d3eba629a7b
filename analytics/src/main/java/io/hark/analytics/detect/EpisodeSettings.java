// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;

/**
 * When {@link AlertEpisodes} opens, updates, escalates and resolves. An episode opens on its first
 * anomalous window: on-call hears of a surge within one window.
 *
 * @param minVolume windows with fewer mentions than this are never anomalous: a handful of posts is
 *     not a crisis, however unusual for a quiet query
 * @param calmToResolve an open episode resolves once its series has had no anomalous window for
 *     this long (a missing window counts as calm)
 * @param cooldown after an episode resolves, new anomalies open no episode until the series has
 *     been calm this long, unless they are more severe than the resolved episode: a flapping series
 *     pages once
 * @param updateEvery while an episode is open, at most one UPDATED per this long, so consumers see
 *     it is ongoing without being flooded
 * @param severityStep how many times further above expected raises severity one step, measured in
 *     the width of the band above expected: with 2, up to 2 widths (just above the band) is LOW, 2
 *     MEDIUM, 4 HIGH, 8 or more CRITICAL
 * @param sustained an episode whose anomalies have lasted this long is one step more severe
 */
public record EpisodeSettings(
        long minVolume,
        Duration calmToResolve,
        Duration cooldown,
        Duration updateEvery,
        double severityStep,
        Duration sustained) {

    public EpisodeSettings {
        if (minVolume < 0 || severityStep <= 1) {
            throw new IllegalArgumentException(
                    "minVolume must be 0 or more and severityStep more than 1");
        }
    }

    /**
     * The cooldown was chosen with the detector on NAB's Twitter mention volumes (see the README);
     * the rest are on-call conventions, which NAB's scoring does not see.
     */
    public static EpisodeSettings defaults() {
        return new EpisodeSettings(
                10,
                Duration.ofMinutes(15),
                Duration.ofDays(1),
                Duration.ofMinutes(15),
                2.0,
                Duration.ofHours(1));
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(minVolume);
        out.writeLong(calmToResolve.toMillis());
        out.writeLong(cooldown.toMillis());
        out.writeLong(updateEvery.toMillis());
        out.writeDouble(severityStep);
        out.writeLong(sustained.toMillis());
    }

    static EpisodeSettings readFrom(DataInput in) throws IOException {
        return new EpisodeSettings(
                in.readLong(),
                Duration.ofMillis(in.readLong()),
                Duration.ofMillis(in.readLong()),
                Duration.ofMillis(in.readLong()),
                in.readDouble(),
                Duration.ofMillis(in.readLong()));
    }
}
