// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import io.hark.analytics.detect.DetectEvaluation.HeldOut;
import io.hark.analytics.detect.DetectEvaluation.Series;
import io.hark.analytics.nab.NabScorer;
import io.hark.analytics.nab.NabScorer.Detections;
import io.hark.analytics.nab.NabScorer.Profile;
import io.hark.analytics.nab.ThresholdSweep;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/hark bench detect}: the detector with the shipped settings on NAB's labelled
 * series, scored by NAB's rules (three profiles) on the rows where an episode opens, that is where
 * the live job would have paged, folder by folder; the anomaly score swept over thresholds as NAB
 * scores it ({@link io.hark.analytics.nab.ThresholdSweep}); for folders of counts, the cold start
 * ({@link ColdStartEvaluation}); the same alerts and the same sweep scored by NAB's reference
 * scorer where it is given; the settings chosen by leaving each folder (and each series of a
 * folder) out; and what detection costs per point, measured in the same run.
 */
public final class DetectBenchmark {
    /** Passes over all series before timing: the JIT needs a few to compile the hot paths fully. */
    private static final int WARM_UP_PASSES = 3;

    private static final Pattern NORMALIZED = Pattern.compile("normalized=(-?[0-9.]+|nan)");
    private static final Pattern OPTIMIZED =
            Pattern.compile("threshold=([0-9.]+) raw=\\S+ (normalized=-?[0-9.]+)");
    private static final double DAYS_PER_FORTNIGHT = 14;

    private DetectBenchmark() {}

    /**
     * @param nabscorePy NAB's reference scorer (a Python script) to score the shipped settings'
     *     alerts with too, or null
     */
    public static void run(Path data, List<AlertRules> candidates, Path nabscorePy, PrintStream out)
            throws IOException, InterruptedException {
        List<Series> series = DetectEvaluation.load(data);
        Map<String, List<Series>> folders = new LinkedHashMap<>();
        series.forEach(
                one -> folders.computeIfAbsent(one.folder(), folder -> new ArrayList<>()).add(one));
        out.printf(
                "hark bench detect: %d series in %d folder(s) under %s; alerts are the rows where an episode opens%n",
                series.size(), folders.size(), data);

        AlertRules shipped = AlertRules.defaults();
        out.printf(
                "%nShipped settings, scored by NAB's rules (standard, reward low FP, reward low FN profiles):%n");
        out.printf(
                "%-22s %6s %7s %6s %12s %14s %13s %8s %6s %6s%n",
                "folder",
                "series",
                "windows",
                "caught",
                "false alerts",
                "per 14 days",
                "median delay",
                "standard",
                "low FP",
                "low FN");
        Map<String, List<Detections>> shippedAlerts = new LinkedHashMap<>();
        int misplaced = 0;
        for (Map.Entry<String, List<Series>> folder : folders.entrySet()) {
            int[] skipped = {0};
            List<Detections> detections =
                    DetectEvaluation.detections(shipped, folder.getValue(), skipped);
            misplaced += skipped[0];
            shippedAlerts.put(folder.getKey(), detections);
            printRow(out, folder.getKey(), folder.getValue(), detections);
        }
        printRow(
                out, "all", series, shippedAlerts.values().stream().flatMap(List::stream).toList());
        out.printf(
                "Rows whose timestamp was not after the latest one (scored 0, never alerting, not learned from): %d%n",
                misplaced);

        printSweep(out, shipped, folders);
        printColdStart(out, shipped, folders);

        if (nabscorePy != null) {
            compareWithReference(data, folders, shippedAlerts, nabscorePy, out);
            compareSweepWithReference(data, folders, shipped, nabscorePy, out);
        }

        out.printf(
                "%nSettings chosen among %d candidates on what is left, scored on what was left out:%n",
                candidates.size());
        DetectEvaluation.Candidates runs = DetectEvaluation.Candidates.run(candidates, series);
        if (folders.size() > 1) {
            printHeldOut(out, "leave-one-folder-out", runs.leaveOneFolderOut());
        }
        for (String folder : folders.keySet()) {
            boolean labelled =
                    folders.get(folder).stream().anyMatch(one -> !one.windows().isEmpty());
            if (folders.get(folder).size() > 1 && labelled) {
                printHeldOut(
                        out, "leave-one-series-out in " + folder, runs.leaveOneSeriesOut(folder));
            }
        }

        printCost(series, out);
    }

