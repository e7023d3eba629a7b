// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.replay;

import io.hark.jobs.kafka.KafkaConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many records a topic holds in a range of record time: the total a replay's progress counts
 * towards.
 */
public final class KafkaRange {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KafkaRange() {}

    /** Records with timestamps in [{@code from}, {@code to}) (null: open ended). */
    public static long count(KafkaConnection kafka, String topic, Instant from, Instant to) {
        Properties properties = kafka.properties();
        properties.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        properties.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, TIMEOUT).stream()
                            .map(info -> new TopicPartition(topic, info.partition()))
                            .toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException(
                        "Kafka topic " + topic + " does not exist on " + kafka.bootstrapServers());
            }
            Map<TopicPartition, Long> first =
                    from == null
                            ? consumer.beginningOffsets(partitions, TIMEOUT)
                            : at(consumer, partitions, from);
            Map<TopicPartition, Long> end =
                    to == null
                            ? consumer.endOffsets(partitions, TIMEOUT)
                            : at(consumer, partitions, to);
            return partitions.stream()
                    .mapToLong(partition -> Math.max(0, end.get(partition) - first.get(partition)))
                    .sum();
        }
    }

    /** Per partition, the offset of the first record at or after {@code time}, or the end. */
    private static Map<TopicPartition, Long> at(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            offsets.put(partition, offset == null ? ends.get(partition) : offset.offset());
        }
        return offsets;
    }
}
