// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning to the end offsets seen at the start, without a consumer group:
 * how counts are read back from Kafka (dead letters, enriched mentions) rather than taken from
 * counters.
 */
public final class TopicReader {
    private TopicReader() {}

    /** Calls {@code each} for every record now in {@code topic}; returns how many there were. */
    public static long readAll(
            KafkaConnection kafka, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        long[] count = {0};
        readToEnd(
                kafka,
                topic,
                record -> {
                    each.accept(record);
                    count[0]++;
                });
        return count[0];
    }

    /**
     * Calls {@code each} for every record now in {@code topic}; returns the end offsets it read to.
     */
    public static Map<TopicPartition, Long> readToEnd(
            KafkaConnection kafka, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties properties = kafka.properties();
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream()
                    .anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset()
                            < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
            return end;
        }
    }

    /** How many records the topic holds now (end minus beginning offsets). */
    public static long size(KafkaConnection kafka, String topic) {
        Properties properties = kafka.properties();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> begin =
                    consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }
}