    private static void printRow(
            PrintStream out, String name, List<Series> series, List<Detections> detections) {
        NabScorer.Result standard = NabScorer.score(detections, Profile.STANDARD);
        double days = series.stream().mapToDouble(DetectBenchmark::days).sum();
        List<Double> shares =
                standard.delays().stream().map(NabScorer.Delay::shareOfWindow).sorted().toList();
        String median =
                shares.isEmpty()
                        ? "-"
                        : String.format("%.2f of window", shares.get(shares.size() / 2));
        out.printf(
                "%-22s %6d %7d %6d %12d %14.2f %13s %8.1f %6.1f %6.1f%n",
                name,
                series.size(),
                standard.windows(),
                standard.caught(),
                standard.falsePositives(),
                standard.falsePositives() / (days / DAYS_PER_FORTNIGHT),
                median,
                standard.score(),
                NabScorer.score(detections, Profile.REWARD_LOW_FP).score(),
                NabScorer.score(detections, Profile.REWARD_LOW_FN).score());
    }

    /**
     * NAB's standard score of the shipped settings' anomaly score, every row at or above each
     * threshold a detection, per folder and over all: at 0.5 these are the alerts themselves.
     */
    private static void printSweep(
            PrintStream out, AlertRules shipped, Map<String, List<Series>> folders) {
        out.printf(
                "%nThe anomaly_score column thresholded as NAB does (every row at or above the threshold detects), "
                        + "standard score; 0.5 is the alert bar:%n%-22s",
                "threshold");
        ThresholdSweep.THRESHOLDS.forEach(threshold -> out.printf(" %6.2f", threshold));
        out.println();
        List<ThresholdSweep.Scores> all = new ArrayList<>();
        for (Map.Entry<String, List<Series>> folder : folders.entrySet()) {
            List<ThresholdSweep.Scores> scores =
                    DetectEvaluation.scores(shipped, folder.getValue());
            all.addAll(scores);
            printSweepRow(out, folder.getKey(), scores);
        }
        if (folders.size() > 1) {
            printSweepRow(out, "all", all);
        }
    }

    private static void printSweepRow(
            PrintStream out, String name, List<ThresholdSweep.Scores> scores) {
        out.printf("%-22s", name);
        ThresholdSweep.sweep(scores, ThresholdSweep.THRESHOLDS, Profile.STANDARD)
                .forEach(result -> out.printf(" %6.1f", result.score()));
        out.println();
    }

    /**
     * For each folder of labelled counts (mention volumes), the shipped settings started shortly
     * before each window.
     */
    private static void printColdStart(
            PrintStream out, AlertRules shipped, Map<String, List<Series>> folders) {
        for (Map.Entry<String, List<Series>> folder : folders.entrySet()) {
            boolean counts =
                    folder.getValue().stream().allMatch(one -> SeriesRow.counts(one.rows()));
            boolean labelled = folder.getValue().stream().anyMatch(one -> !one.windows().isEmpty());
            if (counts && labelled) {
                out.printf(
                        "%nCold start in %s, shipped settings: each labelled window with the detection started from nothing "
                                + "a while before it; false alerts are those outside every window before it:%n",
                        folder.getKey());
                List<Duration> leads = ColdStartEvaluation.LEADS;
                ColdStartEvaluation.print(
                        ColdStartEvaluation.run(shipped, folder.getValue(), leads), leads, out);
            }
        }
    }

    private static void printHeldOut(PrintStream out, String how, List<HeldOut> heldOut) {
        out.printf("%s:%n", how);
        List<Detections> all = new ArrayList<>();
        for (HeldOut group : heldOut) {
            NabScorer.Result result = NabScorer.score(group.detections(), Profile.STANDARD);
            out.printf(
                    "  %-28s chosen: %-45s on the rest %5.1f, left out %5.1f (%d of %d windows, %d false alerts)%n",
                    group.group(),
                    group.chosen().name(),
                    group.scoreOnTheRest(),
                    result.score(),
                    result.caught(),
                    result.windows(),
                    result.falsePositives());
            all.addAll(group.detections());
        }
        NabScorer.Result total = NabScorer.score(all, Profile.STANDARD);
        out.printf(
                "  %s total: %.1f standard, %.1f low FP, %.1f low FN (%d of %d windows, %d false alerts)%n",
                how,
                total.score(),
                NabScorer.score(all, Profile.REWARD_LOW_FP).score(),
                NabScorer.score(all, Profile.REWARD_LOW_FN).score(),
                total.caught(),
                total.windows(),
                total.falsePositives());
    }

