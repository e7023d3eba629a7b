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
import io.hark.jobs.TestMentions;
import io.hark.jobs.Topics;
import io.hark.jobs.kafka.CheckedProducer;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.queries.QueryDefinition;
import io.hark.schema.Alert;
import io.hark.schema.AlertState;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.MetricScope;
import io.hark.schema.Mention;
import io.hark.schema.Platform;
import io.hark.schema.Sentiment;
import io.hark.schema.SentimentLabel;
import io.hark.schema.WindowMetrics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
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
  @RegisterExtension
  static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

  private static final Instant START = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
  private static final Duration HISTORY = Duration.ofHours(36);
  private static final Instant BURST = START.plus(Duration.ofHours(30));
  private static final List<String> BRANDS = List.of("acme", "globex", "initech");
  private static final int PER_MINUTE = 6;

  @Test
  void aNegativeBurstForOneBrandIsOneAlertEpisodeForThatBrandOnly(@TempDir Path dir) throws Exception {
    String run = "metrics-it-" + System.nanoTime();
    KafkaConnection kafka = KafkaConnection.of(SharedServers.kafka().bootstrapServers());
    SharedServers.kafka().createTopics(Map.of(run + ".enriched", 2));
    QueryCatalog.ensureTopics(kafka, run + ".queries", run + ".status");
    QueryCatalog.sync(kafka, run + ".queries", BRANDS.stream()
        .map(brand -> new QueryDefinition(brand, brand, brand, "rivals")).toList());
    Map<String, Long> acmeMinute = produce(kafka, run + ".enriched");

    List<String> webhook = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      webhook.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    Path notifiers = Files.writeString(dir.resolve("notifiers.yaml"), """
        groups:
          rivals:
            - type: webhook
              url: http://127.0.0.1:%d/hook
        """.formatted(server.getAddress().getPort()));

    MetricsOptions options = MetricsOptions.parse(List.of(
        "--bootstrap", kafka.bootstrapServers(), "--enriched-topic", run + ".enriched",
        "--query-topic", run + ".queries", "--group-id", run, "--starting-offsets", "earliest", "--bounded",
        "--notifiers", notifiers.toString(), "--checkpoint-interval", "5s"), Map.of());
    CollectingSink<WindowMetrics> metrics = new CollectingSink<>(run + ".metrics");
    CollectingSink<Alert> alerts = new CollectingSink<>(run + ".alerts");
    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>(run + ".dead-letters");
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      MetricsJob.configure(env, options);
      HarkMiniCluster.limitRestarts(env);
      QueryCatalog catalog = QueryCatalog.read(kafka, options.queryTopic());
      MetricsPipeline.define(env, new MetricsSources(
              JobWiring.source(kafka, options.enrichedTopic(), run, StartingOffsets.EARLIEST, true,
                  new Topics.IncomingEnrichedMentionDeserializer()),
              JobWiring.queryUpdates(kafka, options.queryTopic(), run, catalog, true),
              catalog.queries()),
          new MetricsSinks(metrics, alerts, new CollectingSink<>(run + ".alert-index"),
              MetricsJob.sinks(options).notifications(), deadLetters),
          options);
      env.execute("metrics-it");
    } finally {
      server.stop(0);
    }

    Map<String, List<Alert>> episodes = alerts.received().stream().collect(Collectors.groupingBy(Alert::getAlertId));
    assertThat(alerts.received()).as("alerts: %s", alerts.received().stream().map(Alert::getSummary).toList())
        .extracting(Alert::getQueryId).containsOnly("acme");
    assertThat(episodes).hasSize(1);
    List<Alert> steps = episodes.values().iterator().next();
    assertThat(steps.get(0).getState()).isEqualTo(AlertState.opened);
    assertThat(steps.get(steps.size() - 1).getState()).isEqualTo(AlertState.resolved);
    Alert opened = steps.get(0);
    assertThat(opened.getWindowStart()).isBetween(BURST, BURST.plus(Duration.ofMinutes(3)));
    assertThat(opened.getActual()).isGreaterThan(opened.getUpper());
    assertThat(opened.getTopNegativePosts()).isNotEmpty();
    assertThat(opened.getOverRepresentedTerms()).extracting(t -> t.getTerm()).contains("lost baggage");
    assertThat(opened.getKibanaUrl()).contains("matched_queries").contains("acme");
    assertThat(opened.getReplay()).isFalse();

    List<JsonNode> delivered = webhook.stream().map(MetricsPipelineITCase::json).toList();
    assertThat(delivered).extracting(node -> node.get("state").asText()).startsWith("opened").endsWith("resolved");
    assertThat(delivered).extracting(node -> node.get("alert_id").asText()).containsOnly(opened.getAlertId());

    Map<String, Long> counted = metrics.received().stream()
        .filter(window -> window.getScope() == MetricScope.query && window.getKey().equals("acme"))
        .collect(Collectors.toMap(window -> window.getWindowStart().toString(), WindowMetrics::getVolume,
            (first, replaced) -> replaced));
    assertThat(counted).isEqualTo(acmeMinute);
    assertThat(metrics.received()).filteredOn(window -> window.getScope() == MetricScope.query)
        .allSatisfy(window -> assertThat(window.getShareOfVoice()).isBetween(0.0, 1.0));
    assertThat(deadLetters.received()).isEmpty();
  }

  /** Sends the stream; returns how many acme mentions each minute holds. */
  private static Map<String, Long> produce(KafkaConnection kafka, String topic) {
    Random random = new Random(42);
    Map<String, Long> acme = new java.util.HashMap<>();
    int n = 0;
    try (CheckedProducer producer = new CheckedProducer(kafka, "metrics-it", new Properties())) {
      for (long minute = 0; minute < HISTORY.toMinutes(); minute++) {
        Instant at = START.plus(Duration.ofMinutes(minute));
        boolean burst = !at.isBefore(BURST) && at.isBefore(BURST.plus(Duration.ofMinutes(10)));
        for (String brand : BRANDS) {
          int count = poisson(random, PER_MINUTE) + (burst && brand.equals("acme") ? 60 : 0);
          for (int i = 0; i < count; i++) {
            boolean angry = burst && brand.equals("acme") ? i >= count - 60 : random.nextDouble() < 0.15;
            EnrichedMention mention = mention(n++, brand, at.plusMillis(random.nextInt(60_000)), angry);
            producer.send(new ProducerRecord<>(topic, Topics.mentionKey(mention.getMention()).getBytes(StandardCharsets.UTF_8),
                AvroCodec.ENRICHED_MENTION.encode(mention)));
            if (brand.equals("acme")) {
              acme.merge(at.toString(), 1L, Long::sum);
            }
          }
        }
      }
    }
    return acme;
  }

  private static EnrichedMention mention(int n, String brand, Instant at, boolean angry) {
    Mention mention = TestMentions.mention(n, at);
    mention.setPlatform(Platform.x);
    mention.getAuthor().setFollowersCount((long) Math.exp(3 + 4 * ((n * 2654435761L) % 1000) / 1000.0));
    mention.setText(angry ? brand + " lost my baggage again, furious" : "using " + brand + " today");
    return EnrichedMention.newBuilder()
        .setMention(mention)
        .setMatchedQueries(List.of(brand))
        .setMatchedGroups(List.of("rivals"))
        .setSentiment(new Sentiment(angry ? SentimentLabel.negative : SentimentLabel.neutral, angry ? -0.8 : 0.0, 0.9, "test"))
        .setTopics(angry ? List.of("lost baggage", brand) : List.of(brand, "today"))
        .setEnrichedAt(at)
        .build();
  }

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  private static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (Exception e) {
      throw new AssertionError("webhook body is not JSON: " + body, e);
    }
  }
}
