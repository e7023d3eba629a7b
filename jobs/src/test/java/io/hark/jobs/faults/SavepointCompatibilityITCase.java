// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.embedded.Directories;
import io.hark.jobs.Await;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.elasticsearch.WindowVolumes;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.metrics.BrandStream;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import io.hark.jobs.metrics.MetricsTestRun;
import io.hark.schema.AlertState;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Savepoints of the metrics job taken by released versions of Hark, each restored by this one, as
 * Flink's own savepoint migration tests do: an upgrade must find its open windows, its detectors'
 * history and its open alert episode where the last version left them. They lie under {@code
 * src/test/resources/savepoints/metrics-RELEASE/}, one per release; a release adds its own with
 *
 * <pre>
 * mvn -B verify -pl schemas,nlp-models,queries,analytics,embedded,jobs -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SavepointCompatibilityITCase \
 *   -Dhark.write-savepoint=RELEASE
 * </pre>
 *
 * Each savepoint was taken with the job stopped in the middle of the same stream, which starts at a
 * fixed time so that every run sends the same records to the same offsets: the restored job goes on
 * from the savepoint's offsets over the rest of it.
 */
class SavepointCompatibilityITCase {
    private static final Instant STREAM_START = Instant.parse("2026-11-01T00:00:00Z");

    /** Where each savepoint stops the stream: its crisis has opened an episode. */
    private static final Duration CUT = BrandStream.BURST_AFTER.plus(BrandStream.BURST_LENGTH);

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Path WRITTEN_TO = Path.of("src/test/resources/savepoints");

    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    static List<Path> releases() throws IOException, URISyntaxException {
        Path savepoints =
                Paths.get(SavepointCompatibilityITCase.class.getResource("/savepoints").toURI());
        try (Stream<Path> releases = Files.list(savepoints)) {
            return releases.sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void metricsJobGoesOnFromTheSavepointOfARelease(Path release, @TempDir Path copy)
            throws Exception {
        String run = "compat-" + release.getFileName();
        KafkaConnection kafka = MetricsTestRun.createTopics(run);
        MetricsOptions options = options(run, "compat-" + System.nanoTime());
        BrandStream stream = new BrandStream(STREAM_START);
        stream.sendUntil(kafka, options.enrichedTopic(), CUT);
        Directories.copyRecursively(release, copy);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(
                new Configuration()
                        .set(StateRecoveryOptions.SAVEPOINT_PATH, copy.toUri().toString()));
        JobClient job = MetricsJob.start(env, options);
        stream.sendUntil(kafka, options.enrichedTopic(), BrandStream.HISTORY);

        Instant cut = STREAM_START.plus(CUT);
        // the last windows stay open for want of later mentions to move the watermark
        Instant complete = STREAM_START.plus(BrandStream.HISTORY).minus(Duration.ofMinutes(5));
        Map<String, Long> expected = new TreeMap<>();
        stream.acmePerMinute().forEach((minute, volume) -> expected.put("acme@" + minute, volume));
        List<String> afterCut =
                expected.keySet().stream()
                        .filter(window -> !windowStart(window).isBefore(cut))
                        .filter(window -> windowStart(window).isBefore(complete))
                        .toList();
        try {
            Await.until(
                    "every acme window after the cut indexed and the episode resolved",
                    PATIENCE,
                    () ->
                            indexedVolumes(options).keySet().containsAll(afterCut)
                                    && IndexedDocuments.byId(
                                                    options.elasticsearch(),
                                                    options.indices().alertsAlias())
                                            .values()
                                            .stream()
                                            .anyMatch(
                                                    alert ->
                                                            alert.get("state")
                                                                    .asText()
                                                                    .equals("resolved")));
        } finally {
            job.cancel().get();
        }

        Map<String, Long> indexed = indexedVolumes(options);
        List<Instant> starts =
                indexed.keySet().stream().map(SavepointCompatibilityITCase::windowStart).toList();
        assertThat(starts)
                .as("windows closed before the savepoint are not counted again")
                .allMatch(start -> start.isAfter(cut.minus(Duration.ofMinutes(10))));
        assertThat(starts)
                .as("a window open at the savepoint, its mentions partly counted before it")
                .anyMatch(start -> start.isBefore(cut));
        indexed.forEach(
                (window, volume) ->
                        assertThat(volume).as(window).isEqualTo(expected.getOrDefault(window, 0L)));

        Map<String, JsonNode> episodes =
                IndexedDocuments.byId(options.elasticsearch(), options.indices().alertsAlias());
        assertThat(episodes).hasSize(1);
        JsonNode episode = episodes.values().iterator().next();
        assertThat(episode.get("query_id").asText()).isEqualTo("acme");
        List<AlertState> steps = new ArrayList<>();
        TopicReader.readAll(
                kafka,
                options.alertTopic(),
                record -> steps.add(FaultRecords.decodeAlert(record.value()).getState()));
        assertThat(steps)
                .as("the episode opened before the savepoint, so it only goes on and resolves")
                .doesNotContain(AlertState.opened)
                .contains(AlertState.resolved);
    }

    /** Not a test: writes this release's savepoint for the test above, when asked to. */
    @Test
    @EnabledIfSystemProperty(named = "hark.write-savepoint", matches = ".+")
    void writeTheSavepointOfThisRelease(@TempDir Path savepoints) throws Exception {
        String release = "metrics-" + System.getProperty("hark.write-savepoint");
        String run = "compat-" + release;
        KafkaConnection kafka = MetricsTestRun.createTopics(run);
        MetricsOptions options = options(run, run.replace('.', '-'));
        new BrandStream(STREAM_START).sendUntil(kafka, options.enrichedTopic(), CUT);

        JobClient job =
                MetricsJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), options);
        Await.until(
                "the burst's episode opened",
                PATIENCE,
                () -> TopicReader.size(kafka, options.alertTopic()) > 0);
        Path savepoint =
                Paths.get(
                        URI.create(
                                job.stopWithSavepoint(
                                                false,
                                                savepoints.toUri().toString(),
                                                SavepointFormatType.CANONICAL)
                                        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS)));
        Path target = WRITTEN_TO.resolve(release);
        assertThat(target).as("a release's savepoint is never replaced").doesNotExist();
        Directories.copyRecursively(savepoint, target);
    }

    private static MetricsOptions options(String run, String indexPrefix) {
        return MetricsOptions.parse(
                MetricsTestRun.arguments(run, indexPrefix, "--checkpoint-interval", "1s"),
                Map.of());
    }

    private static Map<String, Long> indexedVolumes(MetricsOptions options) throws Exception {
        Map<String, Long> volumes =
                WindowVolumes.counted(
                        IndexedDocuments.byId(
                                        options.elasticsearch(), options.indices().metricsAlias())
                                .values());
        volumes.keySet().removeIf(window -> !window.startsWith("acme@"));
        return volumes;
    }

    private static Instant windowStart(String window) {
        return Instant.parse(window.substring(window.indexOf('@') + 1));
    }
}
