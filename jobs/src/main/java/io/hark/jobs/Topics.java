// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.schema.Alert;
import io.hark.schema.AvroCodec;
import io.hark.schema.DeadLetter;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import io.hark.schema.MentionIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Hark's Kafka topics, their default names and how their records are (de)serialized: values are
 * Avro single-object encoded ({@link AvroCodec}), keys are the mention's {@code platform:id}.
 */
public final class Topics {
    /** Raw mentions from the ingest connectors (Avro {@link Mention}). */
    public static final String MENTIONS = "hark.mentions";

    /** Mentions with Hark's enrichment (Avro {@link EnrichedMention}). */
    public static final String ENRICHED_MENTIONS = "hark.mentions.enriched";

    /** Everything Hark could not process, with the reason (Avro {@link DeadLetter}). */
    public static final String DEAD_LETTERS = "hark.dead-letters";

    /** Every step of every alert episode (Avro {@link io.hark.schema.Alert}), keyed by alert id. */
    public static final String ALERTS = "hark.alerts";

    /**
     * Listening query definitions, JSON keyed by query id; compacted (see {@code QueryControl}).
     */
    public static final String QUERIES = "hark.queries";

    /**
     * Analysts' sentiment labels, keyed by mention id ({@code platform:id}), the label's name as
     * value; compacted (see {@code SentimentLabels}).
     */
    public static final String SENTIMENT_LABELS = "hark.sentiment-labels";

    /** What the listen job made of each query update, JSON keyed by query id; compacted. */
    public static final String QUERY_STATUS = "hark.queries.status";

    /** Partitions when Hark creates the mention topics itself (local mode, tests). */
    public static final Map<String, Integer> DEFAULT_PARTITIONS =
            Map.of(MENTIONS, 4, ENRICHED_MENTIONS, 4, DEAD_LETTERS, 1, ALERTS, 1);

    private Topics() {}

    public static TypeInformation<Either<DeadLetter, Mention>> incomingMentionType() {
        return new EitherTypeInfo<>(
                new AvroTypeInfo<>(DeadLetter.class), new AvroTypeInfo<>(Mention.class));
    }

    /*
     * Kafka record timestamps are left to the producer (the time of sending), never taken from the
     * data: brokers refuse timestamps far from their clock, which would turn a bad created_at into a
     * lost record instead of a dead letter, and arrival time keeps offsets-by-time lookups monotonic.
     */

    public static ProducerRecord<byte[], byte[]> mentionRecord(String topic, Mention mention) {
        return new ProducerRecord<>(
                topic,
                MentionIds.of(mention).getBytes(StandardCharsets.UTF_8),
                AvroCodec.MENTION.encode(mention));
    }

    public static ProducerRecord<byte[], byte[]> deadLetterRecord(
            String topic, DeadLetter deadLetter) {
        byte[] key =
                deadLetter.getMentionId() == null
                        ? null
                        : deadLetter.getMentionId().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, key, AvroCodec.DEAD_LETTER.encode(deadLetter));
    }

    /**
     * Decodes mentions; bytes that are not a mention become a {@link DeadLetter} (left) that keeps
     * the bytes and where they came from, so a bad record never fails the job.
     */
    public static final class IncomingMentionDeserializer
            implements KafkaRecordDeserializationSchema<Either<DeadLetter, Mention>> {
        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, Mention>> out) {
            try {
                out.collect(Either.Right(AvroCodec.MENTION.decode(record.value())));
            } catch (AvroCodec.UndecodableException e) {
                out.collect(Either.Left(undecodable(record, e)));
            }
        }

        @Override
        public TypeInformation<Either<DeadLetter, Mention>> getProducedType() {
            return incomingMentionType();
        }
    }

    /** A record that could not be decoded, with its bytes and where it came from. */
    static DeadLetter undecodable(
            ConsumerRecord<byte[], byte[]> record, AvroCodec.UndecodableException e) {
        return DeadLetter.newBuilder()
                .setPayload(
                        record.value() == null ? null : java.nio.ByteBuffer.wrap(record.value()))
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setStage("decode")
                .setReason("undecodable")
                .setDetail(e.getMessage())
                .setFailedAt(Instant.now())
                .build();
    }

    public static KafkaRecordSerializationSchema<EnrichedMention> enrichedMentionSerializer(
            String topic) {
        return (enriched, context, timestamp) -> {
            Mention mention = enriched.getMention();
            return new ProducerRecord<>(
                    topic,
                    MentionIds.of(mention).getBytes(StandardCharsets.UTF_8),
                    AvroCodec.ENRICHED_MENTION.encode(enriched));
        };
    }

    /** Keyed by alert id, so an episode's steps stay in order on one partition. */
    public static KafkaRecordSerializationSchema<Alert> alertSerializer(String topic) {
        return (alert, context, timestamp) ->
                new ProducerRecord<>(
                        topic,
                        alert.getAlertId().getBytes(StandardCharsets.UTF_8),
                        AvroCodec.ALERT.encode(alert));
    }

    /**
     * Decodes enriched mentions; bytes that are not one become a {@link DeadLetter} (left), as for
     * mentions, so a bad record never fails the job.
     */
    public static final class IncomingEnrichedMentionDeserializer
            implements KafkaRecordDeserializationSchema<Either<DeadLetter, EnrichedMention>> {
        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record,
                Collector<Either<DeadLetter, EnrichedMention>> out) {
            try {
                out.collect(Either.Right(AvroCodec.ENRICHED_MENTION.decode(record.value())));
            } catch (AvroCodec.UndecodableException e) {
                out.collect(Either.Left(undecodable(record, e)));
            }
        }

        @Override
        public TypeInformation<Either<DeadLetter, EnrichedMention>> getProducedType() {
            return new EitherTypeInfo<>(
                    new AvroTypeInfo<>(DeadLetter.class),
                    new AvroTypeInfo<>(EnrichedMention.class));
        }
    }

    public static KafkaRecordSerializationSchema<DeadLetter> deadLetterSerializer(String topic) {
        return (deadLetter, context, timestamp) -> deadLetterRecord(topic, deadLetter);
    }
}
