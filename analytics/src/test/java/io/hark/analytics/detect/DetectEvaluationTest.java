// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hark.analytics.detect.ColdStartEvaluation.Trial;
import io.hark.analytics.detect.DetectEvaluation.HeldOut;
import io.hark.analytics.detect.DetectEvaluation.Series;
import io.hark.analytics.nab.NabScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small corpus made here: two folders of daily-cycle mention counts with a labelled burst each,
 * one flat. The shipped settings catch every burst; a deaf candidate none; leaving folders or
 * series out chooses the one that works on the rest.
 */
class DetectEvaluationTest {
    private static final DateTimeFormatter NAB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long STEP = Duration.ofMinutes(5).toMillis();
    private static final int ROWS = 6 * 288;
    private static final AlertRules DEAF =
            new AlertRules("deaf", Map.of("spike_threshold", "1000", "shift_threshold", "1000"));

    @Test
    void scoresTheShippedSettingsAndChoosesCandidatesOnWhatIsLeft(@TempDir Path corpus)
            throws IOException {
        writeFolder(corpus.resolve("tweets"), Map.of("a.csv", 4 * 288, "b.csv", 5 * 288), 7);
        writeFolder(corpus.resolve("traffic"), Map.of("c.csv", 4 * 288 + 100), 8);

        List<Series> series = DetectEvaluation.load(corpus);
        assertThat(series)
                .extracting(Series::folder, Series::name)
                .containsExactly(
                        tuple("traffic", "c.csv"),
                        tuple("tweets", "a.csv"),
                        tuple("tweets", "b.csv"));

        int[] misplaced = {0};
        NabScorer.Result shipped =
                NabScorer.score(
                        DetectEvaluation.detections(AlertRules.defaults(), series, misplaced),
                        NabScorer.Profile.STANDARD);
        assertThat(shipped.windows()).isEqualTo(3);
        assertThat(shipped.caught()).isEqualTo(3);
        assertThat(shipped.score()).isGreaterThan(80);
        assertThat(misplaced[0]).isZero();
        assertThat(
                        NabScorer.score(
                                        DetectEvaluation.detections(DEAF, series, misplaced),
                                        NabScorer.Profile.STANDARD)
                                .score())
                .isZero();

        DetectEvaluation.Candidates candidates =
                DetectEvaluation.Candidates.run(List.of(DEAF, AlertRules.defaults()), series);
        List<HeldOut> byFolder = candidates.leaveOneFolderOut();
        assertThat(byFolder).extracting(HeldOut::group).containsExactly("traffic", "tweets");
        assertThat(byFolder)
                .allSatisfy(group -> assertThat(group.chosen()).isEqualTo(AlertRules.defaults()));
        assertThat(byFolder.get(1).detections()).hasSize(2);
        List<HeldOut> bySeries = candidates.leaveOneSeriesOut("tweets");
        assertThat(bySeries).extracting(HeldOut::group).containsExactly("a.csv", "b.csv");
        assertThat(bySeries)
                .allSatisfy(group -> assertThat(group.chosen()).isEqualTo(AlertRules.defaults()));
    }

    @Test
    void readsOneFolderOnItsOwnAndRefusesSeriesWithoutWindows(@TempDir Path folder)
            throws IOException {
        writeFolder(folder, Map.of("a.csv", 4 * 288), 7);
        assertThat(DetectEvaluation.load(folder))
                .singleElement()
                .extracting(Series::name)
                .isEqualTo("a.csv");

        Files.copy(folder.resolve("a.csv"), folder.resolve("unlabelled.csv"));
        assertThatThrownBy(() -> DetectEvaluation.load(folder))
                .hasMessageContaining("unlabelled.csv")
                .hasMessageContaining("no labelled windows");
        assertThatThrownBy(
                        () ->
                                DetectEvaluation.load(
                                        folder.resolve("a.csv").getParent().resolve("missing")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void coldStartStartsFromNothingAWhileBeforeEachWindow(@TempDir Path folder) throws IOException {
        // windows start 20 rows before the bursts: 3.9 days into a.csv, 4.9 into b.csv
        writeFolder(folder, Map.of("a.csv", 4 * 288, "b.csv", 5 * 288), 7);
        List<Series> series = DetectEvaluation.load(folder);
        List<Duration> leads = List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(5));

        List<Trial> trials = ColdStartEvaluation.run(AlertRules.defaults(), series, leads);
        // five days before either window is before its series starts
        assertThat(trials)
                .extracting(Trial::series, Trial::lead)
                .containsExactly(
                        tuple("a.csv", Duration.ofDays(1)), tuple("b.csv", Duration.ofDays(1)),
                        tuple("a.csv", Duration.ofDays(2)), tuple("b.csv", Duration.ofDays(2)));
        assertThat(trials)
                .allSatisfy(
                        trial -> {
                            assertThat(trial.caught()).isTrue();
                            assertThat(trial.delayShare()).isBetween(0.4, 0.6);
                            assertThat(trial.falseAlerts()).isZero();
                        });
        assertThat(trials).extracting(Trial::days).containsExactly(1.0, 1.0, 2.0, 2.0);
        assertThat(ColdStartEvaluation.run(DEAF, series, leads)).noneMatch(Trial::caught);
    }

    /**
     * Series of six days each with a burst at {@code burstRows}, and a window around each burst.
     */
    private static void writeFolder(Path folder, Map<String, Integer> burstRows, long seed)
            throws IOException {
        Files.createDirectories(folder);
        StringBuilder windows = new StringBuilder("{");
        for (Map.Entry<String, Integer> series : burstRows.entrySet()) {
            SyntheticSeries counts = SyntheticSeries.daily(seed++, 20, 120);
            StringBuilder csv = new StringBuilder("timestamp,value\n");
            int burst = series.getValue();
            for (int row = 0; row < ROWS; row++) {
                long millis = SyntheticSeries.START + row * STEP;
                int count = counts.countAt(millis) * (row >= burst && row < burst + 6 ? 8 : 1);
                csv.append(time(millis)).append(',').append(count).append('\n');
            }
            Files.writeString(folder.resolve(series.getKey()), csv);
            windows.append(windows.length() > 1 ? "," : "")
                    .append('"')
                    .append(folder.getFileName())
                    .append('/')
                    .append(series.getKey())
                    .append("\": [[\"")
                    .append(time(SyntheticSeries.START + (burst - 20) * STEP))
                    .append(".000000\", \"")
                    .append(time(SyntheticSeries.START + (burst + 20) * STEP))
                    .append(".000000\"]]");
        }
        Files.writeString(folder.resolve("windows.json"), windows.append('}'));
    }

    private static String time(long millis) {
        return NAB_TIME.format(Instant.ofEpochMilli(millis));
    }
}
