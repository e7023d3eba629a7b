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
 * The live job's detection replayed over a recorded series: the same {@link SpikeDetector} and {@link
 * AlertEpisodes}, with the value as the volume.
 */
public final class SeriesDetection {
  private static final String HEADER = "timestamp,value,anomaly_score,alert";

  /** One row's outcome: its anomaly score, and whether the live job would have paged (an episode opened). */
  record Outcome(double anomalyScore, boolean alert) {}

  private final SpikeDetector detector;
  private final AlertEpisodes episodes;

  SeriesDetection(DetectorSettings detectorSettings, EpisodeSettings episodeSettings) {
    this.detector = new SpikeDetector(detectorSettings);
    this.episodes = new AlertEpisodes(episodeSettings);
  }

  /**
   * Reads NAB's {@code timestamp,value} CSV and writes {@code timestamp,value,anomaly_score,alert}, one row
   * per input row in order, with a header. {@code step} may be null: the most common interval between rows.
   *
   * @throws IllegalArgumentException naming the line of a row that is not a timestamp and a count
   */
  public static void run(Reader csv, Writer out, Duration step) throws IOException {
    List<SeriesRow> rows = SeriesRow.readCsv(csv);
    SeriesDetection detection = withDefaults(rows, step);
    out.write(HEADER + '\n');
    for (SeriesRow row : rows) {
      Outcome outcome = detection.observe(row);
      out.write(row.timestamp() + ',' + row.value() + ',' + String.format(Locale.ROOT, "%.4f", outcome.anomalyScore())
          + ',' + (outcome.alert() ? '1' : '0') + '\n');
    }
    out.flush();
  }

  /** Detection with the default settings, at {@code step} or, when null, the series' most common interval. */
  static SeriesDetection withDefaults(List<SeriesRow> rows, Duration step) {
    return new SeriesDetection(DetectorSettings.defaults(step == null ? SeriesRow.commonStep(rows) : step),
        EpisodeSettings.defaults());
  }

  Outcome observe(SeriesRow row) {
    Verdict verdict = detector.observe(row.millis(), row.count());
    boolean opened = episodes.step(row.millis(), row.count(), Math.round(row.count()), verdict)
        .filter(step -> step.kind() == EpisodeStep.Kind.OPENED)
        .isPresent();
    return new Outcome(verdict.anomalyScore(), opened);
  }

  List<Outcome> observeAll(List<SeriesRow> rows) {
    List<Outcome> outcomes = new ArrayList<>(rows.size());
    rows.forEach(row -> outcomes.add(observe(row)));
    return outcomes;
  }

  /** The bytes the live job keeps for this series: detector and episodes. */
  int stateBytes() {
    return detector.toBytes().length + episodes.toBytes().length;
  }
}
