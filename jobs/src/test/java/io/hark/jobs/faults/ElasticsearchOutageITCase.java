// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.embedded.EmbeddedElasticsearch;
import io.hark.embedded.SharedServers;
import io.hark.jobs.Await;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.ListenTestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch process stops under the running listen job while mentions keep coming, and
 * starts again. The sink holds what it has (at most its buffer) and retries with backoff; that
 * backpressure holds the job back, so it stops reading instead of piling mentions up in memory, as
 * the enriched topic (written beside the index) shows; the job does not fail; once Elasticsearch is
 * back, every mention is indexed.
 */
class ElasticsearchOutageITCase {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchOutageITCase.class);
    private static final int MENTIONS = 3_000;
    private static final int BATCH = 25;
    private static final int MAX_IN_FLIGHT = 2;
    private static final int MAX_BUFFERED = 100;

    /**
     * The most mentions that can pass the index sink's sibling while the index is down: each
     * reaches the index sink too (chained to the same operator), whose writers hold at most their
     * buffer plus their in-flight batches.
     */
    private static final int MOST_HELD =
            HarkMiniCluster.PARALLELISM * (MAX_BUFFERED + MAX_IN_FLIGHT * BATCH);

    /** How long Elasticsearch stays stopped (its restart takes about as long again). */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    @RegisterExtension static final KillableCluster flink = new KillableCluster();

    @Test
    void theJobWaitsForElasticsearchWithBoundedBuffersAndLosesNothing(@TempDir Path dir)
            throws Exception {
        String run = "es-outage-" + System.nanoTime();
        ListenTestRun.createTopics(run);
        EmbeddedElasticsearch elasticsearch = SharedServers.elasticsearch();
        ListenOptions options =
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                run,
                                "--queries",
                                ListenTestRun.queriesFile(dir),
                                "--checkpoint-interval",
                                "1s",
                                "--es-batch-size",
                                String.valueOf(BATCH),
                                "--es-max-in-flight",
                                String.valueOf(MAX_IN_FLIGHT),
                                "--es-max-buffered",
                                String.valueOf(MAX_BUFFERED),
                                "--es-max-backoff",
                                "2s"),
                        Map.of());
        String alias = options.indices().mentionsAlias();

        JobClient job =
                ListenJob.start(StreamExecutionEnvironment.getExecutionEnvironment(), options);
        Set<String> sent;
        try (PacedMentions mentions = new PacedMentions(options, MENTIONS)) {
            Await.until(
                    "a checkpoint and some mentions indexed",
                    PATIENCE,
                    () ->
                            flink.completedCheckpoints(job.getJobID()) > 0
                                    && IndexCounts.count(options.elasticsearch(), alias)
                                            >= MENTIONS / 5);
            elasticsearch.stop();
            long enrichedAtStop = TopicReader.size(options.kafka(), options.enrichedTopic());
            int sentAtStop = mentions.sent().size();
            Thread.sleep(OUTAGE.toMillis());
            long enrichedDuringOutage =
                    TopicReader.size(options.kafka(), options.enrichedTopic()) - enrichedAtStop;
            int sentDuringOutage = mentions.sent().size() - sentAtStop;
            assertThat(flink.restarted(job.getJobID()))
                    .as("the job waits instead of failing")
                    .isFalse();
            elasticsearch.restart();
            long restartedAt = System.nanoTime();
            Await.until(
                    "every mention indexed",
                    PATIENCE,
                    () -> IndexCounts.count(options.elasticsearch(), alias) >= MENTIONS);
            LOG.info(
                    "Elasticsearch down for {} (plus its restart): {} mentions sent meanwhile, {} passed the sink's "
                            + "sibling (at most {}); all {} indexed {} ms after it was back; job restarted: {}",
                    OUTAGE,
                    sentDuringOutage,
                    enrichedDuringOutage,
                    MOST_HELD,
                    MENTIONS,
                    (System.nanoTime() - restartedAt) / 1_000_000,
                    flink.restarted(job.getJobID()));
            sent = mentions.sent();
            assertThat(sentDuringOutage + sentAtStop - enrichedAtStop)
                    .as(
                            "mentions the job could have read while the index was down: more than its buffers hold, or the bound says nothing")
                    .isGreaterThan(MOST_HELD);
            assertThat(enrichedDuringOutage)
                    .as(
                            "mentions let through while the index was down, of %d sent",
                            sentDuringOutage)
                    .isLessThanOrEqualTo(MOST_HELD);
        } finally {
            job.cancel().get();
        }
        assertThat(IndexedDocuments.byId(options.elasticsearch(), alias).keySet()).isEqualTo(sent);
        assertThat(TopicReader.size(options.kafka(), options.deadLetterTopic())).isZero();
    }
}
