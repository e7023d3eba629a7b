// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

/**
 * One step in the life of an alert episode, what the live job publishes as an alert.
 *
 * @param kind what happened
 * @param episodeStart the start of the episode's first anomalous window: with the series' key, the
 *     episode's id
 * @param sequence 0 for {@link Kind#OPENED}, then 1, 2, ... within the episode
 * @param severity the episode's severity so far
 * @param anomalousWindows how many of the episode's windows were anomalous so far
 */
public record EpisodeStep(
        Kind kind, long episodeStart, int sequence, Severity severity, int anomalousWindows) {
    public enum Kind {
        OPENED,
        UPDATED,
        ESCALATED,
        RESOLVED
    }

    public enum Severity {
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL
    }
}
