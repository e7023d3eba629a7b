// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.IndexRequest;
import io.hark.jobs.elasticsearch.RejectedDocuments;
import io.hark.schema.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Documents Elasticsearch refused for good, as dead letters on the dead-letter topic. */
public record KafkaDeadLetters(KafkaConnection kafka, String topic) implements RejectedDocuments {
  @Override
  public Channel open() {
    Properties properties = kafka.properties();
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "hark-index-dead-letters");
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    AtomicReference<Exception> failure = new AtomicReference<>();
    return new Channel() {
      @Override
      public void reject(IndexRequest request, String reason, String detail) {
        DeadLetter deadLetter = DeadLetter.newBuilder()
            .setPayloadText(request.sourceText())
            .setMentionId(request.id())
            .setStage("index")
            .setReason(reason == null ? "rejected" : reason)
            .setDetail("index " + request.index() + ": " + detail)
            .setFailedAt(Instant.now())
            .build();
        producer.send(Topics.deadLetterRecord(topic, deadLetter), (metadata, error) -> {
          if (error != null) {
            failure.compareAndSet(null, error);
          }
        });
      }

      @Override
      public void flush() {
        producer.flush();
        Exception error = failure.getAndSet(null);
        if (error != null) {
          throw new IllegalStateException("cannot store a rejected document on dead-letter topic " + topic, error);
        }
      }

      @Override
      public void close() {
        producer.close(Duration.ofSeconds(10));
      }
    };
  }
}
