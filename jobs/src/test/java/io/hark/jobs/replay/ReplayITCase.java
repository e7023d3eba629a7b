// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hark.analytics.backtest.BacktestScore;
import io.hark.analytics.backtest.Episode;
import io.hark.analytics.backtest.Incident;
import io.hark.analytics.backtest.Score;
import io.hark.analytics.detect.AlertRules;
import io.hark.embedded.SharedServers;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.TestMentions;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.listen.ListenJob;
import io.hark.jobs.listen.ListenOptions;
import io.hark.jobs.listen.ListenTestRun;
import io.hark.jobs.metrics.BrandStream;
import io.hark.jobs.metrics.MetricsJob;
import io.hark.jobs.metrics.MetricsOptions;
import io.hark.jobs.metrics.MetricsTestRun;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.schema.Mention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays against live runs on the real embedded Kafka and Elasticsearch: what the live jobs
 * indexed, a replay (from their archive, or from Kafka without NLP) indexes again in its own
 * namespace, the same documents, metric windows and alert episodes; a replay run twice leaves the
 * same counts; a backtest finds the injected incident with its delay, and a deaf setting misses it.
 */
class ReplayITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    /** Written by the jobs at run time, so never the same twice. */
    private static final List<String> PROCESSING_TIME_FIELDS =
            List.of("enriched_at", "updated_at", "emitted_at");

    @Test
    void aReplayFromTheArchiveIndexesWhatTheLiveJobsIndexed(@TempDir Path dir) throws Exception {
        String run = "replay-it-" + System.nanoTime();
        // one partition and one subtask: the live job sees the mentions in time order, as a replay
        // (sorted by
        // time) does, so first copies, reposts and bursts are the same ones (see README: Replays)
        SharedServers.kafka()
                .createTopics(
                        Map.of(
                                run + ".mentions",
                                1,
                                run + ".enriched",
                                2,
                                run + ".dead-letters",
                                1,
                                run + ".alerts",
                                1));
        Path queries = Files.writeString(dir.resolve("queries.yaml"), TestMentions.QUERIES);
        Path archive = dir.resolve("archive");
        List<String> connection =
                List.of(
                        "--bootstrap",
                        SharedServers.kafka().bootstrapServers(),
                        "--es",
                        SharedServers.elasticsearch().httpUrl(),
                        "--query-topic",
                        run + ".queries");
        ListenOptions listen =
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                run,
                                "--queries",
                                queries.toString(),
                                "--parallelism",
                                "1",
                                "--bounded",
                                "--checkpoint-interval",
                                "2s",
                                "--archive",
                                archive.toString()),
                        Map.of());
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        int mentions = produceMentions(listen, start);

        StreamExecutionEnvironment live = environment();
        ListenJob.define(live, listen);
        live.execute("replay-it-listen");
        MetricsOptions metrics =
                MetricsOptions.parse(
                        MetricsTestRun.arguments(
                                run,
                                run,
                                "--group-id",
                                run + "-metrics",
                                "--bounded",
                                "--checkpoint-interval",
                                "2s"),
                        Map.of());
        StreamExecutionEnvironment liveMetrics = environment();
        MetricsJob.define(liveMetrics, metrics);
        liveMetrics.execute("replay-it-metrics");

        ReplayOptions replay =
                ReplayOptions.parse(
                        with(
                                connection,
                                "--name",
                                "again",
                                "--index-prefix",
                                run,
                                "--archive",
                                archive.toString(),
                                "--dead-letter-topic",
                                run + ".replay-dead-letters"),
                        Map.of());
        assertThat(ReplayInput.of(replay).total()).isEqualTo(mentions);
        replayToCompletion(replay);

        ElasticsearchConnection es = listen.elasticsearch();
        Map<String, JsonNode> liveMentions = documents(es, run + "-mentions");
        assertThat(liveMentions).hasSizeGreaterThan(mentions / 2);
        assertSameDocuments(documents(es, run + "-replay-again-mentions"), liveMentions);
        Map<String, JsonNode> liveWindows = documents(es, run + "-metrics");
        assertThat(liveWindows).isNotEmpty();
        assertSameDocuments(documents(es, run + "-replay-again-metrics"), liveWindows);
        assertSameDocuments(
                documents(es, run + "-replay-again-alerts"),
                markedReplay(documents(es, run + "-alerts")));

        replayToCompletion(replay);
        assertThat(IndexCounts.count(es, run + "-replay-again-mentions"))
                .isEqualTo(liveMentions.size());
        assertThat(IndexCounts.count(es, run + "-replay-again-metrics"))
                .isEqualTo(liveWindows.size());
        assertSameDocuments(documents(es, run + "-replay-again-mentions"), liveMentions);
    }

    @Test
    void aReplayWithoutNlpFindsTheLiveAlertEpisodesAndABacktestScoresThem() throws Exception {
        String run = "replay-alerts-it-" + System.nanoTime();
        SharedServers.kafka()
                .createTopics(
                        Map.of(run + ".enriched", 2, run + ".dead-letters", 1, run + ".alerts", 1));
        KafkaConnection kafka = KafkaConnection.of(SharedServers.kafka().bootstrapServers());
        QueryCatalog.ensureTopics(kafka, run + ".queries", run + ".status");
        QueryCatalog.sync(kafka, run + ".queries", BrandStream.queries());
        Instant sent = Instant.now().minusSeconds(1);
        new BrandStream().sendUntil(kafka, run + ".enriched", BrandStream.HISTORY);
        List<String> connection =
                List.of(
                        "--bootstrap",
                        kafka.bootstrapServers(),
                        "--es",
                        SharedServers.elasticsearch().httpUrl(),
                        "--query-topic",
                        run + ".queries",
                        "--enriched-topic",
                        run + ".enriched");

        MetricsOptions metrics =
                MetricsOptions.parse(
                        with(
                                connection,
                                "--dead-letter-topic",
                                run + ".dead-letters",
                                "--alert-topic",
                                run + ".alerts",
                                "--group-id",
                                run,
                                "--index-prefix",
                                run,
                                "--starting-offsets",
                                "earliest",
                                "--bounded",
                                "--checkpoint-interval",
                                "5s"),
                        Map.of());
        StreamExecutionEnvironment live = environment();
        MetricsJob.define(live, metrics);
        live.execute("replay-alerts-it-live");

        ReplayOptions replay =
                ReplayOptions.parse(
                        with(
                                connection,
                                "--name",
                                "no-nlp",
                                "--index-prefix",
                                run,
                                "--skip-nlp",
                                "--from",
                                sent.toString(),
                                "--dead-letter-topic",
                                run + ".replay-dead-letters"),
                        Map.of());
        replayToCompletion(replay);

        ElasticsearchConnection es = metrics.elasticsearch();
        Map<String, JsonNode> liveAlerts = documents(es, run + "-alerts");
        assertThat(liveAlerts).hasSize(1);
        assertThat(liveAlerts.values().iterator().next().get("query_id").asText())
                .isEqualTo("acme");
        assertThat(IndexCounts.count(es, run + "-replay-no-nlp-mentions"))
                .isEqualTo(TopicReader.size(kafka, run + ".enriched"));
        assertSameDocuments(
                documents(es, run + "-replay-no-nlp-metrics"), documents(es, run + "-metrics"));
        Map<String, JsonNode> replayedAlerts = documents(es, run + "-replay-no-nlp-alerts");
        assertSameDocuments(replayedAlerts, markedReplay(liveAlerts));

        Incident burst =
                new Incident(
                        "acme",
                        BrandStream.BURST,
                        BrandStream.BURST.plus(BrandStream.BURST_LENGTH));
        AlertRules deaf = new AlertRules("deaf", Map.of("min_volume", "1000000"));
        Map<String, List<Episode>> episodes =
                Backtest.run(
                        environment(),
                        replay,
                        ReplayInput.of(replay),
                        List.of(AlertRules.defaults(), deaf),
                        run);
        Score shipped =
                BacktestScore.score(episodes.get("default"), List.of(burst), Duration.ofMinutes(5));
        assertThat(shipped.recall()).isEqualTo(1.0);
        assertThat(shipped.precision()).isEqualTo(1.0);
        assertThat(shipped.maxDelay()).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(3));
        assertThat(episodes.get("default").get(0).opened())
                .as("the end of the episode's first window")
                .isEqualTo(
                        Instant.parse(
                                        replayedAlerts
                                                .values()
                                                .iterator()
                                                .next()
                                                .get("episode_start")
                                                .asText())
                                .plus(Duration.ofMinutes(1)));
        assertThat(
                        BacktestScore.score(
                                        episodes.get("deaf"), List.of(burst), Duration.ofMinutes(5))
                                .recall())
                .isZero();
    }

    private static StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        HarkMiniCluster.limitRestarts(env);
        return env;
    }

    private static void replayToCompletion(ReplayOptions replay) throws Exception {
        StreamExecutionEnvironment env = environment();
        ReplayJob.define(env, replay, ReplayInput.of(replay), "test");
        env.execute("replay-it");
    }

    private static List<String> with(List<String> connection, String... more) {
        List<String> args = new ArrayList<>(connection);
        args.addAll(List.of(more));
        return args;
    }

    /**
     * Mentions in time order over five hours, every text repeated (copies), some reposts; returns
     * how many.
     */
    private static int produceMentions(ListenOptions options, Instant start) {
        int count = 600;
        try (MentionProducer producer =
                new MentionProducer(
                        options.kafka(), options.inputTopic(), options.deadLetterTopic())) {
            for (int n = 0; n < count; n++) {
                Mention mention = TestMentions.mention(n, start.plusSeconds(n * 30L));
                if (n % 10 == 9) {
                    mention.setRepostOfId(TestMentions.mention(n - 3, start).getId());
                    mention.setText(TestMentions.mention(n - 3, start).getText());
                }
                producer.send(mention);
            }
        }
        return count;
    }

    /** Every document of {@code alias} by id, without the fields a run writes from its clock. */
    private static Map<String, JsonNode> documents(ElasticsearchConnection es, String alias)
            throws Exception {
        IndexCounts.count(es, alias);
        ElasticsearchAsyncClient client = es.asyncClient();
        try {
            SearchResponse<JsonNode> response =
                    client.search(
                                    search ->
                                            search.index(alias)
                                                    .size(10_000)
                                                    .allowNoIndices(true)
                                                    .ignoreUnavailable(true)
                                                    .trackTotalHits(total -> total.enabled(true)),
                                    JsonNode.class)
                            .get();
            assertThat(response.hits().hits()).hasSize((int) response.hits().total().value());
            Map<String, JsonNode> documents = new TreeMap<>();
            for (Hit<JsonNode> hit : response.hits().hits()) {
                ObjectNode source = (ObjectNode) hit.source();
                PROCESSING_TIME_FIELDS.forEach(source::remove);
                documents.put(hit.id(), source);
            }
            return documents;
        } finally {
            client._transport().close();
        }
    }

    private static void assertSameDocuments(
            Map<String, JsonNode> replayed, Map<String, JsonNode> live) {
        assertThat(replayed.keySet()).isEqualTo(live.keySet());
        live.forEach(
                (id, document) ->
                        assertThat(replayed.get(id)).as("document %s", id).isEqualTo(document));
    }

    /** The live alerts as a replay records them. */
    private static Map<String, JsonNode> markedReplay(Map<String, JsonNode> alerts) {
        Map<String, JsonNode> marked = new HashMap<>();
        alerts.forEach(
                (id, alert) -> marked.put(id, ((ObjectNode) alert.deepCopy()).put("replay", true)));
        return new TreeMap<>(marked);
    }
}
