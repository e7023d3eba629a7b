// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The detector with its default settings on NAB's labelled series, scored by NAB's rules (standard
 * profile) on the rows where an episode opens, that is where the live job would have paged; and what it
 * costs per point, measured in the same run.
 */
public final class DetectBenchmark {
  /** Passes over all series before timing: the JIT needs a few to compile the hot paths fully. */
  private static final int WARM_UP_PASSES = 5;
  private static final Pattern NORMALIZED = Pattern.compile("normalized=(-?[0-9.]+)");

  private DetectBenchmark() {}

  /**
   * @param nabScore the NAB score over all series, 0 for a detector that never alerts, 100 for a perfect one
   * @param seriesScores each series' NAB score on its own, by file name
   * @param points rows detected
   * @param nanosPerPoint detector and episodes per row, one thread, after warming up
   * @param stateBytes the live job's state per series (detector and episodes), averaged over the series
   * @param results where the {@code timestamp,alert} files that were scored are
   */
  public record Result(double nabScore, Map<String, Double> seriesScores, long points, double nanosPerPoint,
      double stateBytes, Path results) {
    @Override
    public String toString() {
      return String.format("NAB score %.1f %s; %,d points at %.0f ns each, %.0f bytes of state per series",
          nabScore, seriesScores, points, nanosPerPoint, stateBytes);
    }
  }

  /** Runs the series in {@code spikesDir} (CSV files beside {@code windows.json}) and scores them with {@code nabscorePy}. */
  public static Result run(Path spikesDir, Path nabscorePy) throws IOException, InterruptedException {
    Map<String, List<SeriesRow>> series = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(spikesDir)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".csv")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          series.put(file.getFileName().toString(), SeriesRow.readCsv(reader));
        }
      }
    }
    if (series.isEmpty()) {
      throw new IOException("no series (*.csv) in " + spikesDir);
    }
    for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
      series.values().forEach(rows -> SeriesDetection.withDefaults(rows, null).observeAll(rows));
    }

    Path results = Files.createTempDirectory("hark-detect-");
    long points = 0;
    long nanos = 0;
    long stateBytes = 0;
    List<String> resultFiles = new ArrayList<>();
    for (Map.Entry<String, List<SeriesRow>> entry : series.entrySet()) {
      List<SeriesRow> rows = entry.getValue();
      SeriesDetection detection = SeriesDetection.withDefaults(rows, null);
      long start = System.nanoTime();
      List<SeriesDetection.Outcome> outcomes = detection.observeAll(rows);
      nanos += System.nanoTime() - start;
      points += rows.size();
      stateBytes += detection.stateBytes();
      Path file = results.resolve(entry.getKey());
      writeAlerts(file, rows, outcomes);
      resultFiles.add(file.toString());
    }

    Path windows = spikesDir.resolve("windows.json");
    Map<String, Double> seriesScores = new LinkedHashMap<>();
    for (String file : resultFiles) {
      seriesScores.put(Path.of(file).getFileName().toString(), nabScore(nabscorePy, windows, List.of(file)));
    }
    return new Result(nabScore(nabscorePy, windows, resultFiles), seriesScores, points, (double) nanos / points,
        (double) stateBytes / series.size(), results);
  }

  private static void writeAlerts(Path file, List<SeriesRow> rows, List<SeriesDetection.Outcome> outcomes) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      // Only the alert column: the scorer would take anomaly_score instead if it were there.
      out.print("timestamp,alert\n");
      for (int i = 0; i < rows.size(); i++) {
        out.print(rows.get(i).timestamp() + ',' + (outcomes.get(i).alert() ? '1' : '0') + '\n');
      }
    }
  }

  private static double nabScore(Path nabscorePy, Path windows, List<String> resultFiles)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", nabscorePy.toString(), windows.toString()));
    command.addAll(resultFiles);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher score = NORMALIZED.matcher(output);
    if (process.waitFor() != 0 || !score.find()) {
      throw new IOException("nabscore.py failed: " + String.join(" ", command) + "\n" + output.strip());
    }
    return Double.parseDouble(score.group(1));
  }
}