    private static double days(Series series) {
        List<SeriesRow> rows = series.rows();
        return Duration.ofMillis(rows.get(rows.size() - 1).millis() - rows.get(0).millis())
                        .toMinutes()
                / (24.0 * 60);
    }

    /**
     * The shipped settings' alerts written as NAB result files and scored by {@code nabscorePy},
     * folder by folder.
     */
    /**
     * @param alerts each folder's alerts, series by series in the order of {@code folders}
     */
    private static void compareWithReference(
            Path data,
            Map<String, List<Series>> folders,
            Map<String, List<Detections>> alerts,
            Path nabscorePy,
            PrintStream out)
            throws IOException, InterruptedException {
        out.printf(
                "%nThe same alerts scored by NAB's reference scorer (%s), standard profile:%n",
                nabscorePy);
        Path results = Files.createTempDirectory("hark-detect-");
        List<String> allFiles = new ArrayList<>();
        for (Map.Entry<String, List<Detections>> folder : alerts.entrySet()) {
            List<String> files = new ArrayList<>();
            List<Series> series = folders.get(folder.getKey());
            for (int i = 0; i < series.size(); i++) {
                Path file =
                        Files.createDirectories(results.resolve(folder.getKey()))
                                .resolve(series.get(i).name());
                writeAlerts(file, series.get(i).rows(), folder.getValue().get(i).fired());
                files.add(file.toString());
            }
            allFiles.addAll(files);
            Path windows = folderWindows(data, folder.getKey());
            out.printf(
                    "  %-22s nabscore.py %s, this scorer %.1f%n",
                    folder.getKey(),
                    reference(nabscorePy, windows, files),
                    NabScorer.score(folder.getValue(), Profile.STANDARD).score());
        }
        Path allWindows = data.resolve("all-windows.json");
        if (alerts.size() > 1 && Files.exists(allWindows)) {
            out.printf(
                    "  %-22s nabscore.py %s, this scorer %.1f%n",
                    "all",
                    reference(nabscorePy, allWindows, allFiles),
                    NabScorer.score(
                                    alerts.values().stream().flatMap(List::stream).toList(),
                                    Profile.STANDARD)
                            .score());
        }
    }

    /**
     * The shipped settings' anomaly_score column, as {@code scripts/hark detect} writes it, swept
     * by {@code nabscorePy} over all the folders (or the only one), and NAB's own search for the
     * best threshold.
     */
    private static void compareSweepWithReference(
            Path data,
            Map<String, List<Series>> folders,
            AlertRules shipped,
            Path nabscorePy,
            PrintStream out)
            throws IOException, InterruptedException {
        Path windows =
                folders.size() == 1
                        ? folderWindows(data, folders.keySet().iterator().next())
                        : data.resolve("all-windows.json");
        if (!Files.exists(windows)) {
            return;
        }
        Path results = Files.createTempDirectory("hark-detect-scores-");
        List<String> files = new ArrayList<>();
        List<ThresholdSweep.Scores> all = new ArrayList<>();
        for (Map.Entry<String, List<Series>> folder : folders.entrySet()) {
            List<ThresholdSweep.Scores> scores =
                    DetectEvaluation.scores(shipped, folder.getValue());
            all.addAll(scores);
            for (int i = 0; i < scores.size(); i++) {
                Path file =
                        Files.createDirectories(results.resolve(folder.getKey()))
                                .resolve(folder.getValue().get(i).name());
                writeScores(file, folder.getValue().get(i).rows(), scores.get(i).scores());
                files.add(file.toString());
            }
        }
        out.printf(
                "  the anomaly_score column swept by nabscore.py --threshold over %s (this scorer in brackets):%n   ",
                folders.size() == 1 ? "the folder" : "all folders");
        List<NabScorer.Result> ours =
                ThresholdSweep.sweep(all, ThresholdSweep.THRESHOLDS, Profile.STANDARD);
        for (int i = 0; i < ThresholdSweep.THRESHOLDS.size(); i++) {
            double threshold = ThresholdSweep.THRESHOLDS.get(i);
            out.printf(
                    " %.2f: %s (%.1f)",
                    threshold,
                    reference(
                            nabscorePy,
                            windows,
                            files,
                            List.of("--threshold", Double.toString(threshold))),
                    ours.get(i).score());
        }
        out.printf(
                "%n    NAB's own threshold search (--optimize): %s%n",
                optimized(nabscorePy, windows, files));
    }

