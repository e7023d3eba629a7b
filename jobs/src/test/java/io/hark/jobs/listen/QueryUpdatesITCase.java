// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.embedded.SharedServers;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.TestMentions;
import io.hark.jobs.kafka.CheckedProducer;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.queries.QueryDefinition;
import io.hark.queries.control.QueryControlJson;
import io.hark.queries.control.QueryStatus;
import io.hark.schema.AvroCodec;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The listen job running on a MiniCluster while its queries change through the query topic: an
 * added query starts matching, a changed one matches its new text, an invalid update is rejected on
 * the status topic with the old version still matching, and a removed one stops matching, all
 * without a restart.
 */
class QueryUpdatesITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private int next;

    @Test
    void queryChangesTakeEffectWhileTheJobRuns() throws Exception {
        String run = "queries-it-" + System.nanoTime();
        SharedServers.kafka()
                .createTopics(
                        Map.of(
                                run + ".mentions",
                                2,
                                run + ".enriched",
                                1,
                                run + ".dead-letters",
                                1));
        ListenOptions options =
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                run, "--checkpoint-interval", "2s", "--parallelism", "2"),
                        Map.of());
        QueryCatalog.ensureTopics(
                options.kafka(), options.queryTopic(), options.queryStatusTopic());
        QueryCatalog.sync(
                options.kafka(),
                options.queryTopic(),
                List.of(new QueryDefinition("coffee", "Coffee", "brewhaus", "coffee")));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        HarkMiniCluster.limitRestarts(env);
        JobClient job = ListenJob.start(env, options);
        try {
            send(options, "Brewhaus oat latte is back", "BlueJet lost my bag again");
            Map<String, List<String>> matched = awaitEnriched(options, found -> found.size() >= 1);
            assertThat(matched).containsOnlyKeys("Brewhaus oat latte is back");

            QueryCatalog.sync(
                    options.kafka(),
                    options.queryTopic(),
                    List.of(
                            new QueryDefinition(
                                    "coffee", "Coffee", "brewhaus OR \"kettle and co\"", "coffee"),
                            new QueryDefinition("airlines", "Airlines", "bluejet", "airlines")));
            awaitStatus(options, "airlines", QueryStatus.ACTIVE);
            send(options, "BlueJet found my bag", "Kettle and Co chai cloud");
            matched = awaitEnriched(options, found -> found.size() >= 3);
            assertThat(matched)
                    .containsEntry("BlueJet found my bag", List.of("airlines"))
                    .containsEntry("Kettle and Co chai cloud", List.of("coffee"));

            sendControl(options, "airlines", "{\"id\":\"airlines\",\"query\":\"bluejet AND\"}");
            QueryStatus rejected = awaitStatus(options, "airlines", QueryStatus.REJECTED);
            assertThat(rejected.error()).contains("position");
            assertThat(rejected.query()).isEqualTo("bluejet");

            QueryCatalog.sync(
                    options.kafka(),
                    options.queryTopic(),
                    List.of(new QueryDefinition("coffee", "Coffee", "brewhaus", "coffee")));
            awaitStatus(options, "airlines", QueryStatus.REMOVED);
            send(options, "BlueJet upgraded me", "Brewhaus queue is long");
            matched = awaitEnriched(options, found -> found.containsKey("Brewhaus queue is long"));
            assertThat(matched).doesNotContainKey("BlueJet upgraded me").hasSize(4);
        } finally {
            job.cancel().get();
        }
    }

    private void send(ListenOptions options, String... texts) {
        try (MentionProducer producer =
                new MentionProducer(
                        options.kafka(), options.inputTopic(), options.deadLetterTopic())) {
            for (String text : texts) {
                Mention mention = TestMentions.mention(next++, Instant.now());
                mention.setText(text);
                mention.setHashtags(List.of());
                producer.send(mention);
            }
        }
    }

    private static void sendControl(ListenOptions options, String queryId, String json) {
        try (CheckedProducer producer =
                new CheckedProducer(options.kafka(), "queries-it", new Properties())) {
            producer.send(
                    new ProducerRecord<>(
                            options.queryTopic(),
                            queryId.getBytes(StandardCharsets.UTF_8),
                            json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Text to matched query ids of every enriched mention, once {@code done} holds for them. */
    private static Map<String, List<String>> awaitEnriched(
            ListenOptions options, Predicate<Map<String, List<String>>> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Map<String, List<String>> found = new HashMap<>();
            TopicReader.readAll(
                    options.kafka(),
                    options.enrichedTopic(),
                    record -> {
                        try {
                            EnrichedMention enriched =
                                    AvroCodec.ENRICHED_MENTION.decode(record.value());
                            found.put(
                                    enriched.getMention().getText(),
                                    List.copyOf(enriched.getMatchedQueries()));
                        } catch (AvroCodec.UndecodableException e) {
                            throw new AssertionError(e);
                        }
                    });
            if (done.test(found) || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(500);
        }
    }

    private static QueryStatus awaitStatus(ListenOptions options, String queryId, String state)
            throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            List<QueryStatus> statuses = new ArrayList<>();
            TopicReader.readAll(
                    options.kafka(),
                    options.queryStatusTopic(),
                    record ->
                            statuses.add(
                                    QueryControlJson.statusFromJson(
                                            new String(record.value(), StandardCharsets.UTF_8))));
            for (QueryStatus status : statuses) {
                if (status.queryId().equals(queryId) && status.state().equals(state)) {
                    return status;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "no status " + state + " for query " + queryId + " within " + PATIENCE);
    }
}
