// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.hark.jobs.Await;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.metrics.BrandStream;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import io.hark.jobs.metrics.MetricsTestRun;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only notifier, a webhook, answers 500 and then stops answering (each delivery's later
 * attempts time out). Every alert step is tried four times with growing waits between, then becomes
 * a dead letter; meanwhile the metrics job goes on: its windows and the episode reach Elasticsearch
 * while the first deliveries are still failing.
 */
class NotifierOutageITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final Logger LOG = LoggerFactory.getLogger(NotifierOutageITCase.class);
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void deliveriesFailAfterRetriesIntoDeadLettersWhileTheJobGoesOn(@TempDir Path dir)
            throws Exception {
        String run = "notifier-outage-" + System.nanoTime();
        KafkaConnection kafka = MetricsTestRun.createTopics(run);
        BrandStream stream = new BrandStream();
        stream.sendUntil(kafka, run + ".enriched", BrandStream.HISTORY);

        List<Instant> requests = new CopyOnWriteArrayList<>();
        CountDownLatch released = new CountDownLatch(1);
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.setExecutor(handlers);
        webhook.createContext(
                "/hook",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    // each delivery: two refusals, then silence until the client gives up
                    boolean refuse = requests.size() % ATTEMPTS < 2;
                    requests.add(Instant.now());
                    if (refuse) {
                        exchange.sendResponseHeaders(500, -1);
                    } else {
                        awaitQuietly(released);
                    }
                    exchange.close();
                });
        webhook.start();
        Path notifiers =
                Files.writeString(
                        dir.resolve("notifiers.yaml"),
                        """
        groups:
          %s:
            - type: webhook
              url: http://127.0.0.1:%d/hook
        """
                                .formatted(BrandStream.GROUP, webhook.getAddress().getPort()));

        MetricsOptions options =
                MetricsOptions.parse(
                        MetricsTestRun.arguments(
                                run,
                                run,
                                "--bounded",
                                "--notifiers",
                                notifiers.toString(),
                                "--checkpoint-interval",
                                "1s"),
                        Map.of());
        Instant lastWindow =
                BrandStream.START.plus(BrandStream.HISTORY).minus(Duration.ofMinutes(1));
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobClient job = MetricsJob.start(env, options);
            Await.until(
                    "the last window indexed and the episode resolved",
                    PATIENCE,
                    () -> {
                        Map<String, JsonNode> windows =
                                IndexedDocuments.byId(
                                        options.elasticsearch(), options.indices().metricsAlias());
                        return windows.containsKey("query:acme:" + lastWindow.toEpochMilli())
                                && IndexedDocuments.byId(
                                                options.elasticsearch(),
                                                options.indices().alertsAlias())
                                        .values()
                                        .stream()
                                        .anyMatch(
                                                alert ->
                                                        alert.get("state")
                                                                .asText()
                                                                .equals("resolved"));
                    });
            long failedSoFar = notifyDeadLetters(options).size();
            long steps = TopicReader.size(kafka, options.alertTopic());
            LOG.info(
                    "All windows and the episode indexed with {} of {} alert steps' deliveries given up, {} requests so far",
                    failedSoFar,
                    steps,
                    requests.size());
            assertThat(failedSoFar)
                    .as("deliveries given up when everything else was done")
                    .isLessThan(steps);
            job.getJobExecutionResult().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            released.countDown();
            webhook.stop(0);
            handlers.shutdownNow();
        }

        long steps = TopicReader.size(kafka, options.alertTopic());
        List<DeadLetter> failed = notifyDeadLetters(options);
        assertThat(steps).isPositive();
        assertThat(failed)
                .hasSize((int) steps)
                .allSatisfy(
                        letter -> {
                            assertThat(letter.getReason()).isEqualTo("not_delivered");
                            assertThat(letter.getDetail())
                                    .contains("after " + ATTEMPTS + " attempts")
                                    .contains("timed out");
                            assertThat(letter.getPayloadText()).contains(letter.getMentionId());
                        });
        assertThat(requests).hasSize((int) steps * ATTEMPTS);
        for (int step = 0; step < steps; step++) {
            List<Instant> attempts = requests.subList(step * ATTEMPTS, (step + 1) * ATTEMPTS);
            for (int retry = 1; retry < ATTEMPTS; retry++) {
                assertThat(Duration.between(attempts.get(retry - 1), attempts.get(retry)))
                        .as("wait before retry %d of step %d", retry, step)
                        .isGreaterThanOrEqualTo(
                                FIRST_BACKOFF.multipliedBy(1L << (retry - 1)).dividedBy(2));
            }
        }
    }

    private static List<DeadLetter> notifyDeadLetters(MetricsOptions options) {
        List<DeadLetter> letters = new ArrayList<>();
        TopicReader.readAll(
                options.kafka(),
                options.deadLetterTopic(),
                record -> {
                    try {
                        DeadLetter letter = AvroCodec.DEAD_LETTER.decode(record.value());
                        if (letter.getStage().equals("notify")) {
                            letters.add(letter);
                        }
                    } catch (AvroCodec.UndecodableException e) {
                        throw new AssertionError("the dead letter topic holds something else", e);
                    }
                });
        return letters;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
