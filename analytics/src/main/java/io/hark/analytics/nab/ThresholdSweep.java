// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.nab;

import io.hark.analytics.nab.NabScorer.Detections;
import io.hark.analytics.nab.NabScorer.Profile;
import io.hark.analytics.nab.NabScorer.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * NAB's view of an anomaly score: at a threshold, every row whose score is at or above it is a
 * detection (only the first in a window counts, and each one outside a window is a false positive),
 * scored by {@link NabScorer}. Swept over thresholds, a calibrated score gives its best near the
 * bar it was made for and falls off smoothly on both sides.
 */
public final class ThresholdSweep {
    /**
     * The thresholds {@code bench detect} reports: from the alert bar (0.5) up to the near-certain.
     */
    public static final List<Double> THRESHOLDS = List.of(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99);

    /** One series' anomaly scores, row by row, and its labelled windows. */
    public record Scores(String name, double[] scores, List<NabScorer.Window> windows) {}

    private ThresholdSweep() {}

    /** The rows of each series whose score is at least {@code threshold}, as detections. */
    public static List<Detections> atOrAbove(List<Scores> series, double threshold) {
        List<Detections> detections = new ArrayList<>(series.size());
        for (Scores one : series) {
            boolean[] fired = new boolean[one.scores().length];
            for (int row = 0; row < fired.length; row++) {
                fired[row] = one.scores()[row] >= threshold;
            }
            detections.add(new Detections(one.name(), fired, one.windows()));
        }
        return detections;
    }

    /** NAB's score of all {@code series} together at each of {@code thresholds}, in order. */
    public static List<Result> sweep(
            List<Scores> series, List<Double> thresholds, Profile profile) {
        return thresholds.stream()
                .map(threshold -> NabScorer.score(atOrAbove(series, threshold), profile))
                .toList();
    }
}
