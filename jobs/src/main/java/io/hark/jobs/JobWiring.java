// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.jobs.kafka.KafkaConnection;
import io.hark.jobs.queries.QueryCatalog;
import io.hark.jobs.queries.QueryControl;
import io.hark.queries.control.QueryUpdate;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What every Hark job's {@code main} wires the same way: checkpoints and restarts, Kafka sources
 * and sinks.
 */
public final class JobWiring {
    private JobWiring() {}

    /**
     * Checkpoints every {@code checkpointInterval}; restarts with exponential backoff from 1 s to 1
     * min; {@link #onlyEvolvableTypes only evolvable types}.
     */
    public static void configure(
            StreamExecutionEnvironment env, Integer parallelism, Duration checkpointInterval) {
        if (parallelism != null) {
            env.setParallelism(parallelism);
        }
        onlyEvolvableTypes(env);
        env.enableCheckpointing(checkpointInterval.toMillis());
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                Duration.ofSeconds(1));
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                Duration.ofMinutes(1));
        env.configure(restarts);
    }

    /**
     * A type Flink can only hand to Kryo fails the job when it is built, not a savepoint later: a
     * Kryo-serialized state cannot evolve with the class, so an upgrade could not restore it.
     */
    public static void onlyEvolvableTypes(StreamExecutionEnvironment env) {
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
    }

    /**
     * A source that commits its offsets on checkpoints; bounded ones stop at the end offsets seen
     * at start.
     */
    public static <T> KafkaSource<T> source(
            KafkaConnection kafka,
            String topic,
            String groupId,
            StartingOffsets start,
            boolean bounded,
            KafkaRecordDeserializationSchema<T> deserializer) {
        KafkaSourceBuilder<T> builder =
                KafkaSource.<T>builder()
                        .setProperties(kafka.properties())
                        .setTopics(topic)
                        .setGroupId(groupId)
                        .setStartingOffsets(start.initializer())
                        .setDeserializer(deserializer)
                        .setProperty("commit.offsets.on.checkpoint", "true");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * Updates to the listening queries after those in {@code catalog}, which the job starts with.
     */
    public static KafkaSource<QueryUpdate> queryUpdates(
            KafkaConnection kafka,
            String topic,
            String groupId,
            QueryCatalog catalog,
            boolean bounded) {
        KafkaSourceBuilder<QueryUpdate> builder =
                KafkaSource.<QueryUpdate>builder()
                        .setProperties(kafka.properties())
                        .setTopics(topic)
                        .setGroupId(groupId + "-queries")
                        .setStartingOffsets(OffsetsInitializer.offsets(catalog.endOffsets()))
                        .setDeserializer(new QueryControl.UpdateDeserializer());
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * The records whose Kafka timestamps lie in [{@code from}, {@code to}) (null: open ended), read
     * once, committing no offsets: a replay must not move the live jobs' consumer groups.
     */
    public static <T> KafkaSource<T> timeRange(
            KafkaConnection kafka,
            String topic,
            String groupId,
            Instant from,
            Instant to,
            KafkaRecordDeserializationSchema<T> deserializer) {
        return KafkaSource.<T>builder()
                .setProperties(kafka.properties())
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(
                        from == null
                                ? OffsetsInitializer.earliest()
                                : OffsetsInitializer.timestamp(from.toEpochMilli()))
                .setBounded(
                        to == null
                                ? OffsetsInitializer.latest()
                                : OffsetsInitializer.timestamp(to.toEpochMilli()))
                .setDeserializer(deserializer)
                .setProperty("commit.offsets.on.checkpoint", "false")
                .build();
    }

    /** No updates: the queries in {@code catalog} stay as they are for the whole run (replays). */
    public static KafkaSource<QueryUpdate> fixedQueries(
            KafkaConnection kafka, String topic, String groupId, QueryCatalog catalog) {
        return KafkaSource.<QueryUpdate>builder()
                .setProperties(kafka.properties())
                .setTopics(topic)
                .setGroupId(groupId + "-queries")
                .setStartingOffsets(OffsetsInitializer.offsets(catalog.endOffsets()))
                .setBounded(OffsetsInitializer.offsets(catalog.endOffsets()))
                .setDeserializer(new QueryControl.UpdateDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "false")
                .build();
    }

    public static <T> KafkaSink<T> atLeastOnceSink(
            KafkaConnection kafka, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(kafka.properties())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
