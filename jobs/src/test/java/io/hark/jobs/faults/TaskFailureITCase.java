// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.embedded.SharedServers;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TaskManager dies under a running job and a new one takes its place: the job restarts from its
 * last checkpoint and replays what it did since, which at-least-once outputs then hold twice. Read
 * back from Elasticsearch and Kafka, nothing is lost or counted twice.
 */
class TaskFailureITCase {
    private static final int MENTIONS = 2_000;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    @RegisterExtension static final KillableCluster flink = new KillableCluster();

    @Test
    void listenJobIndexesEveryMentionOnceAndItsWindowsCountEachOnce(@TempDir Path dir)
            throws Exception {
        String run = "task-failure-" + System.nanoTime();
        ListenTestRun.createTopics(run);
        ListenOptions listen =
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                run,
                                "--queries",
                                ListenTestRun.queriesFile(dir),
                                "--checkpoint-interval",
                                "1s"),
                        Map.of());

        JobClient job =
                ListenJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), listen);
        String mentionsAlias = listen.indices().mentionsAlias();
        Map<String, JsonNode> indexed;
        try (PacedMentions producer = new PacedMentions(listen, MENTIONS)) {
            Await.until(
                    "a checkpoint and a third of the mentions indexed",
                    PATIENCE,
                    () ->
                            flink.completedCheckpoints(job.getJobID()) > 0
                                    && IndexCounts.count(listen.elasticsearch(), mentionsAlias)
                                            >= MENTIONS / 3);
            flink.killTaskManager();
            Await.until(
                    "every mention indexed",
                    PATIENCE,
                    () -> IndexCounts.count(listen.elasticsearch(), mentionsAlias) >= MENTIONS);
            assertThat(flink.restarted(job.getJobID())).isTrue();
            indexed = IndexedDocuments.byId(listen.elasticsearch(), mentionsAlias);
            assertThat(indexed.keySet()).isEqualTo(producer.sent());
            long checkpointsSoFar = flink.completedCheckpoints(job.getJobID());
            Await.until(
                    "a checkpoint, which flushes the enriched topic",
                    PATIENCE,
                    () -> flink.completedCheckpoints(job.getJobID()) > checkpointsSoFar);
        } finally {
            job.cancel().get();
        }
        // what the job wrote between its last checkpoint and the kill is written again, unless the
        // kill
        // came before the producer sent any of it: more than MENTIONS records most runs, never
        // fewer
        assertThat(TopicReader.size(listen.kafka(), listen.enrichedTopic()))
                .as("every mention on the enriched topic, some of them twice")
                .isGreaterThanOrEqualTo(MENTIONS);

        SharedServers.kafka().createTopics(Map.of(run + ".alerts", 1));
        MetricsOptions metrics =
                MetricsOptions.parse(
                        MetricsTestRun.arguments(
                                run,
                                run,
                                "--group-id",
                                run + "-metrics",
                                "--checkpoint-interval",
                                "1s",
                                "--bounded"),
                        Map.of());
        StreamExecutionEnvironment metricsEnv =
                StreamExecutionEnvironment.getExecutionEnvironment();
        MetricsJob.define(metricsEnv, metrics);
        HarkMiniCluster.limitRestarts(metricsEnv);
        metricsEnv.execute("task-failure-metrics");
        assertThat(
                        WindowVolumes.counted(
                                IndexedDocuments.byId(
                                                metrics.elasticsearch(),
                                                metrics.indices().metricsAlias())
                                        .values()))
                .isEqualTo(WindowVolumes.ofMentions(indexed.values()));
    }

    @Test
    void metricsJobCountsEachWindowOnceAndOpensTheEpisodeOnce() throws Exception {
        String run = "task-failure-metrics-" + System.nanoTime();
        KafkaConnection kafka = MetricsTestRun.createTopics(run);
        MetricsOptions options =
                MetricsOptions.parse(
                        MetricsTestRun.arguments(run, run, "--checkpoint-interval", "1s"),
                        Map.of());
        BrandStream stream = new BrandStream();
        stream.sendUntil(
                kafka,
                options.enrichedTopic(),
                Duration.between(
                        BrandStream.START, BrandStream.BURST.plus(BrandStream.BURST_LENGTH)));

        JobClient job =
                MetricsJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), options);
        // the last windows stay open for want of later mentions to move the watermark
        Instant complete = BrandStream.START.plus(BrandStream.HISTORY).minus(Duration.ofMinutes(5));
        Map<String, Long> acmeVolumes = new TreeMap<>();
        try {
            Await.until(
                    "the burst's episode opened after a checkpoint",
                    PATIENCE,
                    () ->
                            flink.completedCheckpoints(job.getJobID()) > 0
                                    && TopicReader.size(kafka, options.alertTopic()) > 0);
            flink.killTaskManager();
            stream.sendUntil(kafka, options.enrichedTopic(), BrandStream.HISTORY);
            stream.acmePerMinute()
                    .forEach(
                            (minute, volume) -> {
                                if (Instant.parse(minute).isBefore(complete)) {
                                    acmeVolumes.put("acme@" + minute, volume);
                                }
                            });
            Await.until(
                    "every acme window indexed",
                    PATIENCE,
                    () ->
                            WindowVolumes.counted(
                                            IndexedDocuments.byId(
                                                            options.elasticsearch(),
                                                            options.indices().metricsAlias())
                                                    .values())
                                    .keySet()
                                    .containsAll(acmeVolumes.keySet()));
            Await.until(
                    "the episode resolved",
                    PATIENCE,
                    () ->
                            IndexedDocuments.byId(
                                            options.elasticsearch(),
                                            options.indices().alertsAlias())
                                    .values()
                                    .stream()
                                    .anyMatch(
                                            alert ->
                                                    alert.get("state")
                                                            .asText()
                                                            .equals("resolved")));
            assertThat(flink.restarted(job.getJobID())).isTrue();
        } finally {
            job.cancel().get();
        }

        Map<String, Long> indexedVolumes =
                WindowVolumes.counted(
                        IndexedDocuments.byId(
                                        options.elasticsearch(), options.indices().metricsAlias())
                                .values());
        indexedVolumes.keySet().retainAll(acmeVolumes.keySet());
        assertThat(indexedVolumes).isEqualTo(acmeVolumes);

        Map<String, JsonNode> episodes =
                IndexedDocuments.byId(options.elasticsearch(), options.indices().alertsAlias());
        assertThat(episodes).hasSize(1);
        JsonNode episode = episodes.values().iterator().next();
        assertThat(episode.get("query_id").asText()).isEqualTo("acme");
        Set<String> openings = new HashSet<>();
        TopicReader.readAll(
                kafka,
                options.alertTopic(),
                record -> {
                    Alert step = FaultRecords.decodeAlert(record.value());
                    assertThat(step.getAlertId())
                            .as("the one episode's id")
                            .isEqualTo(episode.get("alert_id").asText());
                    if (step.getState() == AlertState.opened) {
                        openings.add(step.getAlertId() + "@" + step.getWindowStart());
                    }
                });
        assertThat(openings)
                .as("the episode opened in one window, though the step may be written twice")
                .hasSize(1);
    }
}
