// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hark.embedded.SharedServers;
import io.hark.jobs.CollectingSink;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.JobWiring;
import io.hark.jobs.StartingOffsets;
import io.hark.jobs.Topics;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.DeadLetter;
import io.hark.schema.MetricScope;
import io.hark.schema.WindowMetrics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics pipeline on a MiniCluster over a day and a half of enriched mentions from the real
 * embedded Kafka: three brands at a steady rate, one of them hit by a 10-minute burst of angry
 * posts. Exactly one alert episode follows, for that brand, opened during the burst and resolved
 * after it, and its webhook receives both; the other brands stay quiet; window counts are exact.
 */
class MetricsPipelineITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    @Test
    void aNegativeBurstForOneBrandIsOneAlertEpisodeForThatBrandOnly(@TempDir Path dir)
            throws Exception {
        String run = "metrics-it-" + System.nanoTime();
        KafkaConnection kafka = KafkaConnection.of(SharedServers.kafka().bootstrapServers());
        SharedServers.kafka().createTopics(Map.of(run + ".enriched", 2));
        QueryCatalog.ensureTopics(kafka, run + ".queries", run + ".status");
        QueryCatalog.sync(kafka, run + ".queries", BrandStream.queries());
        BrandStream stream = new BrandStream();
        stream.sendUntil(kafka, run + ".enriched", BrandStream.HISTORY);
        Map<String, Long> acmeMinute = stream.acmePerMinute();

        List<String> webhook = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    webhook.add(
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.start();
        Path notifiers =
                Files.writeString(
                        dir.resolve("notifiers.yaml"),
                        """
        groups:
          rivals:
            - type: webhook
              url: http://127.0.0.1:%d/hook
        """
                                .formatted(server.getAddress().getPort()));

        MetricsOptions options =
                MetricsOptions.parse(
                        List.of(
                                "--bootstrap",
                                kafka.bootstrapServers(),
                                "--enriched-topic",
                                run + ".enriched",
                                "--query-topic",
                                run + ".queries",
                                "--group-id",
                                run,
                                "--starting-offsets",
                                "earliest",
                                "--bounded",
                                "--notifiers",
                                notifiers.toString(),
                                "--checkpoint-interval",
                                "5s"),
                        Map.of());
        CollectingSink<WindowMetrics> metrics = new CollectingSink<>(run + ".metrics");
        CollectingSink<Alert> alerts = new CollectingSink<>(run + ".alerts");
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>(run + ".dead-letters");
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            MetricsJob.configure(env, options);
            HarkMiniCluster.limitRestarts(env);
            QueryCatalog catalog = QueryCatalog.read(kafka, options.queryTopic());
            MetricsPipeline.define(
                    env,
                    new MetricsSources(
                            JobWiring.source(
                                    kafka,
                                    options.enrichedTopic(),
                                    run,
                                    StartingOffsets.EARLIEST,
                                    true,
                                    new Topics.IncomingEnrichedMentionDeserializer()),
                            JobWiring.queryUpdates(kafka, options.queryTopic(), run, catalog, true),
                            catalog.queries()),
                    new MetricsSinks(
                            metrics,
                            alerts,
                            new CollectingSink<>(run + ".alert-index"),
                            MetricsJob.sinks(options).notifications(),
                            deadLetters),
                    options);
            env.execute("metrics-it");
        } finally {
            server.stop(0);
        }

        Map<String, List<Alert>> episodes =
                alerts.received().stream().collect(Collectors.groupingBy(Alert::getAlertId));
        assertThat(alerts.received())
                .as("alerts: %s", alerts.received().stream().map(Alert::getSummary).toList())
                .extracting(Alert::getQueryId)
                .containsOnly("acme");
        assertThat(episodes).hasSize(1);
        List<Alert> steps = episodes.values().iterator().next();
        assertThat(steps.get(0).getState()).isEqualTo(AlertState.opened);
        assertThat(steps.get(steps.size() - 1).getState()).isEqualTo(AlertState.resolved);
        Alert opened = steps.get(0);
        assertThat(opened.getWindowStart())
                .isBetween(BrandStream.BURST, BrandStream.BURST.plus(Duration.ofMinutes(3)));
        assertThat(opened.getActual()).isGreaterThan(opened.getUpper());
        assertThat(opened.getTopNegativePosts()).isNotEmpty();
        assertThat(opened.getOverRepresentedTerms())
                .extracting(t -> t.getTerm())
                .contains("lost baggage");
        assertThat(opened.getKibanaUrl()).contains("matched_queries").contains("acme");
        assertThat(opened.getReplay()).isFalse();

        List<JsonNode> delivered = webhook.stream().map(MetricsPipelineITCase::json).toList();
        assertThat(delivered)
                .extracting(node -> node.get("state").asText())
                .startsWith("opened")
                .endsWith("resolved");
        assertThat(delivered)
                .extracting(node -> node.get("alert_id").asText())
                .containsOnly(opened.getAlertId());

        Map<String, Long> counted =
                metrics.received().stream()
                        .filter(
                                window ->
                                        window.getScope() == MetricScope.query
                                                && window.getKey().equals("acme"))
                        .collect(
                                Collectors.toMap(
                                        window -> window.getWindowStart().toString(),
                                        WindowMetrics::getVolume,
                                        (first, replaced) -> replaced));
        assertThat(counted).isEqualTo(acmeMinute);
        assertThat(metrics.received())
                .filteredOn(window -> window.getScope() == MetricScope.query)
                .allSatisfy(window -> assertThat(window.getShareOfVoice()).isBetween(0.0, 1.0));
        assertThat(deadLetters.received()).isEmpty();
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("webhook body is not JSON: " + body, e);
        }
    }
}
