// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A Kafka producer whose delivery failures are not lost in a callback: the first one is thrown by
 * the next {@link #send} or by {@link #flush()}, so a caller knows everything before a flush is
 * stored.
 */
public final class CheckedProducer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String bootstrapServers;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /**
     * Acknowledged by all in-sync replicas, idempotent; {@code extra} adds or overrides settings.
     */
    public CheckedProducer(KafkaConnection kafka, String clientId, Properties extra) {
        Properties properties = kafka.properties();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.putAll(extra);
        this.bootstrapServers = kafka.bootstrapServers();
        this.producer =
                new KafkaProducer<>(
                        properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public void send(ProducerRecord<byte[], byte[]> record) {
        send(record, tooLarge -> failure.compareAndSet(null, tooLarge));
    }

    /**
     * Sends {@code record}; if the producer or a broker refuses it for its size, {@code tooLarge}
     * is told instead of the producer failing. It may be told on the calling thread, during this
     * call, or on Kafka's I/O thread, so it should only take note.
     */
    public void send(
            ProducerRecord<byte[], byte[]> record, Consumer<RecordTooLargeException> tooLarge) {
        throwIfFailed("Kafka did not accept a record");
        producer.send(
                record,
                (metadata, error) -> {
                    if (error instanceof RecordTooLargeException refused) {
                        tooLarge.accept(refused);
                    } else if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
    }

    /** Waits until everything sent is stored; throws if anything failed. */
    public void flush() {
        producer.flush();
        throwIfFailed("Kafka did not accept every record");
    }

    private void throwIfFailed(String what) {
        Exception error = failure.getAndSet(null);
        if (error instanceof AuthenticationException) {
            // Kafka's own message is vague about TLS ("Failed to process post-handshake messages");
            // the cause says why
            String why = error.getCause() == null ? "" : " (" + error.getCause().getMessage() + ")";
            throw new IllegalStateException(
                    what
                            + ": Kafka at "
                            + bootstrapServers
                            + " did not accept this client's "
                            + "credentials, see the security settings of --kafka-config: "
                            + error.getMessage()
                            + why,
                    error);
        }
        if (error != null) {
            throw new IllegalStateException(what + ": " + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
