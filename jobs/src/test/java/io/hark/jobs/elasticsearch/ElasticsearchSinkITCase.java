// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hark.embedded.SharedServers;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.KafkaDeadLetters;
import io.hark.jobs.kafka.TopicReader;
import io.hark.report.ElasticsearchJson;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sink against a real Elasticsearch: templates installed, ids overwrite, refused documents
 * dead-lettered.
 */
class ElasticsearchSinkITCase {
    @RegisterExtension static final MiniClusterExtension FLINK = HarkMiniCluster.extension();

    /** "id|json" lines into the day index of a fixed date. */
    record LineDocuments(IndexTemplates indices) implements ElementConverter<String, IndexRequest> {
        @Override
        public IndexRequest apply(String line, SinkWriter.Context context) {
            int bar = line.indexOf('|');
            return new IndexRequest(
                    indices.mentionsIndex(Instant.parse("2026-11-01T00:00:00Z")),
                    line.substring(0, bar),
                    line.substring(bar + 1).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void indexesOverwritesByIdAndDeadLettersRefusedDocuments() throws Exception {
        String run = "sink-it-" + System.nanoTime();
        String deadLetters = run + ".dead-letters";
        SharedServers.kafka().createTopics(Map.of(deadLetters, 1));
        KafkaConnection kafka = KafkaConnection.of(SharedServers.kafka().bootstrapServers());
        ElasticsearchConnection elasticsearch =
                ElasticsearchConnection.of(SharedServers.elasticsearch().httpUrl());
        IndexTemplates indices = new IndexTemplates(run);

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(
                    "x:"
                            + i
                            + "|{\"id\":\""
                            + i
                            + "\",\"created_at\":\"2026-11-01T10:00:00Z\",\"text\":\"ok "
                            + i
                            + "\"}");
        }
        lines.add("x:bad-date|{\"id\":\"bad-date\",\"created_at\":\"not a date\",\"text\":\"t\"}");
        lines.add(
                "x:bad-count|{\"id\":\"bad-count\",\"created_at\":\"2026-11-01T10:00:00Z\",\"author\":{\"followers_count\":\"many\"}}");

        for (int attempt = 0; attempt < 2; attempt++) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromData(lines)
                    .sinkTo(
                            new ElasticsearchSink<>(
                                    new LineDocuments(indices),
                                    elasticsearch,
                                    indices,
                                    new KafkaDeadLetters(kafka, deadLetters),
                                    ElasticsearchSinkOptions.DEFAULTS));
            env.execute("sink-it");
            assertThat(IndexCounts.count(elasticsearch, indices.mentionsAlias())).isEqualTo(50);
        }

        List<DeadLetter> refused = new ArrayList<>();
        TopicReader.readAll(
                kafka,
                deadLetters,
                record -> {
                    try {
                        refused.add(AvroCodec.DEAD_LETTER.decode(record.value()));
                    } catch (AvroCodec.UndecodableException e) {
                        throw new AssertionError(e);
                    }
                });
        assertThat(refused).hasSize(4);
        assertThat(refused)
                .allSatisfy(
                        letter -> {
                            assertThat(letter.getStage()).isEqualTo("index");
                            assertThat(letter.getReason()).isEqualTo("document_parsing_exception");
                            assertThat(letter.getDetail())
                                    .startsWith("index " + run + "-mentions-2026.11.01: 400");
                        });
        assertThat(refused)
                .extracting(DeadLetter::getMentionId)
                .containsOnly("x:bad-date", "x:bad-count");
        assertThat(refused.get(0).getPayloadText()).contains("\"created_at\"");
    }

    /**
     * Three documents updated 200 times each, in bulk requests of ten large documents, one request
     * at a time: each ends as its last update, as a window's metrics must end as its latest count.
     * With four requests in flight, one run in ten of this test on an idle machine ended with every
     * document at an earlier update (594, 595 and 593 for 597, 598 and 599).
     */
    @Test
    void updatesOfADocumentSentOneRequestAtATimeLandInTheOrderTheyWereMade() throws Exception {
        String run = "sink-order-it-" + System.nanoTime();
        ElasticsearchConnection elasticsearch =
                ElasticsearchConnection.of(SharedServers.elasticsearch().httpUrl());
        IndexTemplates indices = new IndexTemplates(run);
        // large documents keep each bulk request busy long enough for the next to overtake it
        String filler = " word".repeat(10_000);
        List<String> updates = new ArrayList<>();
        Map<String, String> last = new TreeMap<>();
        for (int update = 0; update < 600; update++) {
            String id = "x:" + update % 3;
            String text = "update " + update;
            updates.add(
                    id
                            + "|{\"id\":\""
                            + id
                            + "\",\"created_at\":\"2026-11-01T10:00:00Z\",\"text\":\""
                            + text
                            + filler
                            + "\"}");
            last.put(id, text);
        }
        ElasticsearchSinkOptions fourInFlight =
                new ElasticsearchSinkOptions(
                        10, 5L << 20, 4, 1_000, Duration.ofMillis(10), Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(updates)
                .sinkTo(
                        new ElasticsearchSink<>(
                                new LineDocuments(indices),
                                elasticsearch,
                                indices,
                                new KafkaDeadLetters(
                                        KafkaConnection.of(
                                                SharedServers.kafka().bootstrapServers()),
                                        run + ".dead-letters"),
                                fourInFlight.oneRequestAtATime()));
        env.execute("sink-order-it");

        Map<String, String> indexed = new TreeMap<>();
        try (ElasticsearchJson json = elasticsearch.json()) {
            json.refresh(indices.mentionsAlias());
            json.search(
                            indices.mentionsAlias(),
                            new ObjectMapper().readTree("{\"size\":10,\"_source\":[\"text\"]}"))
                    .path("hits")
                    .path("hits")
                    .forEach(
                            hit ->
                                    indexed.put(
                                            hit.path("_id").asText(),
                                            hit.path("_source")
                                                    .path("text")
                                                    .asText()
                                                    .replaceFirst("^(update [0-9]+).*", "$1")));
        }
        assertThat(indexed).isEqualTo(last);
    }
}
