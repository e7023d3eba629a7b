// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.backtest;

import java.time.Duration;
import java.util.List;

/**
 * How one alert-rule setting did against the known incidents; see {@link BacktestScore} for the
 * definitions.
 *
 * @param truePositives episodes that match an incident of their query
 * @param falsePositives the other episodes
 * @param detected incidents matched by at least one episode
 * @param medianDelay median detection delay over detected incidents, null when none was detected
 * @param maxDelay worst detection delay over detected incidents, null when none was detected
 * @param missed {@link Incident#describe() descriptions} of the undetected incidents, in input
 *     order
 */
public record Score(
        int episodes,
        int incidents,
        int truePositives,
        int falsePositives,
        int detected,
        double precision,
        double recall,
        Duration medianDelay,
        Duration maxDelay,
        List<String> missed) {
    public Score {
        missed = List.copyOf(missed);
    }
}
