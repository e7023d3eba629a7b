// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.IndexedDocuments;
import io.hark.jobs.TestMentions;
import io.hark.jobs.elasticsearch.IndexCounts;
import io.hark.jobs.kafka.MentionProducer;
import io.hark.jobs.kafka.TopicReader;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The listen job on a MiniCluster against the real embedded Kafka and Elasticsearch: 1,000 mentions
 * in, some malformed in each way validation knows; every valid one is searchable once with its
 * sentiment, every bad one is a dead letter with the right reason, and a second run over the same
 * input leaves the same documents.
 */
class ListenJobITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    private static final int MAX_TEXT_CHARS = 2_000;
    private static final int VALID = 880;
    private static final Map<String, Integer> BAD =
            new TreeMap<>(
                    Map.of(
                            "undecodable", 40,
                            "missing_id", 15,
                            "missing_text", 15,
                            "missing_created_at", 15,
                            "text_too_long", 15,
                            "created_at_in_future", 20));

    @Test
    void indexesEveryValidMentionOnceAndDeadLettersEveryBadOne() throws Exception {
        String run = "listen-it-" + System.nanoTime();
        ListenTestRun.createTopics(run);
        Path queries =
                Files.writeString(Files.createTempFile("listen-it", ".yaml"), TestMentions.QUERIES);
        ListenOptions options =
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                run,
                                "--queries",
                                queries.toString(),
                                "--bounded",
                                "--max-text-chars",
                                String.valueOf(MAX_TEXT_CHARS),
                                "--checkpoint-interval",
                                "2s"),
                        Map.of());

        Set<String> validKeys = new HashSet<>();
        Set<String> nonEnglishKeys = new HashSet<>();
        produceInput(options, validKeys, nonEnglishKeys);

        runToCompletion(options);
        String alias = options.indices().mentionsAlias();
        assertThat(IndexCounts.count(options.elasticsearch(), alias)).isEqualTo(VALID);

        Map<String, JsonNode> documents = IndexedDocuments.byId(options.elasticsearch(), alias);
        assertThat(documents.keySet()).isEqualTo(validKeys);
        documents.forEach(
                (id, doc) -> {
                    assertThat(doc.get("topics")).as("topics of %s", id).isNotEmpty();
                    assertThat(doc.get("matched_queries")).as("queries of %s", id).isNotEmpty();
                    if (doc.get("text").asText().contains("Skyline Air")) {
                        assertThat(doc.get("matched_queries").toString()).contains("airlines");
                        assertThat(doc.get("matched_groups").toString()).contains("travel");
                    }
                    if (nonEnglishKeys.contains(id)) {
                        assertThat(doc.has("sentiment"))
                                .as("no sentiment guessed for %s", id)
                                .isFalse();
                        assertThat(doc.get("language").asText()).isEqualTo("es");
                    } else {
                        assertThat(doc.at("/sentiment/label").asText())
                                .as("sentiment of %s", id)
                                .isIn("negative", "neutral", "positive");
                        assertThat(doc.at("/sentiment/score").asDouble()).isBetween(-1.0, 1.0);
                        assertThat(doc.get("language").asText())
                                .as("language of %s", id)
                                .isIn("en", "und");
                    }
                });
        assertThat(documents.values())
                .filteredOn(doc -> doc.path("entities").size() > 0)
                .as("documents with entities")
                .hasSizeGreaterThan(VALID / 4);

        Map<String, Integer> reasons = new TreeMap<>();
        TopicReader.readAll(
                options.kafka(),
                options.deadLetterTopic(),
                record -> {
                    try {
                        DeadLetter letter = AvroCodec.DEAD_LETTER.decode(record.value());
                        reasons.merge(letter.getReason(), 1, Integer::sum);
                        if (letter.getReason().equals("undecodable")) {
                            assertThat(letter.getSourceTopic()).isEqualTo(options.inputTopic());
                            assertThat(letter.getSourceOffset()).isNotNull();
                            assertThat(letter.getPayload()).isNotNull();
                        }
                    } catch (AvroCodec.UndecodableException e) {
                        throw new AssertionError("dead letter topic holds something else", e);
                    }
                });
        assertThat(reasons).isEqualTo(BAD);
        assertThat(TopicReader.size(options.kafka(), options.enrichedTopic())).isEqualTo(VALID);

        runToCompletion(
                ListenOptions.parse(
                        ListenTestRun.arguments(
                                run,
                                "--group-id",
                                run + "-again",
                                "--bounded",
                                "--max-text-chars",
                                String.valueOf(MAX_TEXT_CHARS)),
                        Map.of()));
        assertThat(IndexCounts.count(options.elasticsearch(), alias)).isEqualTo(VALID);
        assertThat(IndexedDocuments.byId(options.elasticsearch(), alias).keySet())
                .isEqualTo(validKeys);
    }

    private static void runToCompletion(ListenOptions options) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ListenJob.configure(env, options);
        HarkMiniCluster.limitRestarts(env);
        ListenPipeline.define(env, ListenJob.sources(options), ListenJob.sinks(options), options);
        env.execute("listen-it");
    }

    private static void produceInput(
            ListenOptions options, Set<String> validKeys, Set<String> nonEnglishKeys) {
        Instant base = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(7);
        int n = 0;
        try (MentionProducer producer =
                new MentionProducer(
                        options.kafka(), options.inputTopic(), options.deadLetterTopic())) {
            for (int i = 0; i < VALID; i++) {
                Mention mention = TestMentions.mention(n++, base.plusSeconds(i * 120L));
                if (i % 20 == 0) {
                    mention.setLang("es");
                    mention.setText("El servicio de Skyline Air fue un desastre total");
                    nonEnglishKeys.add(MentionIds.of(mention));
                }
                validKeys.add(MentionIds.of(mention));
                producer.send(mention);
            }
            for (int i = 0; i < BAD.get("undecodable") / 2; i++) {
                byte[] garbage = new byte[1 + random.nextInt(200)];
                random.nextBytes(garbage);
                producer.sendRaw(null, garbage);
                byte[] whole = AvroCodec.MENTION.encode(TestMentions.mention(n++, base));
                producer.sendRaw(
                        null, Arrays.copyOf(whole, 10 + random.nextInt(whole.length - 20)));
            }
            sendBad(producer, BAD.get("missing_id"), n, base, mention -> mention.setId(""));
            n += 100;
            sendBad(producer, BAD.get("missing_text"), n, base, mention -> mention.setText(" \t "));
            n += 100;
            sendBad(
                    producer,
                    BAD.get("missing_created_at"),
                    n,
                    base,
                    mention -> mention.setCreatedAt(Instant.EPOCH));
            n += 100;
            sendBad(
                    producer,
                    BAD.get("text_too_long"),
                    n,
                    base,
                    mention -> mention.setText("a".repeat(MAX_TEXT_CHARS + 1)));
            n += 100;
            sendBad(
                    producer,
                    BAD.get("created_at_in_future"),
                    n,
                    base,
                    mention -> mention.setCreatedAt(Instant.now().plus(Duration.ofDays(2))));
        }
    }

    private static void sendBad(
            MentionProducer producer,
            int count,
            int firstId,
            Instant base,
            java.util.function.Consumer<Mention> spoil) {
        for (int i = 0; i < count; i++) {
            Mention mention = TestMentions.mention(1_000_000 + firstId + i, base);
            spoil.accept(mention);
            producer.send(mention);
        }
    }
}
