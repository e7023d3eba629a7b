// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live job's detection replayed over a recorded series: the same {@link SpikeDetector} and
 * {@link AlertEpisodes}, with the value as the volume. A series of whole numbers, 0 or more, is
 * read as counts, any other as levels ({@link ValueScale}). A row whose timestamp is not after the
 * latest one seen (a repeated or out-of-order timestamp) cannot be placed in the series' time: it
 * is scored 0, never alerts, and is not learned from; {@link #misplacedRows()} counts them.
 */
public final class SeriesDetection {
    private static final String HEADER = "timestamp,value,anomaly_score,alert";
    private static final long NONE = Long.MIN_VALUE;

    /**
     * One row's outcome: its anomaly score, and whether the live job would have paged (an episode
     * opened). The score is the detector's evidence in [0, 1], 0.5 at the alert bar, and at or
     * above 0.5 only where an episode opens: above the bar, the higher the score the stronger the
     * evidence it opened on.
     */
    record Outcome(double anomalyScore, boolean alert) {}

    private static final Outcome MISPLACED = new Outcome(0, false);

    /**
     * The score of a row with evidence enough for an alert that the episodes did not page on (a
     * surge within an open episode, its cooldown, or under the minimum volume): just under the bar,
     * so the score is at or above 0.5 exactly where the live job pages. Written with four decimals,
     * it must still read as under 0.5.
     */
    private static final double UNPAGED_EVIDENCE = 0.4999;

    private final SpikeDetector detector;
    private final AlertEpisodes episodes;
    private final boolean counts;
    private long latestMillis = NONE;
    private int misplacedRows;

    SeriesDetection(DetectorSettings detectorSettings, EpisodeSettings episodeSettings) {
        this.detector = new SpikeDetector(detectorSettings);
        this.episodes = new AlertEpisodes(episodeSettings);
        this.counts = detectorSettings.scale() == ValueScale.COUNTS;
    }

    /**
     * Reads NAB's {@code timestamp,value} CSV and writes {@code
     * timestamp,value,anomaly_score,alert}, one row per input row in order, with a header. {@code
     * step} may be null: the most common interval between rows.
     *
     * @return the rows that could not be placed in time (see the class comment)
     * @throws IllegalArgumentException naming the line of a row that is not a timestamp and a
     *     number
     */
    public static int run(Reader csv, Writer out, Duration step) throws IOException {
        List<SeriesRow> rows = SeriesRow.readCsv(csv);
        SeriesDetection detection = withDefaults(rows, step);
        out.write(HEADER + '\n');
        for (SeriesRow row : rows) {
            Outcome outcome = detection.observe(row);
            out.write(
                    row.timestamp()
                            + ','
                            + row.text()
                            + ','
                            + String.format(Locale.ROOT, "%.4f", outcome.anomalyScore())
                            + ','
                            + (outcome.alert() ? '1' : '0')
                            + '\n');
        }
        out.flush();
        return detection.misplacedRows();
    }

    /**
     * Detection with the default settings, at {@code step} or, when null, the series' most common
     * interval.
     */
    static SeriesDetection withDefaults(List<SeriesRow> rows, Duration step) {
        return with(AlertRules.defaults(), rows, step);
    }

    /** Detection with {@code rules}, on the scale the values call for. */
    static SeriesDetection with(AlertRules rules, List<SeriesRow> rows, Duration step) {
        DetectorSettings settings =
                rules.detector(step == null ? SeriesRow.commonStep(rows) : step);
        return new SeriesDetection(
                settings.withScale(SeriesRow.counts(rows) ? ValueScale.COUNTS : ValueScale.LEVELS),
                rules.episodes());
    }

    Outcome observe(SeriesRow row) {
        if (latestMillis != NONE && row.millis() <= latestMillis) {
            misplacedRows++;
            return MISPLACED;
        }
        latestMillis = row.millis();
        Verdict verdict = detector.observe(row.millis(), row.value());
        // the minimum volume of an episode is a number of mentions: levels have none
        long volume = counts ? Math.round(row.value()) : Long.MAX_VALUE;
        boolean opened =
                episodes.step(row.millis(), row.value(), volume, verdict)
                        .filter(step -> step.kind() == EpisodeStep.Kind.OPENED)
                        .isPresent();
        // NAB counts every row at or above its threshold: a surge lasting an hour would be a dozen
        // detections
        // if every row of it kept its evidence, where the live job pages once.
        return new Outcome(
                opened
                        ? verdict.anomalyScore()
                        : Math.min(verdict.anomalyScore(), UNPAGED_EVIDENCE),
                opened);
    }

    List<Outcome> observeAll(List<SeriesRow> rows) {
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        rows.forEach(row -> outcomes.add(observe(row)));
        return outcomes;
    }

    /** Rows so far whose timestamp was not after the latest one seen. */
    int misplacedRows() {
        return misplacedRows;
    }

    /** The bytes the live job keeps for this series: detector and episodes. */
    int stateBytes() {
        return detector.toBytes().length + episodes.toBytes().length;
    }
}
