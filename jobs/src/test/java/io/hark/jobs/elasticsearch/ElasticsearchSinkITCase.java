// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hark.embedded.SharedServers;
import io.hark.jobs.HarkMiniCluster;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.KafkaDeadLetters;
import io.hark.jobs.kafka.TopicReader;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
