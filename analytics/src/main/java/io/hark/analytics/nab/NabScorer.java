// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.nab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Numenta Anomaly Benchmark's scoring rules (its {@code sweeper}): the first detection inside a
 * labelled window earns a scaled-sigmoid credit, more the earlier it comes; a window without one
 * costs the profile's false-negative weight; detections outside windows cost the false-positive
 * weight, less the closer they follow a window; the first 15% of each series (at most 750 rows) is
 * probation, where nothing counts. The total is normalized so that a detector that never fires
 * scores 0 and a perfect one 100.
 */
public final class NabScorer {
    /**
     * NAB's application profiles: the weights of a true positive, a false positive and a missed
     * window.
     */
    public enum Profile {
        STANDARD(1.0, 0.11, 1.0),
        REWARD_LOW_FP(1.0, 0.22, 1.0),
        REWARD_LOW_FN(1.0, 0.11, 2.0);

        final double truePositive;
        final double falsePositive;
        final double falseNegative;

        Profile(double truePositive, double falsePositive, double falseNegative) {
            this.truePositive = truePositive;
            this.falsePositive = falsePositive;
            this.falseNegative = falseNegative;
        }
    }

    /** A labelled window, by the indices of its first and last rows. */
    public record Window(int first, int last) {
        public Window {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException(
                        "a window runs from a row to the same or a later one: "
                                + first
                                + ".."
                                + last);
            }
        }
    }

    /** A series' rows, flagged where the detector fired, and its labelled windows in order. */
    public record Detections(String name, boolean[] fired, List<Window> windows) {}

    /**
     * What a detector earned.
     *
     * @param score normalized: 0 for a detector that never fires, 100 for a perfect one
     * @param raw the weighted sum before normalizing
     * @param windows the windows that count (those that end after probation)
     * @param caught the windows with a detection inside
     * @param falsePositives detections outside every window, after probation
     * @param delays for each window caught, how long after its start the first detection came
     */
    public record Result(
            double score,
            double raw,
            int windows,
            int caught,
            int falsePositives,
            List<Delay> delays) {}

    /** A first detection {@code rows} after the start of a window {@code windowRows} long. */
    public record Delay(int rows, int windowRows) {
        /**
         * The delay as a share of the window: NAB centres a window on its anomaly, so 0.5 is the
         * anomaly itself.
         */
        public double shareOfWindow() {
            return (double) rows / windowRows;
        }
    }

    private static final double PROBATION_SHARE = 0.15;
    private static final int MAX_PROBATION_ROWS = 750;

    private NabScorer() {}

    /**
     * The score of all {@code series} together, as NAB adds up a detector's results over its
     * corpus.
     */
    public static Result score(List<Detections> series, Profile profile) {
        double raw = 0;
        int windows = 0;
        int caught = 0;
        int falsePositives = 0;
        List<Delay> delays = new ArrayList<>();
        for (Detections detections : series) {
            boolean[] fired = detections.fired();
            int probation = probationRows(fired.length);
            // a window counts when any of its rows is past probation; detections count only past it
            List<Window> scored =
                    detections.windows().stream()
                            .filter(window -> window.last() >= probation)
                            .toList();
            windows += scored.size();
            raw -= profile.falseNegative * scored.size();
            Set<Window> found = new HashSet<>();
            Window current = null;
            Window previous = null;
            int next = 0;
            for (int row = 0; row < fired.length; row++) {
                if (current == null
                        && next < detections.windows().size()
                        && row == detections.windows().get(next).first()) {
                    current = detections.windows().get(next++);
                }
                if (fired[row] && row >= probation) {
                    if (current == null) {
                        falsePositives++;
                        raw +=
                                profile.falsePositive
                                        * (previous == null ? -1.0 : afterWindow(previous, row));
                    } else if (found.add(current)) {
                        delays.add(
                                new Delay(
                                        row - current.first(),
                                        current.last() - current.first() + 1));
                        raw +=
                                profile.falseNegative
                                        + profile.truePositive * inWindow(current, row);
                    }
                }
                if (current != null && row == current.last()) {
                    previous = current;
                    current = null;
                }
            }
            caught += found.size();
        }
        double none = -profile.falseNegative * windows;
        double perfect = profile.truePositive * windows;
        double score = windows == 0 ? Double.NaN : 100 * (raw - none) / (perfect - none);
        return new Result(score, raw, windows, caught, falsePositives, delays);
    }

    /** The rows at a series' start where detections count for nothing. */
    static int probationRows(int rows) {
        return (int) Math.min(Math.floor(PROBATION_SHARE * rows), MAX_PROBATION_ROWS);
    }

    /**
     * The credit, up to 1, of a first detection at {@code row} of {@code window}: 1 at its start,
     * about 0.25 at its end.
     */
    static double inWindow(Window window, int row) {
        double width = window.last() - window.first() + 1;
        return scaledSigmoid(-(window.last() - row + 1) / width) / scaledSigmoid(-1.0);
    }

    /**
     * The scaled sigmoid of a detection {@code row} after {@code window}: near 0 right after it, -1
     * far after it.
     */
    static double afterWindow(Window window, int row) {
        return scaledSigmoid(
                Math.abs(window.last() - row) / (double) (window.last() - window.first()));
    }

    /**
     * NAB's {@code scaledSigmoid}: from 1 well before a window's end through 0 at it to -1, which
     * it is past 3 widths.
     */
    static double scaledSigmoid(double position) {
        return position > 3.0 ? -1.0 : 2 / (1 + Math.exp(5 * position)) - 1.0;
    }
}
