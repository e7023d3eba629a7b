// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the episodes one setting fired against the known incidents.
 *
 * <p>An episode <em>matches</em> an incident when it is for the same query and opened within {@code
 * [start - grace, end + grace]}. Grace works both ways because incident times are written by hand
 * and rarely line up with detection windows: a rule that fires a little before the incident was
 * noted has caught it, and one that fires just after it was declared over is still about it. Only
 * the opening counts, not how long the episode stayed open: an episode opened long before and still
 * open was about something else.
 *
 * <ul>
 *   <li>Every episode matching some incident is a true positive, so an incident caught twice gives
 *       two true positives but one detection; re-paging for the same incident is the cooldown's
 *       business, not precision's. The other episodes are false positives.
 *   <li>precision = true positives / episodes, 1.0 with no episodes: a silent setting raised no
 *       false alarm, and its recall shows what silence cost. recall = detected / incidents, 1.0
 *       with no incidents: there was nothing to miss. Neither is ever NaN, so reports stay plain
 *       numbers.
 *   <li>An incident's delay is its earliest matching episode's opening minus the incident start,
 *       clamped at zero: an early catch is as good as a punctual one, not a negative delay that
 *       flatters the median.
 * </ul>
 */
public final class BacktestScore {
    private BacktestScore() {}

    public static Score score(List<Episode> episodes, List<Incident> incidents, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
        int truePositives = 0;
        for (Episode episode : episodes) {
            if (incidents.stream().anyMatch(incident -> matches(episode, incident, grace))) {
                truePositives++;
            }
        }
        List<Duration> delays = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Incident incident : incidents) {
            episodes.stream()
                    .filter(episode -> matches(episode, incident, grace))
                    .map(Episode::opened)
                    .min(Instant::compareTo)
                    .ifPresentOrElse(
                            first -> delays.add(delay(incident, first)),
                            () -> missed.add(incident.describe()));
        }
        delays.sort(null);
        return new Score(
                episodes.size(),
                incidents.size(),
                truePositives,
                episodes.size() - truePositives,
                delays.size(),
                episodes.isEmpty() ? 1.0 : (double) truePositives / episodes.size(),
                incidents.isEmpty() ? 1.0 : (double) delays.size() / incidents.size(),
                median(delays),
                delays.isEmpty() ? null : delays.get(delays.size() - 1),
                missed);
    }

    private static boolean matches(Episode episode, Incident incident, Duration grace) {
        return episode.queryId().equals(incident.queryId())
                && !episode.opened().isBefore(incident.start().minus(grace))
                && !episode.opened().isAfter(incident.end().plus(grace));
    }

    private static Duration delay(Incident incident, Instant firstOpened) {
        Duration delay = Duration.between(incident.start(), firstOpened);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    /** Of sorted delays; the mean of the middle two for an even count. */
    private static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