    private static void writeScores(Path file, List<SeriesRow> rows, double[] scores)
            throws IOException {
        try (PrintWriter out =
                new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.print("timestamp,anomaly_score\n");
            for (int i = 0; i < rows.size(); i++) {
                out.print(
                        rows.get(i).timestamp()
                                + ','
                                + String.format(Locale.ROOT, "%.4f", scores[i])
                                + '\n');
            }
        }
    }

    private static String optimized(Path nabscorePy, Path windows, List<String> resultFiles)
            throws IOException, InterruptedException {
        String output = run(nabscorePy, windows, resultFiles, List.of("--optimize"));
        Matcher best = OPTIMIZED.matcher(output);
        if (!best.find()) {
            throw new IOException("nabscore.py --optimize printed no threshold: " + output.strip());
        }
        return String.format(
                Locale.ROOT,
                "threshold %.4f, %s",
                Double.parseDouble(best.group(1)),
                best.group(2));
    }

    private static Path folderWindows(Path data, String folder) {
        Path own = data.resolve("windows.json");
        return Files.exists(own) ? own : data.resolve(folder).resolve("windows.json");
    }

    private static void writeAlerts(Path file, List<SeriesRow> rows, boolean[] fired)
            throws IOException {
        try (PrintWriter out =
                new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            // Only the alert column: the scorer would take anomaly_score instead if it were there.
            out.print("timestamp,alert\n");
            for (int i = 0; i < rows.size(); i++) {
                out.print(rows.get(i).timestamp() + ',' + (fired[i] ? '1' : '0') + '\n');
            }
        }
    }

    private static String reference(Path nabscorePy, Path windows, List<String> resultFiles)
            throws IOException, InterruptedException {
        return reference(nabscorePy, windows, resultFiles, List.of());
    }

    private static String reference(
            Path nabscorePy, Path windows, List<String> resultFiles, List<String> options)
            throws IOException, InterruptedException {
        String output = run(nabscorePy, windows, resultFiles, options);
        Matcher score = NORMALIZED.matcher(output);
        if (!score.find()) {
            throw new IOException("nabscore.py printed no score: " + output.strip());
        }
        return score.group(1);
    }

    private static String run(
            Path nabscorePy, Path windows, List<String> resultFiles, List<String> options)
            throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("python3", nabscorePy.toString(), windows.toString()));
        command.addAll(resultFiles);
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(
                    "nabscore.py failed: " + String.join(" ", command) + "\n" + output.strip());
        }
        return output;
    }

    private static void printCost(List<Series> series, PrintStream out) {
        AlertRules shipped = AlertRules.defaults();
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            series.forEach(
                    one -> SeriesDetection.with(shipped, one.rows(), null).observeAll(one.rows()));
        }
        long points = 0;
        long nanos = 0;
        long stateBytes = 0;
        for (Series one : series) {
            SeriesDetection detection = SeriesDetection.with(shipped, one.rows(), null);
            long start = System.nanoTime();
            detection.observeAll(one.rows());
            nanos += System.nanoTime() - start;
            points += one.rows().size();
            stateBytes += detection.stateBytes();
        }
        out.printf(
                "%nCost, one thread, shipped settings: %,d points at %.0f ns each; %.0f bytes of state per series "
                        + "(detector and episodes, as the live job keeps them)%n",
                points, (double) nanos / points, (double) stateBytes / series.size());
    }
}
