// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.cli;

import io.hark.jobs.kafka.KafkaConnection;
import io.hark.schema.Alert;
import io.hark.schema.AvroCodec;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Prints alert steps as they arrive on the alert topic, one line each, until interrupted. */
final class AlertTail implements Runnable {
    private final KafkaConnection kafka;
    private final String topic;
    private final PrintStream out;

    AlertTail(KafkaConnection kafka, String topic, PrintStream out) {
        this.kafka = kafka;
        this.topic = topic;
        this.out = out;
    }

    /** The lines that show one record of the alert topic. */
    static String line(byte[] record) {
        try {
            Alert alert = AvroCodec.ALERT.decode(record);
            return String.format(
                    "[ALERT %s %s] %s%n        %s",
                    alert.getState(),
                    alert.getSeverity(),
                    alert.getSummary(),
                    alert.getKibanaUrl());
        } catch (AvroCodec.UndecodableException e) {
            return "[ALERT ?] not an alert: " + e.getMessage();
        }
    }

    @Override
    public void run() {
        Properties properties = kafka.properties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "hark-local-alert-tail");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    out.println(line(record.value()));
                }
            }
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }
}
