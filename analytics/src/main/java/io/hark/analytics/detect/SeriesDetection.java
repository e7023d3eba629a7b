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
  static final String HEADER = "timestamp,value,anomaly_score,alert";

  /** One row's outcome: its anomaly score, and whether the live job would have paged (an episode opened). */
  record Outcome(double anomalyScore, boolean alert) {}

  private SeriesDetection() {}

  /**
   * Reads NAB's {@code timestamp,value} CSV and writes {@code timestamp,value,anomaly_score,alert}, one row
   * per input row in order, with a header. {@code step} may be null: the most common interval between rows.
   *
   * @throws IllegalArgumentException naming the line of a row that is not a timestamp and a count
   */
  public static void run(Reader csv, Writer out, Duration step) throws IOException {
    List<SeriesRow> rows = SeriesRow.readCsv(csv);
    List<Outcome> outcomes = detect(rows, step == null ? SeriesRow.commonStep(rows) : step);
    out.write(HEADER);
    out.write('\n');
    for (int i = 0; i < rows.size(); i++) {
      SeriesRow row = rows.get(i);
      out.write(row.timestamp() + ',' + row.value() + ','
          + String.format(Locale.ROOT, "%.4f", outcomes.get(i).anomalyScore()) + ',' + (outcomes.get(i).alert() ? '1' : '0'));
      out.write('\n');
    }
    out.flush();
  }

  static List<Outcome> detect(List<SeriesRow> rows, Duration step) {
    return detect(rows, DetectorSettings.defaults(step), EpisodeSettings.defaults());
  }

  static List<Outcome> detect(List<SeriesRow> rows, DetectorSettings detectorSettings, EpisodeSettings episodeSettings) {
    SpikeDetector detector = new SpikeDetector(detectorSettings);
    AlertEpisodes episodes = new AlertEpisodes(episodeSettings);
    List<Outcome> outcomes = new ArrayList<>(rows.size());
    for (SeriesRow row : rows) {
      Verdict verdict = detector.observe(row.millis(), row.count());
      boolean opened = episodes.step(row.millis(), row.count(), Math.round(row.count()), verdict)
          .filter(step -> step.kind() == EpisodeStep.Kind.OPENED)
          .isPresent();
      outcomes.add(new Outcome(verdict.anomalyScore(), opened));
    }
    return outcomes;
  }
}
