// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.jobs.Await;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.elasticsearch.WindowVolumes;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.ListenTestRun;
import io.hark.jobs.metrics.BrandStream;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import io.hark.jobs.metrics.MetricsTestRun;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade as operators run it: the job stops with a savepoint, the input goes on arriving, and
 * the job starts again from the savepoint, here with twice the parallelism. Read back from
 * Elasticsearch and Kafka, nothing is lost and nothing is written or counted twice: a savepoint is
 * a clean cut, with no replay.
 */
class UpgradeFromSavepointITCase {
    /** Sent before the upgrade, and as many again after it. */
    private static final int HALF = 800;

    private static final int RESCALED = 2 * HarkMiniCluster.PARALLELISM;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = HarkMiniCluster.extension(RESCALED);

    @TempDir static Path savepoints;

    @Test
    void listenJobStartedAgainFromItsSavepointIndexesAndForwardsEveryMentionOnce(@TempDir Path dir)
            throws Exception {
        String run = "upgrade-listen-" + System.nanoTime();
        ListenTestRun.createTopics(run);
        List<String> arguments =
                ListenTestRun.arguments(
                        run,
                        "--checkpoint-interval",
                        "1s",
                        "--queries",
                        ListenTestRun.queriesFile(dir));
        ListenOptions before = listenOptions(arguments, HarkMiniCluster.PARALLELISM);
        ListenOptions after = listenOptions(arguments, RESCALED);
        String mentionsAlias = before.indices().mentionsAlias();

        JobClient first =
                ListenJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), before);
        Set<String> sent = new HashSet<>();
        String savepoint;
        try (PacedMentions producer = new PacedMentions(before, HALF)) {
            Await.until(
                    "a third of the first half indexed",
                    PATIENCE,
                    () -> IndexCounts.count(before.elasticsearch(), mentionsAlias) >= HALF / 3);
            savepoint = stopWithSavepoint(first);
            Await.until(
                    "the first half sent, the rest of it while the job is stopped",
                    PATIENCE,
                    () -> producer.sent().size() == HALF);
            sent.addAll(producer.sent());
        }
        JobClient second = ListenJob.start(restoringFrom(savepoint), after);
        try (PacedMentions producer = new PacedMentions(after, HALF, HALF)) {
            Await.until(
                    "every mention indexed",
                    PATIENCE,
                    () -> IndexCounts.count(after.elasticsearch(), mentionsAlias) >= 2 * HALF);
            sent.addAll(producer.sent());
        }
        // a clean stop, which flushes the enriched topic
        stopWithSavepoint(second);

        Map<String, JsonNode> indexed = IndexedDocuments.byId(after.elasticsearch(), mentionsAlias);
        assertThat(indexed.keySet()).isEqualTo(sent);
        assertThat(TopicReader.size(after.kafka(), after.enrichedTopic()))
                .as("each mention on the enriched topic once: the savepoint replays nothing")
                .isEqualTo(2 * HALF);
    }

    @Test
    void metricsJobStartedAgainAtTwiceTheParallelismCountsEachWindowOnceAndOpensTheEpisodeOnce()
            throws Exception {
        String run = "upgrade-metrics-" + System.nanoTime();
        KafkaConnection kafka = MetricsTestRun.createTopics(run);
        List<String> arguments = MetricsTestRun.arguments(run, run, "--checkpoint-interval", "1s");
        MetricsOptions before = metricsOptions(arguments, HarkMiniCluster.PARALLELISM);
        MetricsOptions after = metricsOptions(arguments, RESCALED);
        BrandStream stream = new BrandStream();
        stream.sendUntil(
                kafka,
                before.enrichedTopic(),
                Duration.between(
                        BrandStream.START, BrandStream.BURST.plus(BrandStream.BURST_LENGTH)));

        JobClient first =
                MetricsJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), before);
        Await.until(
                "the burst's episode opened",
                PATIENCE,
                () -> TopicReader.size(kafka, before.alertTopic()) > 0);
        String savepoint = stopWithSavepoint(first);
        stream.sendUntil(kafka, before.enrichedTopic(), BrandStream.HISTORY);

        // the last windows stay open for want of later mentions to move the watermark
        Instant complete = BrandStream.START.plus(BrandStream.HISTORY).minus(Duration.ofMinutes(5));
        Map<String, Long> acmeVolumes = new TreeMap<>();
        stream.acmePerMinute()
                .forEach(
                        (minute, volume) -> {
                            if (Instant.parse(minute).isBefore(complete)) {
                                acmeVolumes.put("acme@" + minute, volume);
                            }
                        });
        JobClient second = MetricsJob.start(restoringFrom(savepoint), after);
        try {
            Await.until(
                    "every acme window indexed and the episode resolved",
                    PATIENCE,
                    () ->
                            WindowVolumes.counted(
                                                    IndexedDocuments.byId(
                                                                    after.elasticsearch(),
                                                                    after.indices().metricsAlias())
                                                            .values())
                                            .keySet()
                                            .containsAll(acmeVolumes.keySet())
                                    && IndexedDocuments.byId(
                                                    after.elasticsearch(),
                                                    after.indices().alertsAlias())
                                            .values()
                                            .stream()
                                            .anyMatch(
                                                    alert ->
                                                            alert.get("state")
                                                                    .asText()
                                                                    .equals("resolved")));
        } finally {
            second.cancel().get();
        }

        Map<String, Long> indexedVolumes =
                WindowVolumes.counted(
                        IndexedDocuments.byId(after.elasticsearch(), after.indices().metricsAlias())
                                .values());
        indexedVolumes.keySet().retainAll(acmeVolumes.keySet());
        assertThat(indexedVolumes).isEqualTo(acmeVolumes);
        assertThat(IndexedDocuments.byId(after.elasticsearch(), after.indices().alertsAlias()))
                .hasSize(1);
        Set<String> openings = new HashSet<>();
        TopicReader.readAll(
                kafka,
                after.alertTopic(),
                record -> {
                    Alert step = FaultRecords.decodeAlert(record.value());
                    if (step.getState() == AlertState.opened) {
                        openings.add(step.getAlertId() + "@" + step.getWindowStart());
                    }
                });
        assertThat(openings).as("the episode opened once, before the upgrade").hasSize(1);
    }

    private static ListenOptions listenOptions(List<String> arguments, int parallelism) {
        return ListenOptions.parse(
                FaultRecords.concat(arguments, List.of("--parallelism", "" + parallelism)),
                Map.of());
    }

    private static MetricsOptions metricsOptions(List<String> arguments, int parallelism) {
        return MetricsOptions.parse(
                FaultRecords.concat(arguments, List.of("--parallelism", "" + parallelism)),
                Map.of());
    }

    private static String stopWithSavepoint(JobClient job) throws Exception {
        return job.stopWithSavepoint(
                        false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private static StreamExecutionEnvironment restoringFrom(String savepoint) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(new Configuration().set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint));
        return env;
    }
}
