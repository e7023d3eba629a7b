// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.kafka;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a job writes to when they are missing: brokers often refuse to create them on
 * first write.
 */
public final class KafkaTopics {
    private KafkaTopics() {}

    /**
     * Creates each of {@code topics} that does not exist yet; existing ones are left as they are.
     */
    public static void ensure(KafkaConnection kafka, List<NewTopic> topics) {
        try (Admin admin = Admin.create(kafka.properties())) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "cannot create Kafka topic "
                                        + topic.name()
                                        + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }

    /** One partition, the broker's default replication. */
    public static NewTopic single(String name) {
        return new NewTopic(name, 1, (short) -1);
    }
}
