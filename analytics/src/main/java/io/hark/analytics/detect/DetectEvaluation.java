// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import io.hark.analytics.nab.NabScorer;
import io.hark.analytics.nab.NabScorer.Detections;
import io.hark.analytics.nab.NabScorer.Profile;
import io.hark.analytics.nab.NabWindows;
import io.hark.analytics.nab.ThresholdSweep;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * NAB's labelled series through the live job's detection, scored by NAB's rules on the rows where
 * an episode opens (where on-call would be paged), and settings chosen honestly: for each series
 * (in a folder of one kind) or each folder (in a corpus of several), the candidate settings that
 * score best on all the others are scored on it.
 */
public final class DetectEvaluation {
    /** One labelled series. */
    public record Series(
            String folder, String name, List<SeriesRow> rows, List<NabScorer.Window> windows) {}

    /** A candidate's alerts on every series, in the order of the series. */
    private record Alerts(AlertRules rules, List<boolean[]> fired) {}

    private DetectEvaluation() {}

    /**
     * The settings the evaluation chooses among unless told otherwise: the thresholds of both
     * tests, the cap of the recent peak and the episodes' cooldown, around the shipped defaults.
     * Each reaches past where choosing on NAB's corpus lands (a spike threshold of 6, a peak cap of
     * 2, a 12h cooldown were the lowest of a narrower grid, and chosen for every folder), so a
     * choice is never held at an edge.
     */
    public static List<AlertRules> defaultCandidates() {
        List<AlertRules> candidates = new ArrayList<>();
        for (String spike : List.of("4", "5", "6", "7", "8")) {
            for (String shift : List.of("1", "1.5", "2")) {
                for (String peakCap : List.of("1", "2", "4", "8")) {
                    for (String cooldown : List.of("6h", "12h", "1d", "2d")) {
                        Map<String, String> changes =
                                new TreeMap<>(
                                        Map.of(
                                                "spike_threshold",
                                                spike,
                                                "shift_threshold",
                                                shift,
                                                "peak_cap",
                                                peakCap,
                                                "cooldown",
                                                cooldown));
                        candidates.add(
                                new AlertRules(
                                        "spike "
                                                + spike
                                                + ", shift "
                                                + shift
                                                + ", peak cap "
                                                + peakCap
                                                + ", cooldown "
                                                + cooldown,
                                        changes));
                    }
                }
            }
        }
        return candidates;
    }

    /**
     * The series under {@code dir}: its {@code *.csv} files beside a {@code windows.json}, or those
     * of each folder in it that has one (a corpus such as NAB's), folder by folder.
     */
    public static List<Series> load(Path dir) throws IOException {
        List<Series> series = new ArrayList<>();
        if (Files.exists(dir.resolve("windows.json"))) {
            loadFolder(dir, series);
        } else {
            try (Stream<Path> folders = Files.list(dir)) {
                for (Path folder :
                        folders.filter(path -> Files.exists(path.resolve("windows.json")))
                                .sorted()
                                .toList()) {
                    loadFolder(folder, series);
                }
            }
        }
        if (series.isEmpty()) {
            throw new IOException(
                    "no labelled series in "
                            + dir
                            + ": expected *.csv files beside a windows.json, "
                            + "or folders of them");
        }
        return series;
    }

