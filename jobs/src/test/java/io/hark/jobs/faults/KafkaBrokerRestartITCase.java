// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.embedded.EmbeddedKafka;
import io.hark.jobs.Await;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.ListenTestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker goes down under the running listen job while mentions keep coming, and comes
 * back: the job resumes (by itself, restarting if it must) from its committed offsets, every
 * mention is indexed and on the enriched topic, and the consumer group's offsets reach the end of
 * the input.
 */
class KafkaBrokerRestartITCase {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerRestartITCase.class);
    private static final int MENTIONS = 2_000;

    /**
     * Long enough for fetches, sends and a checkpoint's offset commit to fail against the missing
     * broker.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    @RegisterExtension static final KillableCluster flink = new KillableCluster();

    @Test
    void theListenJobResumesFromItsCommittedOffsetsAndLosesNothing(@TempDir Path dir)
            throws Exception {
        String run = "broker-restart-" + System.nanoTime();
        // a broker of its own: the restart leaves producers of the other tests' new topics racing
        // its recovery
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            resumesAndLosesNothing(kafka, run, dir);
        }
    }

    private void resumesAndLosesNothing(EmbeddedKafka kafka, String run, Path dir)
            throws Exception {
        ListenTestRun.createTopics(kafka, run);
        ListenOptions options =
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                kafka,
                                run,
                                "--queries",
                                ListenTestRun.queriesFile(dir),
                                "--checkpoint-interval",
                                "1s"),
                        Map.of());
        String alias = options.indices().mentionsAlias();

        JobClient job =
                ListenJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), options);
        Set<String> sent;
        try (PacedMentions mentions = new PacedMentions(options, MENTIONS)) {
            Await.until(
                    "a checkpoint and a third of the mentions indexed",
                    PATIENCE,
                    () ->
                            flink.completedCheckpoints(job.getJobID()) > 0
                                    && IndexCounts.count(options.elasticsearch(), alias)
                                            >= MENTIONS / 3);
            long indexedBefore = IndexCounts.count(options.elasticsearch(), alias);
            kafka.stopBroker();
            Thread.sleep(OUTAGE.toMillis());
            kafka.startBroker();
            long restartedAt = System.nanoTime();
            Await.until(
                    "every mention indexed",
                    PATIENCE,
                    () -> IndexCounts.count(options.elasticsearch(), alias) >= MENTIONS);
            LOG.info(
                    "Broker down for {}: {} mentions indexed before, all {} indexed {} ms after it was back; job restarted: {}",
                    OUTAGE,
                    indexedBefore,
                    MENTIONS,
                    (System.nanoTime() - restartedAt) / 1_000_000,
                    flink.restarted(job.getJobID()));
            Await.until(
                    "the committed offsets at the end of the input",
                    PATIENCE,
                    () -> committedToEnd(options));
            sent = mentions.sent();
        } finally {
            job.cancel().get();
        }

        assertThat(IndexedDocuments.byId(options.elasticsearch(), alias).keySet()).isEqualTo(sent);
        Set<String> enriched = new HashSet<>();
        TopicReader.readAll(
                options.kafka(),
                options.enrichedTopic(),
                record -> enriched.add(new String(record.key(), StandardCharsets.UTF_8)));
        assertThat(enriched).isEqualTo(sent);
        assertThat(TopicReader.size(options.kafka(), options.deadLetterTopic())).isZero();
    }

    private static boolean committedToEnd(ListenOptions options) throws Exception {
        try (Admin admin = Admin.create(options.kafka().properties())) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(options.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get();
            Set<TopicPartition> partitions =
                    admin
                            .describeTopics(List.of(options.inputTopic()))
                            .allTopicNames()
                            .get()
                            .get(options.inputTopic())
                            .partitions()
                            .stream()
                            .map(
                                    partition ->
                                            new TopicPartition(
                                                    options.inputTopic(), partition.partition()))
                            .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest =
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .allMatch(
                            end ->
                                    committed.containsKey(end.getKey())
                                            && committed.get(end.getKey()).offset()
                                                    == end.getValue().offset());
        }
    }
}
