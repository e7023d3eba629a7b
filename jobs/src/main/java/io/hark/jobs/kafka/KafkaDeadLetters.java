// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.IndexRequest;
import io.hark.jobs.elasticsearch.RejectedDocuments;
import io.hark.schema.DeadLetter;
import java.time.Instant;
import java.util.Properties;

/** Documents Elasticsearch refused for good, as dead letters on the dead-letter topic. */
public record KafkaDeadLetters(KafkaConnection kafka, String topic) implements RejectedDocuments {
    @Override
    public Channel open() {
        CheckedProducer producer =
                new CheckedProducer(kafka, "hark-index-dead-letters", new Properties());
        return new Channel() {
            @Override
            public void reject(IndexRequest request, String reason, String detail) {
                producer.send(
                        Topics.deadLetterRecord(
                                topic,
                                DeadLetter.newBuilder()
                                        .setPayloadText(request.sourceText())
                                        .setMentionId(request.id())
                                        .setStage("index")
                                        .setReason(reason == null ? "rejected" : reason)
                                        .setDetail("index " + request.index() + ": " + detail)
                                        .setFailedAt(Instant.now())
                                        .build()));
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }
}
