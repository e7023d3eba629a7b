// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.labels;

import io.hark.jobs.kafka.CheckedProducer;
import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.kafka.KafkaTopics;
import io.hark.jobs.kafka.TopicReader;
import io.hark.schema.SentimentCorrection;
import io.hark.schema.SentimentLabel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysts' labels held by the labels topic ({@link io.hark.jobs.Topics#SENTIMENT_LABELS}),
 * read from its beginning to its end: what a job starts with, the latest label per mention.
 *
 * @param endOffsets where the job's label stream picks up, so no label is missed or applied twice
 */
public record SentimentLabels(
        Map<String, SentimentLabel> labels, Map<TopicPartition, Long> endOffsets) {
    private static final Logger LOG = LoggerFactory.getLogger(SentimentLabels.class);

    public static SentimentLabels read(KafkaConnection kafka, String topic) {
        ensureTopic(kafka, topic);
        Map<String, SentimentLabel> labels = new HashMap<>();
        Map<TopicPartition, Long> end =
                TopicReader.readToEnd(
                        kafka,
                        topic,
                        record ->
                                decode(
                                        record,
                                        correction -> {
                                            if (correction.isRemoval()) {
                                                labels.remove(correction.mentionId());
                                            } else {
                                                labels.put(
                                                        correction.mentionId(), correction.label());
                                            }
                                        }));
        return new SentimentLabels(labels, end);
    }

    /**
     * Creates the labels topic if missing: compacted, so the latest label of every mention is kept
     * for ever.
     */
    public static void ensureTopic(KafkaConnection kafka, String topic) {
        KafkaTopics.ensure(
                kafka,
                List.of(KafkaTopics.single(topic).configs(Map.of("cleanup.policy", "compact"))));
    }

    /**
     * Sends the corrections (a removal as a tombstone, which compaction then drops with the label)
     * and waits until the brokers have them all.
     */
    public static void publish(
            KafkaConnection kafka, String topic, List<SentimentCorrection> corrections) {
        ensureTopic(kafka, topic);
        try (CheckedProducer producer =
                new CheckedProducer(kafka, "hark-labels", new Properties())) {
            for (SentimentCorrection correction : corrections) {
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                correction.mentionId().getBytes(StandardCharsets.UTF_8),
                                correction.isRemoval()
                                        ? null
                                        : correction
                                                .label()
                                                .name()
                                                .getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /**
     * The labels sent after {@link #read}: unbounded for the live job; for a replay, none (it
     * applies the labels it started with, the same from start to end).
     */
    public KafkaSource<SentimentCorrection> updates(
            KafkaConnection kafka, String topic, String groupId, boolean live) {
        KafkaSourceBuilder<SentimentCorrection> builder =
                KafkaSource.<SentimentCorrection>builder()
                        .setProperties(kafka.properties())
                        .setTopics(topic)
                        .setGroupId(groupId + "-labels")
                        .setStartingOffsets(OffsetsInitializer.offsets(endOffsets))
                        .setDeserializer(new Deserializer());
        if (!live) {
            builder.setBounded(OffsetsInitializer.offsets(endOffsets))
                    .setProperty("commit.offsets.on.checkpoint", "false");
        }
        return builder.build();
    }

    /**
     * A tombstone removes its mention's label. A record that is neither a label nor a removal (no
     * key, a bad key or value) is logged and skipped: it must not stop the job.
     */
    static void decode(ConsumerRecord<byte[], byte[]> record, Consumer<SentimentCorrection> each) {
        if (record.key() == null) {
            LOG.warn(
                    "skipped a record without key at {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        try {
            String mentionId = new String(record.key(), StandardCharsets.UTF_8);
            each.accept(
                    record.value() == null
                            ? SentimentCorrection.removal(mentionId)
                            : SentimentCorrection.of(
                                    mentionId, new String(record.value(), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "skipped the label at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    static final class Deserializer
            implements KafkaRecordDeserializationSchema<SentimentCorrection> {
        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<SentimentCorrection> out) {
            decode(record, out::collect);
        }

        @Override
        public TypeInformation<SentimentCorrection> getProducedType() {
            return TypeInformation.of(SentimentCorrection.class);
        }
    }
}