    private static void loadFolder(Path folder, List<Series> into) throws IOException {
        Map<String, List<String[]>> windows = NabWindows.read(folder.resolve("windows.json"));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".csv")).sorted().toList()) {
                String name = file.getFileName().toString();
                List<String[]> labelled = windows.get(name);
                if (labelled == null) {
                    throw new IOException(
                            file
                                    + ": no labelled windows for it in "
                                    + folder.resolve("windows.json"));
                }
                List<SeriesRow> rows;
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    rows = SeriesRow.readCsv(reader);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
                List<String> timestamps = rows.stream().map(SeriesRow::timestamp).toList();
                into.add(
                        new Series(
                                folder.getFileName().toString(),
                                name,
                                rows,
                                NabWindows.rows(timestamps, labelled)));
            }
        }
    }

    /**
     * Where {@code rules} would have paged on each row of {@code series}, and how many rows it
     * skipped.
     */
    static boolean[] alerts(AlertRules rules, Series series, int[] misplaced) {
        SeriesDetection detection = SeriesDetection.with(rules, series.rows(), null);
        boolean[] fired = new boolean[series.rows().size()];
        for (int row = 0; row < fired.length; row++) {
            fired[row] = detection.observe(series.rows().get(row)).alert();
        }
        misplaced[0] += detection.misplacedRows();
        return fired;
    }

    /** The anomaly score {@code rules} gave each row of each of {@code series}. */
    public static List<ThresholdSweep.Scores> scores(AlertRules rules, List<Series> series) {
        List<ThresholdSweep.Scores> scores = new ArrayList<>();
        for (Series one : series) {
            SeriesDetection detection = SeriesDetection.with(rules, one.rows(), null);
            scores.add(
                    new ThresholdSweep.Scores(
                            one.name(),
                            detection.observeAll(one.rows()).stream()
                                    .mapToDouble(SeriesDetection.Outcome::anomalyScore)
                                    .toArray(),
                            one.windows()));
        }
        return scores;
    }

    /**
     * Where {@code rules} would have paged on each of {@code series}; {@code misplaced} counts the
     * rows skipped.
     */
    public static List<Detections> detections(
            AlertRules rules, List<Series> series, int[] misplaced) {
        List<Detections> detections = new ArrayList<>();
        for (Series one : series) {
            detections.add(
                    new Detections(one.name(), alerts(rules, one, misplaced), one.windows()));
        }
        return detections;
    }

    /**
     * One held-out group's result: the candidate chosen on the other groups, and its alerts on this
     * one.
     */
    public record HeldOut(
            String group, AlertRules chosen, double scoreOnTheRest, List<Detections> detections) {}

    /**
     * Every candidate's alerts on every series, worked out once for all the ways of leaving series
     * out.
     */
    public static final class Candidates {
        private final List<Series> series;
        private final List<Alerts> alerts;

        private Candidates(List<Series> series, List<Alerts> alerts) {
            this.series = series;
            this.alerts = alerts;
        }

        public static Candidates run(List<AlertRules> candidates, List<Series> series) {
            List<Alerts> alerts =
                    candidates.parallelStream()
                            .map(
                                    candidate -> {
                                        int[] ignored = {0};
                                        List<boolean[]> fired = new ArrayList<>();
                                        series.forEach(
                                                one ->
                                                        fired.add(
                                                                DetectEvaluation.alerts(
                                                                        candidate, one, ignored)));
                                        return new Alerts(candidate, fired);
                                    })
                            .toList();
            return new Candidates(series, alerts);
        }

        /** Leaves each folder out in turn, choosing on all the other folders. */
        public List<HeldOut> leaveOneFolderOut() {
            return leaveOneOut(allSeries(), Series::folder);
        }

        /**
         * Within {@code folder}, leaves each series out in turn, choosing on the folder's other
         * series.
         */
        public List<HeldOut> leaveOneSeriesOut(String folder) {
            return leaveOneOut(indices(one -> one.folder().equals(folder)), Series::name);
        }

        private List<Integer> allSeries() {
            return indices(one -> true);
        }

        private List<Integer> indices(Predicate<Series> which) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                if (which.test(series.get(i))) {
                    indices.add(i);
                }
            }
            return indices;
        }

        /**
         * For each group of {@code among}, the candidate with the best standard NAB score on the
         * rest of {@code among}, and its alerts on the group.
         */
        private List<HeldOut> leaveOneOut(List<Integer> among, Function<Series, String> groupOf) {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            among.forEach(
                    i ->
                            groups.computeIfAbsent(
                                            groupOf.apply(series.get(i)),
                                            group -> new ArrayList<>())
                                    .add(i));
            List<HeldOut> heldOut = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
                List<Integer> rest =
                        among.stream().filter(i -> !group.getValue().contains(i)).toList();
                Alerts best = null;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (Alerts candidate : alerts) {
                    double score =
                            NabScorer.score(detections(candidate, rest), Profile.STANDARD).score();
                    if (best == null || score > bestScore) {
                        bestScore = score;
                        best = candidate;
                    }
                }
                heldOut.add(
                        new HeldOut(
                                group.getKey(),
                                best.rules(),
                                bestScore,
                                detections(best, group.getValue())));
            }
            return heldOut;
        }

        private List<Detections> detections(Alerts candidate, List<Integer> which) {
            List<Detections> detections = new ArrayList<>();
            for (int i : which) {
                detections.add(
                        new Detections(
                                series.get(i).name(),
                                candidate.fired().get(i),
                                series.get(i).windows()));
            }
            return detections;
        }
    }
}
